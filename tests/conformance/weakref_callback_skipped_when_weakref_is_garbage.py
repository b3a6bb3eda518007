# When the collector frees a cycle, a weak reference's callback runs only if the weak reference
# itself survives: a weakref that is part of the garbage (here, stored on the object it watches)
# is cleared without calling its callback.
from __future__ import print_function
import gc
import weakref

gc.disable()
gc.collect()


class Node(object):
    pass


def make_callback(label):
    def callback(ref):
        print("callback", label)
    return callback


a = Node()
a.me = a
outside = weakref.ref(a, make_callback("outside the cycle"))
a.inside = weakref.ref(a, make_callback("inside the garbage"))
del a
print("collecting")
gc.collect()
print("outside dead", outside() is None)
print("---")
b = Node()
b.me = b
b.inside = weakref.ref(b, make_callback("only one, in the garbage"))
del b
gc.collect()
print("end")
