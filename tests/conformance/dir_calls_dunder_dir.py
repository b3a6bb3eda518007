# dir(o) calls the __dir__ of o's class (a classic instance's own in 2.7) and sorts what it
# returns: 2.7 wants a list and sorts that very list; 3.12 sorts a new list of any iterable.
from __future__ import print_function
import gc


class Names(object):
    def __dir__(self):
        return ['b', 'a', 'c']


class TupleNames(object):
    def __dir__(self):
        return ('b', 'a')


class NotIterable(object):
    def __dir__(self):
        return 5


names = ['y', 'x']


class SameList(object):
    def __dir__(self):
        return names


class Old:
    def __dir__(self):
        return ['q', 'p']


class Fails(object):
    def __dir__(self):
        raise ValueError('no names')


class Mixed(object):
    def __dir__(self):
        return ['a', 1]


class Inherits(Names):
    pass


print(dir(Names()))
print(dir(Inherits()))
for cls in (TupleNames, NotIterable, Fails, Mixed):
    try:
        print(dir(cls()))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
r = dir(SameList())
print(r, names, r is names)
print(dir(Old()))
print('__dir__' in dir(Names), 'b' in dir(Names))
gc.collect()
before = gc.get_count()[0]
r = dir(Names())
print('after a collection', gc.get_count()[0] - before)
before = gc.get_count()[0]
r = dir(Names())
print('again', gc.get_count()[0] - before)
