# An uncaught exception ends the program with exit status 1 after what was printed so far; the
# expected output ends with the "--- exit 1" line and the traceback's last line.
from __future__ import print_function


class Tracked(object):
    def __init__(self, name):
        self.name = name


def fail(obj):
    raise KeyError(obj.name)


print("before")
fail(Tracked("missing-key"))
print("never printed")
