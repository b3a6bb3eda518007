# Weak references to cyclic garbage are cleared before any finalizer runs, so a __del__ in 3.12
# already sees weak references to itself and its peers dead; 2.7 leaves a cycle with __del__
# untouched in gc.garbage with its weak references alive, and clears them only when the cycle
# is broken by hand, just before each __del__ runs.
from __future__ import print_function
import gc
import weakref

gc.disable()
gc.collect()
refs = {}


class Finalized(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name, "weakref to self dead:", refs[self.name]() is None)


a = Finalized("a")
b = Finalized("b")
a.peer = b
b.peer = a
refs["a"] = weakref.ref(a)
refs["b"] = weakref.ref(b)
del a, b
gc.collect()
print("weakrefs alive after collect:", refs["a"]() is not None, refs["b"]() is not None)


def release_garbage():
    for obj in gc.garbage:
        obj.peer = None
    del gc.garbage[:]


release_garbage()
print("end")
