# A collection of generation n moves the survivors to generation n+1: a cycle that survived a
# gen-0 collection and then becomes garbage is not seen by collect(0), only by collect(1).
from __future__ import print_function
import gc

gc.disable()
gc.collect()


class Node(object):
    pass


def make_cycle():
    a = Node()
    b = Node()
    a.b = b
    b.a = a
    return a


keep = make_cycle()
print("gen0 while alive", gc.collect(0))
del keep
print("gen0 after del", gc.collect(0))
print("gen1 after del", gc.collect(1) > 0)

keep = make_cycle()
gc.collect(0)
gc.collect(1)
del keep
print("gen0 after two promotions", gc.collect(0))
print("gen1 after two promotions", gc.collect(1))
print("gen2 after two promotions", gc.collect(2) > 0)
print("nothing left", gc.collect())
