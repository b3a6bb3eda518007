# When a comprehension's last item dies: 3.12 inlines list, set and dict comprehensions (PEP 709)
# and restores the enclosing variable of the same name when it ends, dropping the last item; an
# assignment to a local stores the result first. 2.7's list comprehension variable leaks instead.
from __future__ import print_function


class Item(object):
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Item(%s)" % self.name

    def __del__(self):
        print("del", self.name)


def make(prefix, n):
    return [Item(prefix + str(i)) for i in range(n)]


def assigned():
    names = Item("old names")
    print("assigned: start")
    names = [item.name for item in make("a", 2)]
    print("assigned: end", names)


def discarded():
    print("discarded: start")
    [item for item in make("d", 2)]
    print("discarded: end")


def returned():
    print("returned: start")
    return [item.name for item in make("r", 2)]


def two_variables():
    key = Item("outer key")
    table = {key.name: value.name for key in make("k", 2) for value in make("v", 1)}
    print("two variables:", table, key)


def set_comprehension():
    print("set: start")
    found = {item.name for item in make("s", 2)}
    print("set: end", sorted(found))


assigned()
discarded()
print("returned:", returned())
two_variables()
set_comprehension()
print("end")
