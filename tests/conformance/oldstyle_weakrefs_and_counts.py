# Weak references to old-style instances and classes, their callbacks, and what the collector
# sees of a classic instance: it is tracked, its referents are its class and its dict, and
# sys.getrefcount counts the class's references from its instances.
from __future__ import print_function
import gc
import sys
import weakref

gc.disable()
gc.collect()


class Thing:
    def method(self):
        return 'method'


def gone(ref):
    print('callback for', 'an instance' if ref is not None else None)


t = Thing()
r = weakref.ref(t, gone)
print(r() is t, weakref.getweakrefcount(t), repr(r).split(';')[1].split(' at ')[0])
print(gc.is_tracked(t), gc.is_tracked(Thing))
refs = gc.get_referents(t)
print(len(refs), Thing in refs, t.__dict__ in refs)
before = sys.getrefcount(Thing)
more = [Thing() for i in range(3)]
print('class refcount grows by', sys.getrefcount(Thing) - before)
del more
print('and drops back', sys.getrefcount(Thing) - before)
bound = t.method
print('bound method holds the instance', sys.getrefcount(t) - 1)
del bound
del t
print('instance weakref dead', r() is None)

cls_ref = weakref.ref(Thing)
t2 = Thing()
t2.cls = Thing
del Thing
print('class alive through its instance', cls_ref() is not None)
del t2
print('class freed with its last instance', cls_ref() is None, gc.collect() >= 0)


class Node:
    pass


n1, n2 = Node(), Node()
n1.peer, n2.peer = n2, n1
wn = weakref.ref(n1, gone)
del n1, n2
print('cycle alive before collect', wn() is not None)
print('unreachable found', gc.collect())
print('after', wn())
