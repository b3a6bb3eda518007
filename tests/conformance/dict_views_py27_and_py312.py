# Dict views (2.7: viewkeys/viewvalues/viewitems, 3.12: keys/values/items) are live, tracked objects that keep their dict alive; equality with sets, membership, 3.12's isdisjoint, errors
from __future__ import print_function
import gc
import sys

def views(d):
    if sys.version_info[0] == 2:
        return d.viewkeys(), d.viewvalues(), d.viewitems()
    return d.keys(), d.values(), d.items()

gc.disable()
gc.collect()
d = {1: "a", 2: "b"}
before = sys.getrefcount(d)
k, v, i = views(d)
print(k, v, i, type(k).__name__, type(v).__name__, type(i).__name__)
print(sys.getrefcount(d) - before, gc.is_tracked(k), gc.is_tracked(v))
print(len(k), 1 in k, 5 in k, "a" in v, (1, "a") in i, (1, "b") in i, [1] in i, list(k), list(i))
d[3] = "c"
print(k, len(v), sorted(v), bool(k))
print(k == set([1, 2, 3]), i == set([(1, "a"), (2, "b"), (3, "c")]), k != frozenset([1]), v == v, k == views(d)[0])
try:
    hash(k)
except TypeError as e:
    print(e)
try:
    d.viewkeys(1) if sys.version_info[0] == 2 else d.keys(1)
except TypeError as e:
    print(e)
d2 = {"x": 1}
kv = views(d2)[0]
del d2
print(kv, len(kv))
if sys.version_info[0] > 2:
    k, i = views(d)[0], views(d)[2]
    for call in (lambda: k.isdisjoint([5]), lambda: k.isdisjoint({9, 1}), lambda: k.isdisjoint(k), lambda: i.isdisjoint([(1, "a")]),
                 lambda: k.isdisjoint(5), lambda: k.isdisjoint([[1]]), lambda: hasattr(views(d)[1], "isdisjoint")):
        try:
            print(call())
        except TypeError as e:
            print(e)
else:
    print(hasattr(views(d)[0], "isdisjoint"))
count = gc.get_count()[0]
made = views(d)
print(gc.get_count()[0] - count)
del made, kv, k, v, i
d.clear()
print(gc.collect())
