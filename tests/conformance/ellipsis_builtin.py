# Ellipsis is one immortal object of type ellipsis, passed to __getitem__ as it is (alone or in a tuple)
from __future__ import print_function
import sys
class A(object):
    def __getitem__(self, k):
        return k
print(Ellipsis, type(Ellipsis).__name__, Ellipsis is Ellipsis, repr(Ellipsis), bool(Ellipsis))
print(A()[Ellipsis], A()[1:2, Ellipsis], str(Ellipsis), Ellipsis == Ellipsis)
print(sys.getrefcount(Ellipsis) > 1)
print(A()[...], A()[1, ...], A()[..., 2:3])
