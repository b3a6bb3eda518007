# 3.x exception chaining: raise ... from sets __cause__ and __suppress_context__, from None suppresses the context, the attributes can be set, and an uncaught chain prints as CPython prints it
import gc


def chained():
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("bad lookup") from e


def hidden():
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("quiet") from None


for f in (chained, hidden):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, repr(e.__cause__), type(e.__context__).__name__, e.__suppress_context__)

e = ValueError("plain")
print(e.__cause__, e.__context__, e.__suppress_context__)
e.__cause__ = KeyError("k")
print(repr(e.__cause__), e.__suppress_context__)
e.__context__ = TypeError("t")
print(repr(e.__context__))
e.__cause__ = None
print(e.__cause__, e.__suppress_context__)
e.__suppress_context__ = False
print(e.__suppress_context__)
for bad in ("__cause__", "__context__"):
    try:
        setattr(e, bad, 5)
    except TypeError as err:
        print("TypeError:", err)
print(gc.collect())
try:
    hidden()
finally:
    chained()
