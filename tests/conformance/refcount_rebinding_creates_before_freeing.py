# Rebinding a name evaluates the new object first and only then drops the old one, so the new
# object's __init__ prints before the old object's __del__.
from __future__ import print_function


class Tracked(object):
    def __init__(self, name):
        self.name = name
        print("init", name)

    def __del__(self):
        print("del", self.name)


x = Tracked(1)
x = Tracked(2)
x = Tracked(3)
print("loop")
for i in range(3):
    y = Tracked("loop%d" % i)
print("after loop")
del y
del x
print("end")
