# In 2.7 a list comprehension's loop variable is a variable of the enclosing scope: it survives
# the comprehension and keeps the last item alive. In 3.12 the comprehension has its own scope.
from __future__ import print_function


class Tracked(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


names = [item.name for item in [Tracked("first"), Tracked("last")]]
print("names", names)
try:
    print("item leaked:", item.name)
except NameError:
    print("item is not defined")
print("generator expression")
names = list(obj.name for obj in [Tracked("g1"), Tracked("g2")])
try:
    print("obj leaked:", obj.name)
except NameError:
    print("obj is not defined")
item = None
print("end")
