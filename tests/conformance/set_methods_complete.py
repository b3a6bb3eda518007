# set's difference, symmetric_difference, isdisjoint and the _update methods and in-place operators (the set itself updated): results, layouts (reprs of ints), table sizes after dummies are swept, errors, the sets each makes (2.7: of a subclass's own class, without __init__; 3.12: set)
from __future__ import print_function
import gc
import sys

class S(set):
    def __init__(self, *args):
        print("S.__init__ runs")
        set.__init__(self, *args)

def show(label, value):
    print(label, sorted(value) if isinstance(value, (set, frozenset)) else value, type(value).__name__)

a = set([1, 2, 3, 9, 17]); b = frozenset([3, 4, 17, 25])
show("sym", a.symmetric_difference(b))
show("fsym", b.symmetric_difference(a))
show("sym list", a.symmetric_difference([1, 1, 40]))
show("sym dict", a.symmetric_difference({9: 0, 8: 0}))
print(a.symmetric_difference([9, 8, 33, 41]), b.symmetric_difference(()))
show("disjoint", a.isdisjoint(b))
show("disjoint2", a.isdisjoint([5, 6]))
show("disjoint self", a.isdisjoint(a))
show("empty disjoint self", set().isdisjoint(set()))
show("sub disjoint", S([1]).isdisjoint(S([2])))
c = set(a); c.difference_update([1], {2: 0}, frozenset([17]))
print(c, c.difference_update(), c.difference_update(c), c)
c = set(range(0, 80, 8)); c.intersection_update(range(0, 80, 16), [16, 48, 64, 9])
print(c)
c = set([1, 2, 3]); c.intersection_update(); print(c)
c = set([1, 2, 3]); c.intersection_update(c); print(c)
c = set(range(40)); print(sys.getsizeof(c))
c.difference_update(range(39)); print(c, sys.getsizeof(c))
c = set(range(40)); c.difference_update(set(range(30))); print(sys.getsizeof(c))
c = set(range(40)); c.symmetric_difference_update(range(39)); print(sys.getsizeof(c), c)
c = set(range(40)); c.intersection_update([5, 13]); print(sys.getsizeof(c), c)
c = set(range(40))
print([sys.getsizeof(c.difference(o)) for o in (set(range(30)), list(range(30)), dict.fromkeys(range(30)), set([1]), frozenset(range(35, 50)))])
print(sys.getsizeof(c.difference(set(range(5)), range(30))), sys.getsizeof(c.difference(range(5))), c.difference(range(3, 40)), c.difference())
c = set([1, 2]); c.symmetric_difference_update({2: 0, 3: 0}); print(c)
c.symmetric_difference_update(c); print(c)
c = set([1, 2]); c.symmetric_difference_update(frozenset([2, 10])); print(c)
c = set(range(40)); alias = c; c -= set(range(39)); alias2 = c; c &= frozenset([39, 7]); c ^= set([1]); c |= set([2])
print(c is alias is alias2, sorted(alias), sys.getsizeof(alias))
f = frozenset([1]); g = f; f |= frozenset([2]); f &= f; print(f is g, sorted(f), sorted(g))
s = S([1, 9, 17]); f = frozenset([9])
print([(type(r).__name__, sorted(r)) for r in (s - f, s & f, s | f, s ^ f, s.copy(), s.union(), s.intersection(f, [9]), s.difference(), s.symmetric_difference([2]))])
for call in (lambda: a.isdisjoint(1), lambda: a.symmetric_difference(1), lambda: c.difference_update([1], 2),
             lambda: c.intersection_update(3), lambda: c.symmetric_difference_update(None),
             lambda: a.symmetric_difference(), lambda: a.isdisjoint(1, 2), lambda: c.symmetric_difference_update([[]]),
             lambda: b.difference_update([1]), lambda: a.intersection_update([{}])):
    try:
        call()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
gc.collect()
before = gc.get_count()[0]
keep = [a.symmetric_difference(b), a.isdisjoint(b)]
a.difference_update(b); a.intersection_update([2, 9]); a.symmetric_difference_update([1])
print(gc.get_count()[0] - before, sorted(a), len(keep))
