# Temporaries (a call's result that nobody keeps) die as soon as the expression is done with
# them: a method called on a fresh object, an argument, an intermediate of a chain.
from __future__ import print_function


class Tracked(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

    def me(self):
        return self

    def label(self):
        return "label-" + self.name


print(Tracked("method").label())
print("after print")
value = Tracked("chain").me().me().label()
print(value)
print(len([Tracked("x"), Tracked("y")]))
print("after len")
result = Tracked("cond") if True else None
print("kept", result.name)
result = None
print("end")
