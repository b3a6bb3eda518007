# gc.get_count() around import statements of modules already imported: 2.7 packs the arguments
# of its __import__ call in a tuple (four items, five with a level), 3.12 imports without one.
import gc
import sys
from _tracked_helpers import Tracked


def plain():
    a = gc.get_count()[0]
    import sys
    return gc.get_count()[0] - a


def renamed():
    a = gc.get_count()[0]
    import gc as collector
    return gc.get_count()[0] - a


def from_builtin():
    a = gc.get_count()[0]
    from sys import getrefcount, maxsize
    return gc.get_count()[0] - a


def from_helper():
    a = gc.get_count()[0]
    from _tracked_helpers import Tracked
    return gc.get_count()[0] - a


for f in (plain, renamed, from_builtin, from_helper):
    f()
    gc.collect()
    print(f.__name__ + ' ' + str(f()))

gc.collect()
a = gc.get_count()[0]
from sys import maxsize
b = gc.get_count()[0]
t = (sys, gc, a, b)
print(str(b - a) + ' ' + str(gc.get_count()[0] - b))
