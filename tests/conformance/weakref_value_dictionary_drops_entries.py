# A WeakValueDictionary forgets an entry as soon as its value dies; the values it hands out are
# ordinary strong references.
from __future__ import print_function
import weakref


class Value(object):
    def __init__(self, name):
        self.name = name


cache = weakref.WeakValueDictionary()
a = Value("a")
b = Value("b")
cache[1] = a
cache[2] = b
cache[3] = Value("temporary")
print("len", len(cache))
print("keys", sorted(cache.keys()))
del a
print("after del a", sorted(cache.keys()))
got = cache.get(2)
del b
print("held by get", sorted(cache.keys()), got.name)
del got
print("after del got", sorted(cache.keys()), len(cache))
print("missing", cache.get(1, "default"))
try:
    cache[1]
except KeyError as e:
    print("KeyError", e)
