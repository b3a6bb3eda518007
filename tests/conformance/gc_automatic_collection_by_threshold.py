# With the collector enabled, allocating enough container objects triggers a gen-0 collection
# on its own: a garbage cycle dies in the middle of the loop without any gc.collect() call.
from __future__ import print_function
import gc
import weakref

gc.collect()
gc.set_threshold(50, 10, 10)
state = {"dead": False}


def on_death(ref):
    state["dead"] = True


class Node(object):
    pass


a = Node()
a.me = a
watch = weakref.ref(a, on_death)
del a
print("dead before the loop", state["dead"])
keep = []
for i in range(500):
    keep.append([i])
print("dead after allocating 500 lists", state["dead"])

gc.disable()
b = Node()
b.me = b
watch = weakref.ref(b, on_death)
del b
state["dead"] = False
for i in range(500):
    keep.append([i])
print("dead with gc disabled", state["dead"])
print("collect finds it", gc.collect() > 0, state["dead"])
gc.set_threshold(700, 10, 10)
