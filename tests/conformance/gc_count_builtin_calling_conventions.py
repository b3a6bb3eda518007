# gc.get_count() around calls of built-in functions and methods right after a full collection
# emptied the tuple free lists: 2.7 makes an argument tuple except for METH_O/METH_NOARGS, 3.12
# only for METH_VARARGS (min, max, print, str.find...); a bound built-in method counts once in
# 2.7 (then its free list recycles it) and not at all in 3.12's method calls, also the ones 2.7
# makes itself (a method descriptor's call, format's __format__, sys.getsizeof's __sizeof__).
from __future__ import print_function
import gc
import sys

gc.disable()
out = []


def after_collect(label, before):
    out.append((label, gc.get_count()[0] - before))


class C(object):
    a = 1


s = "a,b"
items = [3, 1, 2]
d = {1: 2}
it = iter(items)
gc.collect(); b = gc.get_count()[0]; len(s); after_collect("len", b)
gc.collect(); b = gc.get_count()[0]; isinstance(1, int); after_collect("isinstance", b)
gc.collect(); b = gc.get_count()[0]; getattr(C, "a"); after_collect("getattr", b)
gc.collect(); b = gc.get_count()[0]; next(it); after_collect("next", b)
gc.collect(); b = gc.get_count()[0]; max(1, 2); after_collect("max", b)
gc.collect(); b = gc.get_count()[0]; abs(-1); after_collect("abs", b)
gc.collect(); b = gc.get_count()[0]; hex(255); after_collect("hex", b)
gc.collect(); b = gc.get_count()[0]; items.append(4); after_collect("list.append", b)
gc.collect(); b = gc.get_count()[0]; items.insert(0, 0); after_collect("list.insert", b)
gc.collect(); b = gc.get_count()[0]; items.count(1); after_collect("list.count", b)
gc.collect(); b = gc.get_count()[0]; d.get(1); after_collect("dict.get", b)
gc.collect(); b = gc.get_count()[0]; s.find("b"); after_collect("str.find", b)
gc.collect(); b = gc.get_count()[0]; s.replace("a", "b"); after_collect("str.replace", b)
gc.collect(); b = gc.get_count()[0]; sys.getrefcount(s); after_collect("sys.getrefcount", b)
gc.collect(); b = gc.get_count()[0]; gc.is_tracked(d); after_collect("gc.is_tracked", b)
gc.collect(); b = gc.get_count()[0]; m = items.append; m(5); m(6); del m; after_collect("bound append twice", b)
gc.collect(); b = gc.get_count()[0]; items.append(7); items.append(8); after_collect("append, append", b)
gc.collect(); b = gc.get_count()[0]; list.append(items, 9); after_collect("list.append(items, x)", b)
gc.collect(); b = gc.get_count()[0]; str.upper(s); after_collect("str.upper(s)", b)
gc.collect(); b = gc.get_count()[0]; format(1, "d"); after_collect("format(1, 'd')", b)
gc.collect(); b = gc.get_count()[0]; "{} {}".format(s, 1.5); after_collect("str.format", b)
gc.collect(); b = gc.get_count()[0]; dict(d); after_collect("dict(d)", b)
gc.collect(); b = gc.get_count()[0]; d.update(d); after_collect("d.update(d)", b)
gc.collect(); b = gc.get_count()[0]; sys.getsizeof(items); after_collect("sys.getsizeof", b)
for label, delta in out:
    print(label, delta)
