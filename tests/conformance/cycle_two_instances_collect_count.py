# Two instances that refer to each other survive reference counting; gc.collect() finds them
# and returns how many objects it found unreachable (2.7 counts each instance's __dict__ too).
from __future__ import print_function
import gc
import weakref

gc.disable()
gc.collect()


class Node(object):
    pass


a = Node()
b = Node()
a.other = b
b.other = a
watch = weakref.ref(a)
del a, b
print("alive after del", watch() is not None)
print("collected", gc.collect())
print("alive after collect", watch() is not None)
print("collected again", gc.collect())
