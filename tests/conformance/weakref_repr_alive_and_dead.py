# The reprs of weak references and proxies while the referent lives and after it died, beside
# the reprs of the instance and its class (addresses appear as 0xADDR in the expected output).
from __future__ import print_function
import weakref


class Target(object):
    pass


t = Target()
r = weakref.ref(t)
p = weakref.proxy(t)
print(repr(t))
print(repr(Target))
print(repr(r))
print(repr(p))
del t
print(repr(r))
print(repr(p))
print(repr(r()))
