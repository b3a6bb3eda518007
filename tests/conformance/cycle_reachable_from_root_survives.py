# A cycle that is still reachable from a live object is not garbage: collect() leaves it and
# finds it only once the last outside reference is gone.
from __future__ import print_function
import gc
import weakref

gc.disable()
gc.collect()


class Node(object):
    def __init__(self, name):
        self.name = name


def on_death(ref):
    print("callback: a node died")


root = [Node("x")]
root[0].peer = Node("y")
root[0].peer.peer = root[0]
watch = weakref.ref(root[0], on_death)
print("collected while reachable", gc.collect())
print("still alive", watch() is not None)
del root[:]
print("collecting")
print("collected after unlinking", gc.collect() > 0)
print("still alive", watch() is not None)
