# 2.7's "except E, e" form binds the exception like "except E as e" and, in 2.7, the name stays
# bound after the block. Under 3.12 the same file is a syntax error, reported with exit status 1.
from __future__ import print_function


class Tracked(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def main():
    try:
        raise KeyError(Tracked("payload"))
    except KeyError, e:
        print("caught", e.args[0].name)
    print("still bound", e.args[0].name)
    e = None
    print("main returns")


main()
print("end")
