# A caught exception's traceback refers to every frame it passed through, and each frame to its
# locals: keeping the traceback keeps objects of a function that already returned alive.
from __future__ import print_function
import sys


class Tracked(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def inner():
    local = Tracked("inner-local")
    raise ValueError("boom")


def outer():
    mine = Tracked("outer-local")
    inner()


def catch():
    try:
        outer()
    except ValueError:
        return sys.exc_info()[2]


tb = catch()
print("frames kept:", tb.tb_frame.f_code.co_name, tb.tb_next.tb_frame.f_code.co_name,
      tb.tb_next.tb_next.tb_frame.f_code.co_name)
print("inner local", tb.tb_next.tb_next.tb_frame.f_locals["local"].name)
print("line", tb.tb_next.tb_next.tb_lineno)
print("dropping the traceback")
del tb
print("end")
