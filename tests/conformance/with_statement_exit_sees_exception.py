# A with block: __exit__ receives the exception and its traceback (which keeps the block's
# frame alive while __exit__ runs); returning True swallows it. The object bound by "as" is an
# ordinary local that outlives the block; when the exception propagates, 2.7 keeps it (and so
# the frame and its locals) in sys.exc_info() until the handling function returns.
from __future__ import print_function


class Tracked(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


class Manager(object):
    def __init__(self, swallow):
        self.swallow = swallow

    def __enter__(self):
        print("enter")
        return Tracked("bound-by-as")

    def __exit__(self, kind, value, tb):
        print("exit with", kind.__name__ if kind else None, "traceback", tb is not None)
        return self.swallow


def run(swallow):
    with Manager(swallow) as res:
        print("inside with", res.name)
        raise ValueError("in block")
    print("after with, res alive:", res.name)


def main():
    run(True)
    print("run returned")
    try:
        run(False)
    except ValueError as e:
        print("propagated", e)
    print("main returns")


main()
print("end")
