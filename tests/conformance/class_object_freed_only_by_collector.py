# A class is always in a cycle (its __mro__ holds the class itself, its __dict__'s descriptors
# point back at it), so deleting the last name of a class frees it only when the collector runs.
from __future__ import print_function
import gc
import weakref

gc.disable()
gc.collect()


def on_death(ref):
    print("class died")


class Temporary(object):
    def method(self):
        return 1


watch = weakref.ref(Temporary, on_death)
print("mro holds itself", Temporary.__mro__[0] is Temporary)
del Temporary
print("after del", watch() is not None)
print("collected some", gc.collect() > 0)
print("after collect", watch() is None)
Made = type("Made", (object,), {"x": 1})
watch = weakref.ref(Made, on_death)
del Made
print("three-argument type collected some", gc.collect() > 0, watch() is None)
