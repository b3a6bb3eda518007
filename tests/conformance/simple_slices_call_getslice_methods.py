# 2.7's o[i:j] (no step) calls a class's __getslice__/__setslice__/__delslice__ with int bounds:
# missing ones are 0 and sys.maxsize, longs are clamped, __index__ is called, and a negative one
# gets len(o) added only when the class has __len__; None bounds, a step or 3.x pass a slice object.
from __future__ import print_function
import sys


def show(n):
    return 'maxsize' if n == sys.maxsize else n


class Index(object):
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n

    def __repr__(self):
        return 'Index(%d)' % self.n


class Logger(object):
    def __getitem__(self, key):
        print('  getitem', key)

    def __setitem__(self, key, value):
        print('  setitem', key, value)

    def __delitem__(self, key):
        print('  delitem', key)

    def __getslice__(self, i, j):
        print('  getslice', show(i), show(j))

    def __setslice__(self, i, j, value):
        print('  setslice', show(i), show(j), value)

    def __delslice__(self, i, j):
        print('  delslice', show(i), show(j))


class Sized(Logger):
    def __len__(self):
        return 10


class OnlySet(object):
    def __setslice__(self, i, j, value):
        print('  setslice', i, j, value)

    def __delitem__(self, key):
        print('  delitem', key)


for o in (Logger(), Sized()):
    print(type(o).__name__)
    o[1:2], o[:3], o[-1:], o[-3:-1], o[None:2], o[1:2:], o[::2]
    o[Index(1):Index(-2)], o[1:10 ** 30], o[-10 ** 30:], o['a':'b']
    o[1:2] = 'v'
    o[-1:] = 'w'
    del o[:-2]
    del o[1:2:3]
o = OnlySet()
del o[1]
for statement in ('set', 'del'):
    try:
        if statement == 'set':
            o[1:2] = 'v'
            o[1] = 'v'
        else:
            del o[1:2]
    except AttributeError as e:
        print(statement, 'AttributeError', e)
