# Keys and items views (2.7 viewkeys/viewitems, 3.12 keys/items) on either side of | & - ^ make a new set as dictviews_or & co do: contents, the order of colliding int keys, errors, and the objects each makes (gc.get_count)
from __future__ import print_function
import gc
import sys

PY2 = sys.version_info[0] == 2
K = (lambda x: x.viewkeys()) if PY2 else (lambda x: x.keys())
I = (lambda x: x.viewitems()) if PY2 else (lambda x: x.items())
V = (lambda x: x.viewvalues()) if PY2 else (lambda x: x.values())

def t(f):
    try:
        r = f()
        print(type(r).__name__, sorted(r))
    except Exception as e:
        print(type(e).__name__, e)

d = {1: "a", 2: "b", 3: "c"}
e = {2: "b", 9: "z"}
ops = (lambda a, b: a | b, lambda a, b: a & b, lambda a, b: a - b, lambda a, b: a ^ b)
for op in ops:
    t(lambda: op(K(d), K(e))); t(lambda: op(K(d), set([1, 7]))); t(lambda: op(set([1, 7]), K(d))); t(lambda: op(K(d), [3, 8]))
    t(lambda: op([3, 8], K(d))); t(lambda: op(I(d), I(e))); t(lambda: op(I(d), [(1, "a")])); t(lambda: op(K(d), 5))
    t(lambda: op(V(d), V(e))); t(lambda: op(K(d), [[1]])); t(lambda: op(frozenset([2]), K(e)))
print(K({1: 0, 9: 0, 17: 0}) - set([9]), K({1: 0, 9: 0}) ^ set([17]), set([17]) ^ K({1: 0, 9: 0}))
print(K({1: 0, 9: 0, 17: 0, 25: 0}) & set([25, 17, 9, 1, 33]), set([25, 17]) & K({1: 0, 9: 0, 17: 0, 25: 0}), K({9: 0, 1: 0}) | [17, 25])
gc.disable()
gc.collect()
keep = []
calls = (lambda: d.keys() & set([1, 2, 3, 4]) if not PY2 else K(d) & set([1, 2, 3, 4]), lambda: K(d) & set([1]), lambda: K(d) - [1],
         lambda: K(d) & K(e), lambda: K(d) | [4], lambda: K(d) ^ [4], lambda: K(d) - set([1]), lambda: I(d) | [4],
         lambda: set([1]) - K(d), lambda: [1] & K(d), lambda: K(d) - [1])
for f in calls:
    count = gc.get_count()[0]
    keep.append(f())
    print(gc.get_count()[0] - count, end=" ")
print(len(keep))
