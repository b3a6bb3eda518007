# A class with several bases is laid out as its best base (a list or dict subclass before a plain class, the class with more __slots__), and bases whose layouts conflict are CPython's TypeError: a later built-in base is no longer read through the first base's layout
from __future__ import print_function
import gc


class A(object):
    pass


class L(list):
    pass


class M(A, L):
    pass


m = M()
m.append(1)
m.tag = "t"
print(m, isinstance(m, list), len(m), m.tag, M.__base__.__name__)


class D(A, dict):
    pass


d = D(a=1)
print(d, d["a"], D.__base__.__name__)


class S1(object):
    __slots__ = ("a",)


class S2(object):
    __slots__ = ("b", "c")


class S3(S1):
    __slots__ = ("z",)


for bases in [(S1, S2), (L, dict), (S1, L), (KeyError, OSError, StopIteration)]:
    try:
        type("X", bases, {})
        print("made", [b.__name__ for b in bases])
    except TypeError as e:
        print("TypeError:", e)
x = type("X", (S1, S3), {})()
x.a, x.z = 1, 2
print(x.a, x.z, type(x).__base__.__name__)


class G(KeyError, ValueError):
    pass


class H(ValueError, OSError):
    pass


print(G.__base__.__name__, H.__base__.__name__, [t.__name__ for t in G.__mro__])
for t in (object, int, list, A, L, M, type, Exception, KeyError):
    print(t.__name__, t.__base__)
del m, d, x
print(gc.collect())
