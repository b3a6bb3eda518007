# gc.get_count() around comprehensions: 3.12 inlines list, set and dict comprehensions (PEP 709),
# so no function object is made for them (a generator expression still makes its generator);
# 2.7 runs set and dict comprehensions as functions and its list comprehension inline.
from __future__ import print_function
import gc
import sys

gc.disable()
data = [1, 2, 3]
marker = object()


def counts(label, make):
    gc.collect()
    before = gc.get_count()[0]
    result = make()
    print(label, gc.get_count()[0] - before, type(result).__name__, len(result))


def run_in_function():
    counts("list", lambda: [x for x in data])
    counts("dict", lambda: {x: x for x in data})
    counts("dict of tuples", lambda: {x: (x, y) for x in data for y in data})
    counts("genexp", lambda: list(x for x in data))


run_in_function()

gc.collect()
before = gc.get_count()[0]
squares = [x * x for x in data]
print("module list", gc.get_count()[0] - before)
gc.collect()
before = gc.get_count()[0]
lookup = {x: x for x in data}
print("module dict", gc.get_count()[0] - before)

gc.collect()
before = gc.get_count()[0]
refcounts = [sys.getrefcount(marker) for i in range(2)]
print("refcounts", refcounts, gc.get_count()[0] - before)


def code_objects(f):
    return len([c for c in f.__code__.co_consts if type(c) is type(f.__code__)])


def has_listcomp():
    return [x for x in data]


def has_setcomp():
    return {x for x in data}


def has_genexp():
    return list(x for x in data)


print("code objects", code_objects(has_listcomp), code_objects(has_setcomp), code_objects(has_genexp))
print("co_varnames", has_listcomp.__code__.co_varnames, has_setcomp.__code__.co_varnames)
gc.enable()
