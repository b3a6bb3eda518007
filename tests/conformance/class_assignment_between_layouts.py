# obj.__class__ = C changes an instance's class when both classes lay their instances out
# alike (same built-in base, dict, weak-reference slot and __slots__); otherwise TypeError with
# the profile's message (2.7 names the old class first, 3.12 the new one). The attributes stay,
# the old class loses the instance's reference and the new one gains it.
from __future__ import print_function
import gc
import sys

gc.disable()


class A(object):
    pass


class B(object):
    def hello(self):
        return "hello from B"


class S(object):
    __slots__ = ("x",)


class S2(object):
    __slots__ = ("x",)


class S3(object):
    __slots__ = ("y",)


class L(list):
    pass


class L2(list):
    pass


def attempt(obj, cls):
    try:
        obj.__class__ = cls
        print("now", type(obj).__name__)
    except TypeError as ex:
        print("TypeError:", ex)


a = A()
a.x = 1
refs = sys.getrefcount(A), sys.getrefcount(B)
attempt(a, B)
print(a.x, a.__dict__, isinstance(a, B), a.hello())
print("class references", sys.getrefcount(A) - refs[0], sys.getrefcount(B) - refs[1])
for target in [S, int, 5, Exception]:
    attempt(a, target)
s = S()
s.x = "slot"
attempt(s, S2)
print(s.x)
attempt(s, S3)
attempt(L([1]), L2)
attempt(L(), A)
attempt(1, A)
try:
    del a.__class__
except TypeError as ex:
    print("TypeError:", ex)
b = B()
b.me = b
b.__class__ = A
del b
print("cycle collected", gc.collect())
