# A list frees its items from the last to the first; del of a slice and clearing via slice
# assignment follow the list's own order.
from __future__ import print_function


class Tracked(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


items = [Tracked(i) for i in range(4)]
print("drop the list")
del items
print("---")
items = [Tracked(i) for i in range(4, 8)]
del items[1:3]
print("after del items[1:3]")
items[:] = []
print("after items[:] = []")
t = tuple([Tracked("t%d" % i) for i in range(3)])
print("drop the tuple")
del t
print("end")
