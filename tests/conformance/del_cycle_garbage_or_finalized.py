# A cycle whose objects define __del__: 2.7's collector refuses to guess an order and parks the
# whole cycle in gc.garbage, never calling __del__; 3.12 (PEP 442) calls each __del__ and frees
# the cycle.
from __future__ import print_function
import gc

gc.disable()
gc.collect()


class Finalized(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


a = Finalized("a")
b = Finalized("b")
a.peer = b
b.peer = a
del a, b
print("collected", gc.collect())
print("garbage", len(gc.garbage))
print("garbage names", sorted(o.name for o in gc.garbage))


def break_garbage():
    for o in gc.garbage:
        o.peer = None
    del gc.garbage[:]


break_garbage()
print("garbage cleared")
print("collected again", gc.collect())
