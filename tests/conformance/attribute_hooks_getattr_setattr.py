# A class's own attribute methods: __getattr__ answers only what the lookup misses,
# __getattribute__ sees every lookup, __setattr__/__delattr__ every store and deletion (and must
# reach object's to store anything). A lazy __getattr__ cache and a __setattr__ that keeps a
# reference to every value it sees: where memory can hide.
from __future__ import print_function
import sys


class Lazy(object):
    def __init__(self):
        self.made = []

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        value = name.upper()
        self.made.append(name)
        setattr(self, name, value)
        return value


z = Lazy()
print(z.abc, z.abc, z.made, hasattr(z, '_hidden'), getattr(z, '_x', 'default'))


class Logged(object):
    def __getattribute__(self, name):
        if name != '__dict__':
            print('  get', name)
        return object.__getattribute__(self, name)


log = Logged()
log.a = 1
print(log.a)
try:
    log.b
except AttributeError as e:
    print('AttributeError', e)


class History(object):
    seen = []

    def __setattr__(self, name, value):
        History.seen.append(value)
        super(History, self).__setattr__(name, value)

    def __delattr__(self, name):
        print('  deleting', name)
        object.__delattr__(self, name)


class Big(object):
    pass


h = History()
big = Big()
h.x = big
del h.x
print('refs to big after del h.x:', sys.getrefcount(big) - 1, len(History.seen))
History.seen[:] = []
print('refs to big after clearing the history:', sys.getrefcount(big) - 1)


class Sub(History):
    pass


s = Sub()
s.y = 5
print(s.y, len(History.seen))


def late_getattr(self, name):
    return 'late ' + name


Big.__getattr__ = late_getattr
print(big.anything)
del Big.__getattr__
print(hasattr(big, 'anything'))
try:
    object.__setattr__(big, 1, 2)
except TypeError as e:
    print('TypeError', e)
