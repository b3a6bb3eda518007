# A function's locals live as long as its frame: they are freed when the function returns,
# in the order of the code's local variables, unless the return value keeps one alive. A call's
# argument temporaries die when the caller lets go of them after the call: 2.7 from the last
# to the first, 3.12 from the first to the last.
from __future__ import print_function


class Tracked(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def make_three():
    first = Tracked("first")
    second = Tracked("second")
    third = Tracked("third")
    print("returning")
    return second


kept = make_three()
print("returned", kept.name)
del kept
print("---")


def arguments(a, b, c=None):
    print("in call")


arguments(Tracked("arg-a"), Tracked("arg-b"), c=Tracked("kw-c"))
print("after call")
