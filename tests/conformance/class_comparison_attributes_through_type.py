# A class's comparison attributes when its MRO has none: 2.7 finds type's comparison slot
# wrappers and binds them to the class (object.__eq__ is a method-wrapper of a type object,
# comparing types by identity); 3.x finds object's slot wrappers, unbound.
from __future__ import print_function
import gc


class A(object):
    pass


class Eq(object):
    def __eq__(self, other):
        return True


print(object.__eq__)
print(A.__lt__)
print(type.__dict__['__eq__'] if '__eq__' in type.__dict__ else 'type has no __eq__')
print(Eq.__eq__ is not A.__eq__, hasattr(A, '__ge__'))
for name in ('__eq__', '__ne__'):
    method = getattr(A, name)
    try:
        print(name, method(A), method(int))
    except TypeError as e:
        print(name, 'TypeError:', e)
try:
    print(A.__eq__())
except TypeError as e:
    print('TypeError:', e)
print(A == A, A != int, A() == A())
getattr(A, '__eq__')
gc.collect()
before = gc.get_count()[0]
m = A.__eq__
print('bound once', gc.get_count()[0] - before)
