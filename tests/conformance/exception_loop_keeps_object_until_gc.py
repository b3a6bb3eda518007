# The talk's trap: storing a caught exception's traceback where the traceback itself can reach
# it makes a cycle (frame -> locals -> traceback -> frame), so the raising frame's objects live
# until the collector runs.
from __future__ import print_function
import gc
import sys

gc.disable()
gc.collect()


class Tracked(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def work(i):
    resource = Tracked("resource-%d" % i)
    raise IOError("failed %d" % i)


def run():
    for i in range(2):
        try:
            work(i)
        except IOError:
            info = sys.exc_info()
    print("run returns")


run()
print("after run")
print("collected some", gc.collect() > 0)
print("end")
