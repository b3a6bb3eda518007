# sys.getsizeof of generators and code objects (64-bit). A 2.7 generator is 80 bytes whatever it
# runs (its frame is an object of its own) and a code object 128; a 3.12 generator holds its
# frame: 160 bytes plus a word per local, cell, free variable and value-stack slot of its code,
# the same before, during and after the run. 3.12's code objects add CPython's own bytecode, which
# Refheap's is not, so their sizes are printed in 2.7 only (docs/python.md).
from __future__ import print_function
import sys


def gen_locals(n):
    x = 1
    y = 2
    for i in range(n):
        yield i + x + y


def gen_deep(a, b, c, d, e):
    yield [a, [b, [c, [d, [e]]]]]


def gen_cell(a):
    yield lambda: a


def outer(a, b):
    def gen_free():
        yield a + b
    return gen_free


for make in (lambda: gen_locals(3), lambda: gen_deep(1, 2, 3, 4, 5), lambda: gen_cell(1), outer(1, 2),
             lambda: (x for x in range(3)), lambda: (x * y for x in range(3) for y in range(2))):
    g = make()
    before = sys.getsizeof(g)
    next(g)
    during = sys.getsizeof(g)
    for _ in g:
        pass
    print(g.__name__, before, during, sys.getsizeof(g))
if sys.version_info[0] == 2:
    for f in (gen_locals, gen_deep, outer, make):
        print(f.__name__, sys.getsizeof(f.__code__), f.__code__.co_nlocals, f.__code__.co_stacksize)
