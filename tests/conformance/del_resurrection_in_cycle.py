# A finalizer that resurrects its object while the collector finalizes a cycle (3.12): the
# collector notices and frees nothing of that cycle; when the object dies again its __del__ is
# not called a second time. 2.7 puts the cycle in gc.garbage without calling __del__, which
# then runs when the program breaks the cycle itself.
from __future__ import print_function
import gc

gc.disable()
gc.collect()
rescued = []


class Phoenix(object):
    def __init__(self, name):
        self.name = name
        self.rescues = 0

    def __del__(self):
        print("del", self.name, "rescues so far", self.rescues)
        if self.rescues == 0:
            self.rescues += 1
            rescued.append(self)


p = Phoenix("p")
p.me = p
del p
print("collected", gc.collect())
print("rescued", len(rescued), "garbage", len(gc.garbage))


def release():
    for obj in rescued + gc.garbage:
        obj.me = None
    del rescued[:]
    del gc.garbage[:]


release()
print("released, rescued now", len(rescued))
del rescued[:]
print("collected at the end", gc.collect())
print("end")
