# Slices and memory: which items a slice deletion or assignment releases, and in what order
# their __del__ runs (a simple slice's last first, an extended slice's in slice order); slice
# objects handed to __getitem__/__setitem__/__delitem__, and what they keep alive.
from __future__ import print_function
import gc
import sys


class Item(object):
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("  del", self.n)


def items(n):
    return [Item(i) for i in range(n)]


print("del l[1:4]")
l = items(6)
del l[1:4]
print("left", [x.n for x in l])
del l

print("del l[::2]")
l = items(6)
del l[::2]
print("left", [x.n for x in l])
del l

print("l[::-2] = three ints")
l = items(6)
l[::-2] = [0, 0, 0]
print("left", [getattr(x, "n", x) for x in l])
del l

print("l[1:3] = [] and l[:] = l")
l = items(4)
l[1:3] = []
l[:] = l
print("left", [x.n for x in l])
del l

print("a copy shares the items")
l = items(3)
copy = l[:]
print("refcount of l[0] with a copy:", sys.getrefcount(l[0]))
del l
print("copy still holds", [x.n for x in copy])
del copy


class Recorder(object):
    def __getitem__(self, key):
        return key

    def __setitem__(self, key, value):
        print("  set", key, value)

    def __delitem__(self, key):
        print("  del", key)


r = Recorder()
print(r[1:2], r[::3], r[:], r[1:2, 5])
r[1:] = "x"
del r[:-1]

print("a slice object keeps its parts alive")
s = slice(Item("start"), None, None)
print(type(s).__name__, gc.is_tracked(s), s.stop, s.step)
del s
print("extended slice sizes must match:")
l = list(range(5))
try:
    l[::2] = [1]
except ValueError as e:
    print(" ", e)
print("ranges and strings:", list(range(10)[2:8:3]), "memory"[::-1], (1, 2, 3, 4)[-2:])
print("done")
