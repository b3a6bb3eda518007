# A suspended generator's frame keeps its locals alive; they die when the generator finishes,
# is closed, or is itself freed.
from __future__ import print_function


class Tracked(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def producer(label):
    held = Tracked(label)
    yield 1
    yield 2
    print("producer", label, "finishing")


g = producer("exhausted")
print("first", next(g))
print("rest", list(g))
print("---")
g = producer("closed")
print("first", next(g))
g.close()
print("after close")
print("---")
g = producer("dropped")
print("first", next(g))
g = None
print("after dropping")
print("---")
g = producer("never started")
g = None
print("end")
