# A closure holds the variables it uses through cells: the captured object lives as long as the
# function does, even after the enclosing call returned.
from __future__ import print_function


class Tracked(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def make_getter():
    captured = Tracked("captured")
    unused = Tracked("unused")

    def getter():
        return captured.name
    return getter


get = make_getter()
print("getter returns", get())
print("cells", len(get.__closure__))
print("dropping the getter")
del get
print("end")
