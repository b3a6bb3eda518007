# C.__subclasses__() lists the live direct subclasses in the order they were made (a dead one is gone once collected); C.mro() is a new list of the MRO.
from __future__ import print_function
import gc


def names(classes):
    return [c.__name__ for c in classes]


class A(object):
    pass


class B(A):
    pass


class C(A):
    pass


class D(B, C):
    pass


print(names(A.__subclasses__()), names(B.__subclasses__()), names(C.__subclasses__()))
print(names(type.__subclasses__(A)), D.__subclasses__())
print(A.__subclasses__() is A.__subclasses__(), A.__subclasses__() == A.__subclasses__())


class E(A):
    pass


print(names(A.__subclasses__()))
del E
gc.collect()
print(names(A.__subclasses__()))
F = type('F', (C,), {})
print(names(C.__subclasses__()))
del F
gc.collect()
print(names(C.__subclasses__()))

print(names(D.mro()), names(type.mro(D)), names(A.mro()))
print(D.mro() == list(D.__mro__), D.mro() is D.mro(), type(D.mro()).__name__)
print(names(object.mro()), names(type.mro(type)))
m = D.mro()
m.append(1)
print(len(D.__mro__), len(m))
print(D().__class__.mro() == D.mro())
try:
    D().mro()
except AttributeError as e:
    print('AttributeError:', e)
try:
    D().__subclasses__()
except AttributeError as e:
    print('AttributeError:', e)
try:
    type.mro()
except TypeError as e:
    print('TypeError')
try:
    A.mro(1)
except TypeError as e:
    print('TypeError')
