# A bound method holds its instance: keeping obj.method keeps obj alive, and storing a bound
# method on its own instance makes a cycle (with __del__: 2.7's gc.garbage, 3.12 finalizes it).
# Each attribute access makes a new bound method.
from __future__ import print_function
import gc

gc.disable()
gc.collect()


class Tracked(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

    def hello(self):
        return "hello from " + self.name


o = Tracked("instance")
m = o.hello
print("same instance", m.__self__ is o)
print("new object per access", o.hello is o.hello, o.hello == o.hello)
del o
print("method still works:", m())
del m
print("---")
o = Tracked("self-cycle")
o.callback = o.hello
del o
print("after del, collecting")
print("collected", gc.collect())
print("garbage", len(gc.garbage))


def release_garbage():
    for obj in gc.garbage:
        del obj.callback
    del gc.garbage[:]


release_garbage()
print("end")
