# Several weak references with callbacks to one object: when it dies the callbacks run newest
# first, each receiving its own (now dead) weak reference.
from __future__ import print_function
import weakref


class Target(object):
    pass


def make_callback(label):
    def callback(ref):
        print("callback", label, "ref dead", ref() is None)
    return callback


t = Target()
refs = [weakref.ref(t, make_callback(i)) for i in range(4)]
print("count", weakref.getweakrefcount(t))
del t
print("after del")
print("all dead", all(r() is None for r in refs))
