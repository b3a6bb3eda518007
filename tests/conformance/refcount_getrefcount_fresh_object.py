# sys.getrefcount of a fresh object counts the name plus the call's own argument; each
# container, attribute or extra name that holds the object adds exactly one.
from __future__ import print_function
import sys


class Plain(object):
    pass


o = Plain()
base = sys.getrefcount(o)
print("base", base)
l = [o]
print("in a list", sys.getrefcount(o) - base)
l.append(o)
print("twice in a list", sys.getrefcount(o) - base)
d = {"k": o}
print("plus a dict value", sys.getrefcount(o) - base)
t = (o, o, o)
print("plus a tuple of three", sys.getrefcount(o) - base)
holder = Plain()
holder.attr = o
print("plus an attribute", sys.getrefcount(o) - base)
alias = o
print("plus an alias", sys.getrefcount(o) - base)
del l, d, t, holder, alias
print("back to base", sys.getrefcount(o) - base)
print("list base", sys.getrefcount([]))
