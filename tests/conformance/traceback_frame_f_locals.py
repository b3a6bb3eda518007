# A traceback's frames expose their locals: tb.tb_next.tb_frame.f_locals shows the values the
# raising function had, which the traceback keeps alive.
from __future__ import print_function
import sys


def compute(a, b):
    total = a + b
    ratio = total // b
    return ratio


try:
    compute(3, 0)
except ZeroDivisionError:
    kind, value, tb = sys.exc_info()
frame = tb.tb_next.tb_frame
print("function", frame.f_code.co_name)
print("locals", sorted(frame.f_locals.items()))
print("line in module", tb.tb_lineno, "line in function", tb.tb_next.tb_lineno)
print("next of last", tb.tb_next.tb_next)
print("exception", kind.__name__)
del kind, value, tb, frame
