# 2.7's o[i:j] of a list subclass slices it as a list even when the class overrides __getitem__
# (list's own slice slot), unless the class defines __getslice__; a classic instance takes
# __getslice__ (else __getitem__ with the adjusted bounds), with len() added to negative bounds.
# 3.x always calls __getitem__ with a slice object.
from __future__ import print_function


class Index(object):
    def __index__(self):
        return -2

    def __repr__(self):
        return 'Index()'


class MyList(list):
    def __getitem__(self, key):
        return 'getitem %r' % (key,)

    def __setitem__(self, key, value):
        print('  setitem', key, value)
        list.__setitem__(self, key, value)


class SliceList(list):
    def __getslice__(self, i, j):
        return 'getslice %d %d' % (i, j)


class OldStyle:
    def __len__(self):
        return 4

    def __getitem__(self, key):
        return 'old getitem %r' % (key,)


class OldSlices(OldStyle):
    def __getslice__(self, i, j):
        return 'old getslice %d %d' % (i, j)


l = MyList([1, 2, 3, 4])
print(l[1:3], l[-1:], l[0:-10], l[:Index()], l[1:3:1], l[2], l[None:1])
l[1:3] = ['a']
del l[-1:]
print(list(l))
s = SliceList([1, 2, 3])
print(s[:], s[-1:], s[1:2:1])
for o in (OldStyle(), OldSlices()):
    print(o[1:2], o[:-1], o[-10:], o[None:1], o[:Index()], o[::2])
    try:
        o[OldStyle():]
    except TypeError as e:
        print('TypeError', e)
