# An instance's __dict__ can be replaced by another dict (the old one freed) or deleted (a new empty one follows), never by a non-dict, and __weakref__ is read-only
from __future__ import print_function
class A(object): pass
a = A(); a.x = 1
del a.__dict__
print(a.__dict__)
a.__dict__ = {"y": 2}
print(a.y, vars(a))
try:
    a.__dict__ = 5
except TypeError as e:
    print("TypeError:", e)
try:
    a.__weakref__ = 1
except AttributeError as e:
    print("AttributeError:", e)
b = A()
for i in range(3):
    setattr(b, "k%d" % i, i)
b.__dict__ = dict(b.__dict__, extra=1)
print(sorted(vars(b).items()))
import weakref
c = A(); c.big = [1, 2]; probe = weakref.ref(c.__dict__) if False else None
old = c.__dict__
c.__dict__ = {}
print(old, c.__dict__, hasattr(c, "big"))
