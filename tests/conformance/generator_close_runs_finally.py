# Closing a suspended generator (explicitly or by freeing it) raises GeneratorExit at the yield,
# so its finally blocks run; yielding from the finally instead is a RuntimeError.
from __future__ import print_function


def guarded(label):
    try:
        yield 1
        yield 2
    finally:
        print("finally", label)


g = guarded("close")
next(g)
g.close()
print("closed")
g = guarded("free")
next(g)
del g
print("freed")


def catcher():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise


g = catcher()
next(g)
g.close()


def stubborn():
    while True:
        try:
            yield 1
        except GeneratorExit:
            yield 2


g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError", e)
