# Instances of subclasses of the built-in containers (set, frozenset, dict, list) and of
# exceptions: the collector traverses both their own fields and their built-in part, so a
# cycle through either is found and freed.
from __future__ import print_function
import gc


class MySet(set):
    pass


class MyFrozenSet(frozenset):
    pass


class MyDict(dict):
    pass


class MyList(list):
    pass


class MyError(Exception):
    pass


gc.collect()
for make in (MySet, MyDict, MyList):
    a = make()
    b = make()
    a.partner = b
    b.partner = a
    del a, b
    print(make.__name__, 'attribute cycle:', gc.collect())

s = MySet()
holder = MyList([s])
s.add(MyFrozenSet([1, 2]))
s.back = holder
print('referents of a set subclass instance:', sorted(type(r).__name__ for r in gc.get_referents(s)))
del s, holder
print('set in a list in a set subclass:', gc.collect())

d = MyDict()
d['self'] = d
del d
print('dict subclass holding itself:', gc.collect())

e = MyError('boom')
e.me = e
del e
print('exception subclass holding itself:', gc.collect())
