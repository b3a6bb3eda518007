# functools.partial keeps its function and every stored argument alive for as long as the
# partial object lives; the talk's weakref finalizer stores its state in one.
from __future__ import print_function
import functools


class Tracked(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def describe(a, b, sep="-"):
    return a.name + sep + b.name


p = functools.partial(describe, Tracked("stored"), sep="+")
print("call", p(Tracked("passed")))
print("args", len(p.args), sorted(p.keywords.items()))
print("func", p.func is describe)
print("dropping the partial")
del p
print("end")
