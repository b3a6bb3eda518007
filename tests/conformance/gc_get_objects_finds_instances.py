# gc.get_objects() lists every object the collector tracks: counting the instances of one class
# shows them appear, stay while reachable, and go when freed (by reference counting or by a
# collection).
from __future__ import print_function
import gc

gc.disable()
gc.collect()


class Marker(object):
    pass


def count():
    return len([o for o in gc.get_objects() if type(o) is Marker])


print("none yet", count())
keep = [Marker() for i in range(3)]
print("three", count())
del keep[0]
print("two after del", count())
a = Marker()
a.me = a
del a
print("cycle still tracked", count())
gc.collect()
print("after collect", count())
del keep[:]
print("none left", count())
n = 12345
print("atoms are not listed", any(o is n for o in gc.get_objects()))
