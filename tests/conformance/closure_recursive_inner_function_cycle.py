# An inner function that calls itself refers to its own cell: function -> closure -> cell ->
# function is a cycle, so the function (and what it captured) outlives the call that made it
# until the collector runs.
from __future__ import print_function
import gc

gc.disable()
gc.collect()


class Tracked(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def make():
    data = Tracked("captured-by-recursive")

    def countdown(n):
        if n == 0:
            return data.name
        return countdown(n - 1)
    return countdown(3)


print("result", make())
print("after make")
print("collected", gc.collect())
print("end")
