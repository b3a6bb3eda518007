# Reference counting frees an object the moment its last reference goes: __del__ runs at once,
# in the statement that drops the reference, not later.
from __future__ import print_function


class Tracked(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


a = Tracked("a")
b = a
print("two names")
del a
print("one name left")
del b
print("after del b")

c = Tracked("c")
c = None
print("after rebinding c")

holder = [Tracked("in-list")]
print("list built")
holder.pop()
print("after pop")

d = {"key": Tracked("in-dict")}
d["key"] = 1
print("after overwriting the dict value")
