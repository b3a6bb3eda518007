# What __del__ prints when a program ends: 2.7 clears the main module's names starting with one underscore first, then the rest, and never collects the cycles left (a class's, so its attributes' __del__ never runs)
from __future__ import print_function
import sys
class D(object):
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n)
a = D('a')
b = D('b')
_c = D('_c')
lst = [D('in list')]
def f(): pass
f.attr = D('func attr')
class K(object):
    cattr = D('class attr')
z = D('z')
print('end of program')
