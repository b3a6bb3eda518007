# __slots__ instances have no __dict__: a cycle through slots is collected as just the
# instances, and a slot holding the only reference frees its value when cleared.
from __future__ import print_function
import gc

gc.disable()
gc.collect()


class Slotted(object):
    __slots__ = ("peer", "name")

    def __init__(self, name):
        self.name = name


class Tracked(object):
    def __del__(self):
        print("del tracked")


a = Slotted("a")
b = Slotted("b")
a.peer = b
b.peer = a
print("has __dict__", hasattr(a, "__dict__"))
try:
    a.other = 1
except AttributeError as e:
    print("AttributeError")
del a, b
print("collected", gc.collect())
s = Slotted("s")
s.peer = Tracked()
del s.peer
print("after del slot")
s.peer = Tracked()
s = None
print("end")
