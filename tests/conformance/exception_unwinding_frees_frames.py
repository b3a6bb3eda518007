# An exception raised deep in a recursion keeps every frame it passed through (and their locals)
# alive through its traceback until the handler is done with it (2.7: until the handling
# function returns); then the frames go, from the innermost to the outermost. Frames of calls
# that already returned are long gone.
from __future__ import print_function


class Tracked(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def helper():
    temp = Tracked("helper-local")
    return 1


def descend(level):
    here = Tracked("level-%d" % level)
    if level == 3:
        helper()
        raise ValueError("bottom")
    descend(level + 1)


def main():
    try:
        descend(1)
    except ValueError as e:
        print("caught", e)
    print("main returns")


main()
print("end")
