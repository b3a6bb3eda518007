# dict.update and dict() from a mapping that is not a dict (a class's __dict__ proxy, a class
# with keys() and __getitem__): the objects counted, keys() returning a list or an iterator, and
# a keys attribute of the instance.
from __future__ import print_function
import gc


class C(object):
    a = 1

    def f(self):
        pass


class Mapping(object):
    def __init__(self):
        self.d = {'a': 1, 'b': 2}

    def keys(self):
        return iter(self.d)

    def __getitem__(self, key):
        return self.d[key]


class ListKeys(Mapping):
    def keys(self):
        return ['a', 'b']


class BadKeys(Mapping):
    def keys(self):
        return 5


def counted(label, thunk):
    before = gc.get_count()[0]
    result = thunk()
    print(label, gc.get_count()[0] - before, sorted(k for k in result if not k.startswith('__')))


proxy = C.__dict__
d = {}
gc.collect()
before = gc.get_count()[0]
d.update(proxy)
print('update from a class dict proxy after a collection:', gc.get_count()[0] - before)
before = gc.get_count()[0]
d.update(proxy)
print('again:', gc.get_count()[0] - before)
counted('dict(proxy):', lambda: dict(proxy))
m = ListKeys()
m.keys()
m['a']
gc.collect()
counted('dict of keys() as a list:', lambda: dict(m))
counted('again:', lambda: dict(m))
print(sorted(dict(Mapping()).items()))
shadowed = Mapping()
shadowed.keys = lambda: ['b']
print(dict(shadowed))
try:
    dict(BadKeys())
except TypeError as e:
    print('TypeError:', e)
