# With gc.DEBUG_SAVEALL the collector frees nothing: every unreachable object it finds goes to
# gc.garbage, even without any __del__ (2.7 counts and saves the instances' __dict__s too).
from __future__ import print_function
import gc

gc.disable()
gc.collect()


class Node(object):
    pass


gc.set_debug(gc.DEBUG_SAVEALL)
print("debug flags", gc.get_debug() == gc.DEBUG_SAVEALL)
a = Node()
b = Node()
a.peer = b
b.peer = a
del a, b
print("collected", gc.collect())
print("garbage", len(gc.garbage))
print("types", sorted(type(o).__name__ for o in gc.garbage))
l = [1, 2]
l.append(l)
del l
print("collected list", gc.collect())
print("garbage now", len(gc.garbage))
gc.set_debug(0)
del gc.garbage[:]
print("collected after clearing", gc.collect())
