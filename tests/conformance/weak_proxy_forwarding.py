# A weak proxy forwards what it is used for to its referent: comparisons, iteration, truth, str, unary and binary operators (both sides unwrapped), and a dead one raises ReferenceError
from __future__ import print_function
import weakref
class O(object):
    def __init__(self, n): self.n = n
    def __lt__(self, o): return self.n < o.n
    def __iter__(self): return iter([1,2])
    def __bool__(self): return False
    __nonzero__ = __bool__
    def __str__(self): return "O!"
    def __neg__(self): return -self.n
a = O(3); b = O(4)
p = weakref.proxy(a)
print(p < b, b > p, list(p), bool(p), str(p), -p, p + 0 if hasattr(a, "__add__") else 0)
class N(object):
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return self.v + (o.v if isinstance(o, N) else o)

    def __radd__(self, o):
        return o + self.v


x, y = N(1), N(2)
px, py = weakref.proxy(x), weakref.proxy(y)
print(px + 10, 10 + px, px + py, px + y)
del x
try:
    px + 1
except ReferenceError as e:
    print("ReferenceError:", e)
