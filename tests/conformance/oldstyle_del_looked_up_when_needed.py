# 2.7 looks a classic instance's __del__ up when it dies and when the collector meets it in a
# cycle (its dict, then its class and bases), so a __del__ added to the class after the instance
# was made, put in the instance's dict, or removed, counts from then on; cycles with one go to
# gc.garbage. 3.x classes are new-style: __del__ changes reach them too, and cycles are finalized.
from __future__ import print_function
import gc
import sys


def fin(self):
    print('  __del__ of', self.name)


class A:
    def __init__(self, name):
        self.name = name


class B(A):
    pass


gc.disable()
a = A('a')
loop1 = A('loop1')
loop1.me = loop1
b = B('b')
loop2 = B('loop2')
loop2.me = loop2
A.__del__ = fin
print('del a')
del a
print('del b')
del b
del loop1, loop2
print('collect', gc.collect(), sorted(o.name for o in gc.garbage))
for o in gc.garbage:
    del o.me
del gc.garbage[:]
print('garbage emptied')
c = A('c')
loop3 = A('loop3')
loop3.me = loop3
del A.__del__
print('del c')
del c
del loop3
print('collect', gc.collect(), len(gc.garbage))
d = A('d')
d.__del__ = lambda: print('  instance __del__ of d')
loop4 = A('loop4')
loop4.__del__ = lambda: None
loop4.me = loop4
print('del d')
del d
del loop4
print('collect', gc.collect(), [o.name for o in gc.garbage])
for o in gc.garbage:
    o.__dict__.clear()
del gc.garbage[:]


class C:
    def __del__(self):
        print('  __del__ of C')


x, y = A('x'), C()
print('same type:', type(x) is type(y))
del x
del y
