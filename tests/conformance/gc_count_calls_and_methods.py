# gc.get_count() across calls: 2.7 counts a frame only when it is new (a code object keeps its
# dead frame for its next call, other dead frames wait on a free list); 3.12 counts no frame at
# all, and a method call a.m() makes no bound method there (2.7 recycles one from a free list).
from __future__ import print_function
import gc

gc.disable()
gc.collect()
last = [gc.get_count()[0]]


def show(label):
    now = gc.get_count()[0]
    if label:
        print(label, now - last[0])
    last[0] = gc.get_count()[0]


def f(x):
    return x


def rec(n):
    if n:
        rec(n - 1)


class A(object):
    def m(self):
        return 1


a = A()
show(None)
show("nothing")
f(1)
show("first call")
f(2)
show("second call")
f(3)
f(4)
show("two more calls")
rec(3)
show("recursion depth 3 first")
rec(3)
show("recursion depth 3 again")
rec(2)
show("recursion depth 2")
a.m()
show("first method call")
a.m()
a.m()
show("two method calls")
bound = a.m
show("bound method kept")
bound()
show("bound method called")
del bound
show("bound method dropped")
print("collected", gc.collect())
