# An exception raised inside a comprehension: 3.12 runs list, set and dict comprehensions in the
# enclosing frame (PEP 709), so the traceback has no <listcomp>/<setcomp>/<dictcomp> entry and the
# enclosing function's variables are untouched afterwards; generator expressions keep their frame.
from __future__ import print_function
import sys


def frames(tb):
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    return names


def show(label, make):
    try:
        make()
    except Exception as e:
        print(label, type(e).__name__, frames(sys.exc_info()[2]))


def fail(x):
    return 1 // (x - 2)


def in_list():
    return [fail(x) for x in range(3)]


def in_set():
    return {fail(x) for x in range(3)}


def in_dict():
    return {x: fail(x) for x in range(3)}


def in_nested():
    return [[fail(y) for y in range(x + 1)] for x in range(3)]


def in_genexp():
    return list(fail(x) for x in range(3))


def broken_iterator():
    yield 1
    raise ValueError("iterator broke")


def in_iteration():
    x = "outer x"
    try:
        [x for x in broken_iterator()]
    except ValueError:
        print("after the error x is", x)
    return [x for x in 7]


for label, f in [("list", in_list), ("set", in_set), ("dict", in_dict), ("nested", in_nested),
                 ("genexp", in_genexp), ("iteration", in_iteration)]:
    show(label, f)
