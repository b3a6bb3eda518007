# o[i:j] op= v evaluates o and the bounds once, then gets and sets the slice (2.7: through
# __getslice__/__setslice__ where a class has them); an augmented operator that fails names
# itself ("-=", 3.x "**="), and str/list/tuple + something else is a concatenation error.
from __future__ import print_function
import sys


class Logger(object):
    def __getitem__(self, key):
        print('  getitem', key)
        return [0]

    def __setitem__(self, key, value):
        print('  setitem', key, value)

    def __getslice__(self, i, j):
        print('  getslice', i, j == sys.maxsize and 'maxsize' or j)
        return [1]

    def __setslice__(self, i, j, value):
        print('  setslice', i, j == sys.maxsize and 'maxsize' or j, value)


class Old:
    pass


def bound(n):
    print('  bound', n)
    return n


l = [1, 2, 3, 4, 5]
l[1:3] += ['x']
l[:2] *= 2
l[::2] += []
print(l, sys.getrefcount(l))
o = Logger()
o[bound(1):bound(2)] += [2]
o[:] += [3]
o[1:2:3] += [4]
o[None:] += [5]
t = [[1]]
t[0][0:] += [2]
print(t)
for a, b in (([1], [1]), ((1,), 1), (Logger(), 1), (Old(), 1), ('s', 1), (1, 's'), ([1], 'x'), (None, None)):
    for name in ('+=', '-=', '*=', '/=', '**=', '<<=', '|='):
        x = a
        try:
            if name == '+=':
                x += b
            elif name == '-=':
                x -= b
            elif name == '*=':
                x *= b
            elif name == '/=':
                x /= b
            elif name == '**=':
                x **= b
            elif name == '<<=':
                x <<= b
            else:
                x |= b
        except TypeError as e:
            print(name, e)


class MyList(list):
    pass


for a, b in ((MyList([1]), 1), (MyList(), 'x'), ('s', None), ((1,), [1])):
    try:
        a + b
    except TypeError as e:
        print(e)
