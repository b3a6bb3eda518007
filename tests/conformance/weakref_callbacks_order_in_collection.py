# When the collector frees a cycle, the callbacks of weak references to its members run during
# the collection, in the order the collector meets the members (for one object, newest weak
# reference first), and every weak reference is already dead when the first callback runs.
from __future__ import print_function
import gc
import weakref

gc.disable()
gc.collect()


class Node(object):
    def __init__(self, name):
        self.name = name


refs = []


def make_callback(label):
    def callback(ref):
        print("callback", label, "all dead:", all(r() is None for r in refs))
    return callback


nodes = [Node("n%d" % i) for i in range(3)]
for i in range(3):
    nodes[i].next = nodes[(i + 1) % 3]
for node in nodes:
    refs.append(weakref.ref(node, make_callback(node.name + "-first")))
refs.append(weakref.ref(nodes[1], make_callback("n1-second")))
del nodes, node
print("collecting")
print("collected", gc.collect())
print("end")
