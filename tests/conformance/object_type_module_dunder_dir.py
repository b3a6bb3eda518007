# 3.12's object.__dir__(o), type.__dir__(C) and a module's __dir__ return the names dir() sorts (unsorted lists); 2.7 has none of them.
from __future__ import print_function
import gc
import sys


class A(object):
    x = 1


class B(A):
    def f(self):
        pass


b = B()
b.y = 2
main = sys.modules[__name__]
for o, what in ((object, 'object'), (type, 'type'), (type(main), 'module')):
    print(what, '__dir__' in o.__dict__, hasattr(o, '__dir__'))
if hasattr(object, '__dir__'):
    names = object.__dir__(b)
    print(type(names).__name__, sorted(names) == dir(b), 'y' in names, 'f' in names)
    print(sorted(b.__dir__()) == dir(b))
    print(sorted(type.__dir__(B)) == dir(B), 'f' in type.__dir__(B), 'mro' in type.__dir__(B))
    print(sorted(B.__dir__(b)) == dir(b))
    print(sorted(object.__dir__(B)) == sorted(type.__dir__(type)))
    print(sorted(main.__dir__()) == dir(main), 'A' in main.__dir__())
    print(sorted(type(main).__dir__(main)) == dir(main))
    try:
        type.__dir__(b)
    except TypeError:
        print('TypeError')
    try:
        object.__dir__()
    except TypeError:
        print('TypeError')
else:
    print(dir(b) == sorted(set(dir(B)) | set(['y'])))
