# gc.get_referrers of objects a running frame holds: a 2.7 frame is a heap object whose locals
# are its references (a function's local shows its frame), but not the values on its stack
# (an argument being passed); a 3.12 frame is not a heap object until something asks for it.
from __future__ import print_function
import gc


class Thing(object):
    pass


def kinds(o):
    return sorted(type(r).__name__ for r in gc.get_referrers(o))


module_level = Thing()
print("a module global, passed as an argument:", kinds(module_level))


def local_holder():
    here = Thing()
    return kinds(here)


print("a function's local:", local_holder())
print("a temporary only on the stack:", kinds(Thing()))
container = [Thing()]
print("an item of a list:", kinds(container[0]))
