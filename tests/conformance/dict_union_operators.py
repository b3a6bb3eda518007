# d | e makes a new dict (the right side wins), d |= x updates d in place from a dict or pairs
# (PEP 584, 3.9+); 2.7 has neither and raises TypeError. The merged copy owns its own
# references: the originals keep theirs.
from __future__ import print_function
import sys


class Key(object):
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Key(%s)" % self.name


k = Key("k")
d = {"a": 1, k: "first"}
e = {"b": 2, k: "second"}
before = sys.getrefcount(k)
try:
    merged = d | e
    print("merged", merged, merged is d, merged is e)
    print("key references added", sys.getrefcount(k) - before)
    del merged
except TypeError as ex:
    print("TypeError:", ex)
try:
    alias = d
    d |= [("c", 3)]
    d |= e
    print("updated", d, alias is d)
except TypeError as ex:
    print("TypeError:", ex)
try:
    d | [("x", 1)]
except TypeError as ex:
    print("TypeError:", ex)


class MyDict(dict):
    pass


try:
    print("subclass", type(MyDict(a=1) | {"b": 2}).__name__)
except TypeError as ex:
    print("TypeError:", ex)
