# Comprehension variables captured by lambdas, and comprehensions in class bodies. 3.12 inlines
# list, set and dict comprehensions (PEP 709): a captured variable gets one new cell per run, an
# outer variable of the same name is untouched, and in a class body the class namespace is not
# visible inside (its iterable is). 2.7's list comprehension leaks and sees the class namespace.
from __future__ import print_function
import gc

gc.disable()


def captured():
    value = "outer value"
    getters = [lambda: value for value in range(3)]
    return [g() for g in getters], value


print("captured", captured())


def shadowing_a_cell():
    x = "outer x"
    get_x = lambda: x
    xs = [x for x in range(2)]
    return xs, get_x(), x


print("shadowing a cell", shadowing_a_cell())

module_getters = {k: (lambda: k) for k in "ab"}
print("module getters", sorted((k, g()) for k, g in module_getters.items()))

gc.collect()
before = gc.get_count()[0]
held = [lambda: n for n in range(3)]
print("cells and functions", gc.get_count()[0] - before, [h() for h in held])

limit = "global limit"


class Table(object):
    limit = 2
    rows = [limit for r in range(limit)]
    pairs = dict((p, p) for p in range(limit))
    squares = {s: s * s for s in range(limit)}


print("class body", Table.rows, Table.pairs, Table.squares)


def make_class():
    shared = "enclosing"

    class Inner(object):
        shared = "class attribute"
        seen = [shared for i in range(1)]
        funcs = [lambda: i for i in range(2)]

    return Inner


Inner = make_class()
try:
    print("enclosing", Inner.seen, [f() for f in Inner.funcs], Inner.funcs[0].__name__)
except NameError as e:
    print("enclosing", Inner.seen, "NameError", e)
gc.enable()
