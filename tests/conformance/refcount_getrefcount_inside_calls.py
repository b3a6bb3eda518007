# sys.getrefcount seen from inside a call: the parameter adds one, and so does whatever the
# interpreter holds for the call (2.7 and 3.12 differ here), while a default argument adds one
# more holder for as long as the function lives.
from __future__ import print_function
import sys


class Plain(object):
    pass


def count(x):
    return sys.getrefcount(x)


def count_two(x, y):
    return sys.getrefcount(x)


def count_star(*args):
    return sys.getrefcount(args[0])


o = Plain()
base = sys.getrefcount(o)
print("module level", base)
print("one parameter", count(o) - base)
print("two parameters", count_two(o, 1) - base)
print("star args", count_star(o) - base)
print("keyword argument", count(x=o) - base)


def with_default(x=o):
    return x


print("held by a default", sys.getrefcount(o) - base)
del with_default
print("after del of the function", sys.getrefcount(o) - base)
