# A function's and its code object's attributes per profile: co_argcount and 3.x's counts, 2.7's func_* aliases (ordinary attributes in 3.x), a generator's gi_running (an int in 2.7).
from __future__ import print_function
import sys


def f(a, b=2, *args, **kw):
    "the doc"
    return a


print(f.__code__.co_argcount, f.__code__.co_nlocals, f.__code__.co_varnames, f.__defaults__)
print(getattr(f.__code__, 'co_kwonlyargcount', 'no kwonly count'), getattr(f.__code__, 'co_qualname', 'no qualname'))
print(getattr(f, 'func_name', 'no func_name'), getattr(f, 'func_defaults', 'no func_defaults'))
f.func_doc = 'set as an attribute'
print(f.__doc__, sorted(f.__dict__))
try:
    f.func_name = 3
    print('func_name is', f.func_name, 'and __name__ is', f.__name__)
except TypeError as e:
    print('TypeError', e)


class C(object):
    def method(self, x, y=1):
        return x

    class Inner(object):
        def deep(self):
            pass


print(C.method.__code__.co_argcount, getattr(C.Inner.deep.__code__, 'co_qualname', 'no qualname'))


def gen():
    yield g.gi_running


g = gen()
print(repr(g.gi_running), repr(next(g)))
print(sys.version_info[0] in (2, 3))
