# "except E as e": 3.12 deletes e at the end of the block (so the traceback and the raising
# frame's locals go at once); 2.7 keeps e bound, and with it the traceback, and even after
# rebinding e the handled exception stays in sys.exc_info() until the function returns.
from __future__ import print_function


class Tracked(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def fail():
    doomed = Tracked("local-of-fail")
    raise RuntimeError("failed")


def main():
    try:
        fail()
    except RuntimeError as e:
        print("caught", e)
    print("after the block")
    try:
        print("e still bound:", e)
    except NameError:
        print("e is unbound")
    e = None
    print("main returns")


main()
print("end")
