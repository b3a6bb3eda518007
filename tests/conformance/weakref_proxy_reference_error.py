# A weakref.proxy forwards attribute access and calls to its referent; once the referent is
# gone, using the proxy raises ReferenceError.
from __future__ import print_function
import weakref


class Target(object):
    def __init__(self):
        self.value = 42

    def double(self):
        return self.value * 2


t = Target()
p = weakref.proxy(t)
print("value", p.value)
print("method", p.double())
p.value = 7
print("set through proxy", t.value)
print("proxy type is callable proxy", type(p) is weakref.CallableProxyType)
print("proxy type", type(p) is weakref.ProxyType)
del t
try:
    p.value
except ReferenceError as e:
    print("ReferenceError", e)
f = weakref.proxy(Target.double)
print("function proxy type", type(f) is weakref.CallableProxyType)
