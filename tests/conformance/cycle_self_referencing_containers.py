# Containers that contain themselves: a list, a dict and a one-element cycle through an
# instance attribute. Each is freed only by the collector.
from __future__ import print_function
import gc

gc.disable()
gc.collect()

l = []
l.append(l)
print(repr(l))
del l
print("list", gc.collect())

d = {}
d["self"] = d
print(repr(d))
del d
print("dict", gc.collect())


class Node(object):
    pass


n = Node()
n.me = n
del n
print("instance", gc.collect())

a = [1]
b = [a]
a.append(b)
c = {"a": a, "b": b}
del a, b, c
print("two lists and a dict", gc.collect())
print("nothing left", gc.collect())
