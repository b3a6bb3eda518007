# sys.exc_info() inside nested handling: a function that handles its own exception while an
# outer one is being handled. After it returns, the outer handler sees its own exception again;
# after the outer handler, 2.7 still reports it (until the function returns), 3.12 does not.
from __future__ import print_function
import sys


def name_of_current():
    kind = sys.exc_info()[0]
    return kind.__name__ if kind is not None else None


def inner_handles():
    try:
        raise KeyError("inner")
    except KeyError:
        print("inner handler sees", name_of_current())
    print("inner after its block sees", name_of_current())


def outer():
    try:
        raise ValueError("outer")
    except ValueError:
        print("outer handler sees", name_of_current())
        inner_handles()
        print("outer handler after the call sees", name_of_current())
    print("outer after its block sees", name_of_current())


outer()
print("module level sees", name_of_current())
