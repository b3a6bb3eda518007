# When the collector finalizes a cycle (3.12), every __del__ runs before any object is cleared:
# each sees its peer intact. A ring of three with one finalizer: 2.7 puts only the object with
# __del__ in gc.garbage (the rest of the ring stays alive through it, though collect() counts
# it) and runs __del__ once the program breaks the ring; 3.12 finalizes and frees the ring.
from __future__ import print_function
import gc

gc.disable()
gc.collect()


class Finalized(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name, "peer is", getattr(self.peer, "name", None))


class Plain(object):
    def __init__(self, name):
        self.name = name


ring = [Plain("p0"), Finalized("f1"), Plain("p2")]
for i in range(3):
    ring[i].peer = ring[(i + 1) % 3]
del ring
print("collected", gc.collect())
print("garbage types", sorted(type(o).__name__ for o in gc.garbage))


def break_garbage():
    for o in gc.garbage:
        o.peer = None
    del gc.garbage[:]


break_garbage()
print("collected after breaking", gc.collect())
