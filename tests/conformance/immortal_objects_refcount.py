# 3.12's immortal objects (None, True, small ints, the empty tuple) report one fixed reference count whatever refers to them; an ordinary object counts its references in both profiles.
from __future__ import print_function
import sys

holders = [None] * 1000 + [1] * 1000
if sys.version_info[0] == 3:
    print(sys.getrefcount(None), sys.getrefcount(1), sys.getrefcount(True), sys.getrefcount(()), sys.getrefcount(-5))
    print(sys.getrefcount(None) == sys.getrefcount(0))
obj = object()
before = sys.getrefcount(obj)
more = [obj] * 10
print(sys.getrefcount(obj) - before)
del more
print(sys.getrefcount(obj) - before)
