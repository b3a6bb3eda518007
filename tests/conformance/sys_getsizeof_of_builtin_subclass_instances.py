# sys.getsizeof of instances of classes derived from object, list, dict, set and exceptions, with
# and without __slots__, a container's items counted: a class adds a dict and a weak-reference
# slot only where its base has none, so an exception subclass keeps its attributes in
# BaseException's own dict (visited once by the collector, reachable through __dict__), and
# asking for a second one is a TypeError.
from __future__ import print_function
import gc
import sys
import weakref


class Error(Exception):
    pass


class SlottedError(Exception):
    __slots__ = ('a',)


class EmptySlotsError(Exception):
    __slots__ = ()


class SubError(Error):
    __slots__ = ('b',)


class MyKeyError(KeyError):
    pass


def make(name, base, slots):
    namespace = {} if slots is None else {'__slots__': slots}
    return type(name, (base,), namespace)


for base in (object, list, dict, set, frozenset):
    for slots in (None, (), ('a',), ('a', 'b'), ('__weakref__',), ('__dict__',)):
        try:
            print(base.__name__, slots, sys.getsizeof(make('C', base, slots)()))
        except TypeError as error:
            print(base.__name__, slots, error)
for base, items in ((list, range(20)), (dict, [(i, i) for i in range(10)]), (set, range(10)), (frozenset, range(10))):
    print(base.__name__, 'with items', sys.getsizeof(make('C', base, None)(items)), sys.getsizeof(make('C', base, ('a',))(items)))
grown = make('C', list, None)()
for i in range(10):
    grown.append(i)
    print(sys.getsizeof(grown), end=' ')
print()
gc.collect()
for cls in (Error, SlottedError, EmptySlotsError, SubError, MyKeyError):
    print(cls.__name__, sys.getsizeof(cls()), '__dict__' in cls.__dict__, '__weakref__' in cls.__dict__)

e = SlottedError('arg')
e.a = 'slot'
e.extra = 'in the dict'
print(e.__dict__, [type(r).__name__ for r in gc.get_referents(e)])
r = weakref.ref(Error())
print(r())
loop = SubError()
loop.me = loop
loop.b = [loop]
del loop
print(gc.collect())
for slots in (('__dict__',), ('__weakref__',)):
    try:
        make('D', Error, slots)
        print(slots, 'accepted')
    except TypeError as error:
        print(slots, error)
