# gc.get_count()[0] goes up when a container object is allocated and down when one is freed
# (atoms such as str, int and float are not counted); collecting a generation resets its count
# and adds one to the next generation's.
from __future__ import print_function
import gc

gc.disable()


class Plain(object):
    pass


gc.collect()
c0 = gc.get_count()[0]
a = Plain()
b = Plain()
c = Plain()
c1 = gc.get_count()[0]
del a
c2 = gc.get_count()[0]
del b, c
c3 = gc.get_count()[0]
s = "atom"
n = 1234
f = 1.5
c4 = gc.get_count()[0]
print("counts", c0, c1, c2, c3, c4)
gc.collect(0)
print("after collect(0)", gc.get_count())
gc.collect(0)
gc.collect(0)
print("after three collect(0)", gc.get_count())
gc.collect(1)
print("after collect(1)", gc.get_count())
gc.collect()
print("after collect()", gc.get_count())
