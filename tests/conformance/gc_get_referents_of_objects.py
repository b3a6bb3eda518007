# gc.get_referents lists what an object refers to: a list's items, a dict's keys and values
# (3.12 leaves out the keys of a dict whose keys are all str), an instance's class and its
# attribute values (2.7: through its __dict__).
from __future__ import print_function
import gc


class Plain(object):
    pass


def names(objects):
    return sorted(type(o).__name__ for o in objects)


x = Plain()
l = [x, 1, "s"]
print("list", names(gc.get_referents(l)))
d = {"k": x}
print("dict", names(gc.get_referents(d)))
t = (x, l)
print("tuple", names(gc.get_referents(t)))
print("atom", gc.get_referents(5))
y = Plain()
y.attr = x
print("instance refers to x", any(o is x for o in gc.get_referents(y)),
      any(o is x for o in gc.get_referents(y.__dict__)))
print("instance refers to class", any(o is Plain for o in gc.get_referents(y)))
print("several", len(gc.get_referents(l, t)))
