# A default argument value is created once, when the def runs, and lives as long as the
# function: the classic shared mutable default, and an object kept alive by a default.
from __future__ import print_function


class Tracked(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def append_to(value, target=[]):
    target.append(value)
    return target


print(append_to(1))
print(append_to(2))
print("defaults", append_to.__defaults__)


def uses_default(x=Tracked("default")):
    return x.name


print("call", uses_default())
print("call with argument", uses_default(Tracked("argument")))
print("dropping the function")
del uses_default
print("end")
