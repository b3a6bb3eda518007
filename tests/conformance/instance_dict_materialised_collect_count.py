# How many objects a cycle of two instances counts as depends on whether their attribute dicts
# exist as objects: 2.7 always has them; 3.12 keeps attributes inline until someone asks for
# __dict__, which makes a real dict that the collector then counts too.
from __future__ import print_function
import gc

gc.disable()
gc.collect()


class Node(object):
    pass


def pair(touch_dict):
    a = Node()
    b = Node()
    a.peer = b
    b.peer = a
    if touch_dict:
        a.__dict__
        b.__dict__


pair(False)
print("attributes only", gc.collect())
pair(True)
print("after touching __dict__", gc.collect())


class Empty(object):
    pass


e = Empty()
e.me = e
del e
print("one instance", gc.collect())
