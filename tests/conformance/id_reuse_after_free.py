# A freed object's memory is reused at once by the next object of the same size, so two
# temporaries that never live at the same time can share an id; live objects never do.
from __future__ import print_function


class Plain(object):
    pass


print("temporaries share an id", id(Plain()) == id(Plain()))
a = Plain()
b = Plain()
print("live objects differ", id(a) != id(b))
old = id(a)
del a
c = Plain()
print("reused the freed slot", id(c) == old)
print("id is stable", id(b) == id(b))
