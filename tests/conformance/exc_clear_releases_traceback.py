# 2.7 only: sys.exc_clear() forgets the exception being handled in this frame, releasing its
# traceback and the locals of the frames it kept.
from __future__ import print_function
import sys


class Tracked(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def fail():
    doomed = Tracked("kept-by-traceback")
    raise ValueError("v")


def handler():
    try:
        fail()
    except ValueError:
        pass
    print("exc_info set", sys.exc_info()[0] is not None)
    sys.exc_clear()
    print("after exc_clear", sys.exc_info())
    print("handler returns")


handler()
