# Keeping a caught exception: in 3.12 the exception carries its __traceback__, so saving it in a
# local keeps the raising frames (and their locals) alive and makes a cycle through the frame
# that saved it. A 2.7 exception has no traceback, so saving it keeps only the exception.
from __future__ import print_function
import gc

gc.disable()
gc.collect()


class Tracked(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def fail():
    local = Tracked("local-of-fail")
    raise ValueError("v")


def save():
    try:
        fail()
    except ValueError as e:
        saved = e
    print("has __traceback__", hasattr(saved, "__traceback__"))
    print("save returns")


save()
print("after save")
print("collected some", gc.collect() > 0)
print("end")
