# Helper module for the conformance cases that import a sibling file (not a case itself: its
# name starts with "_"). Defines a class that reports its death and a function that makes a cycle.
from __future__ import print_function


class Tracked(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def make_pair(first, second):
    a = Tracked(first)
    b = Tracked(second)
    a.peer = b
    b.peer = a
    return a


created = []
