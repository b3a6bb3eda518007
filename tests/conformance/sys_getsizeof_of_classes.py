# sys.getsizeof of type objects (64-bit): a class is a big object of its own. 2.7 counts
# PyHeapTypeObject and a member definition per __slots__ name a class adds; 3.12 also counts
# the shared-keys table cached for classes whose instances keep a managed dict. Built-in types
# are static objects, outside the collector: no GC header.
from __future__ import print_function
import sys


class Plain(object):
    pass


class WithMethods(object):
    a = 1

    def f(self):
        return self.a


class Derived(WithMethods):
    pass


class Slotted(object):
    __slots__ = ('a',)


class MoreSlots(Slotted):
    __slots__ = ('b', 'c', '__weakref__')


class Error(Exception):
    pass


class MyList(list):
    pass


class MyDict(dict):
    pass


for cls in (Plain, WithMethods, Derived, Slotted, MoreSlots, Error, MyList, MyDict, int, dict, type, object):
    print(cls.__name__, sys.getsizeof(cls))
print("exception instances:", sys.getsizeof(Exception()), sys.getsizeof(ValueError('x')), sys.getsizeof(KeyError('k')))
