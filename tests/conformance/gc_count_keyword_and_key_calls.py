# gc.get_count() around calls with keyword arguments and key functions right after full
# collections: 3.12 passes keywords to METH_FASTCALL | METH_KEYWORDS functions without a dict
# (print still packs its positional arguments into a tuple) and calls key functions and filter
# predicates without an argument tuple, and o.m(k=v) without a bound method; 2.7 makes a tuple
# and a dict for each.
from __future__ import print_function
import gc
import sys

gc.disable()
out = []


def note(label, before):
    out.append((label, gc.get_count()[0] - before))


def key(x):
    return -x


class Counter(object):
    def method(self, a=0, b=0):
        return sys.getrefcount(self)


counter = Counter()
print("getrefcount(self) in a keyword method call:", counter.method(b=1), counter.method(1, b=2))
items = [3, 1, 2]
text = "a b c"
gc.collect(); b = gc.get_count()[0]; sorted(items, key=key); note("sorted(key=)", b)
gc.collect(); b = gc.get_count()[0]; sorted(items, reverse=True); note("sorted(reverse=)", b)
gc.collect(); b = gc.get_count()[0]; max(items, key=key); note("max(key=)", b)
gc.collect(); b = gc.get_count()[0]; min(3, 4, key=key); note("min(a, b, key=)", b)
gc.collect(); b = gc.get_count()[0]; items.sort(key=key); note("list.sort(key=)", b)
gc.collect(); b = gc.get_count()[0]; print("", end=""); note("print(end=)", b)
gc.collect(); b = gc.get_count()[0]; print("x", "y", sep="", end=""); note("print(a, b, sep=, end=)", b)
gc.collect(); b = gc.get_count()[0]; text.split(" ", 1); note("str.split", b)
gc.collect(); b = gc.get_count()[0]; counter.method(b=1); note("o.method(b=)", b)
print()
for label, delta in out:
    print(label, delta)
