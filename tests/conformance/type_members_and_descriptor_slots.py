# A class's own members (__mro__, __dict__, 3.x's __qualname__) are type's, not entries of its dict; descriptors' __get__/__set__/__delete__ can be called by hand (binding a function, reading a property or a slot); a subclass attribute hides a base's slot
from __future__ import print_function
import gc


class A(object):
    __slots__ = ("x", "__dict__")

    def method(self):
        return "bound to %s" % type(self).__name__

    @property
    def p(self):
        "the p"
        return 7


for name, value in [("__mro__", ()), ("__dict__", {}), ("__qualname__", "Q"), ("__qualname__", 5)]:
    try:
        setattr(A, name, value)
        print(name, "set", A.__name__, getattr(A, "__qualname__", "-"))
    except Exception as e:
        print(name, type(e).__name__, e)
a = A()
f = A.__dict__["method"]
print(f.__get__(a, A)(), A.__dict__["p"].__get__(a, A), A.p.__doc__)
member = A.__dict__["x"]
member.__set__(a, 42)
print(a.x, member.__get__(a, A), type(member).__name__)
member.__delete__(a)
print(hasattr(a, "x"))
try:
    f.__get__(None, None)
except TypeError as e:
    print("TypeError:", e)


class B(A):
    x = 5


b = B()
print(b.x)
b.x = 6
print(b.x, B.x, sorted(b.__dict__.items()))
del a, b, f, member
print(gc.collect())
