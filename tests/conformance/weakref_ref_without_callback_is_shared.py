# weakref.ref(o) without a callback returns the same weak reference each time; with a callback
# every call makes a new one. Weak references compare like their referents while those live;
# once dead, a weak reference equals only itself.
from __future__ import print_function
import weakref


class Target(object):
    pass


t = Target()
r1 = weakref.ref(t)
r2 = weakref.ref(t)
print("shared", r1 is r2)
c1 = weakref.ref(t, lambda r: None)
c2 = weakref.ref(t, lambda r: None)
print("with callbacks distinct", c1 is c2, c1 is r1)
print("equal while alive", c1 == c2, r1 == c1)
print("weakref count", weakref.getweakrefcount(t))
print("getweakrefs", len(weakref.getweakrefs(t)))
print("deref is target", r1() is t)
u = Target()
print("refs to different objects equal", weakref.ref(u) == r1)
del t
print("dead", r1() is None, c1() is None)
print("dead equal only to itself", r1 == c1, r1 == r1)
print("weakref count of a live object with none", weakref.getweakrefcount(u))
