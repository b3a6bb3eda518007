# sys.exc_info() after the except block: 2.7 keeps the handled exception (and its traceback,
# and so the raising frame's locals) until the function returns; 3.12 clears it when the
# except block ends.
from __future__ import print_function
import sys


class Tracked(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def fail():
    doomed = Tracked("raising-frame-local")
    raise KeyError("k")


def handler():
    try:
        fail()
    except KeyError:
        print("in except:", sys.exc_info()[0].__name__)
    print("after except:", sys.exc_info()[0] is not None)
    print("handler returns")


handler()
print("after handler:", sys.exc_info()[0] is not None)
