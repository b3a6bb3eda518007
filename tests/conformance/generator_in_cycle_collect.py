# A generator that refers to itself through its own frame is a cycle. Suspended inside a try
# block, 2.7's collector will not finalize it (it goes to gc.garbage); 3.12 closes it, running
# its finally, and frees it (closing clears the frame, so reference counting frees the cycle
# during finalization and collect() counts none of it).
from __future__ import print_function
import gc

gc.disable()
gc.collect()


class Box(object):
    pass


def looping(box):
    try:
        yield box
        yield box
    finally:
        print("finally ran")


box = Box()
g = looping(box)
box.gen = g
next(g)
del g, box
print("collected", gc.collect())
print("garbage", list(type(o).__name__ for o in gc.garbage))


def simple(box):
    yield box
    yield box


box = Box()
g = simple(box)
box.gen = g
next(g)
del g, box
print("plain generator cycle collected", gc.collect())
print("garbage", list(type(o).__name__ for o in gc.garbage))


def release_garbage():
    for gen in gc.garbage:
        gen.gi_frame.f_locals["box"].gen = None
    del gc.garbage[:]


release_garbage()
print("end")
