# A module or class frame's f_locals read while one of its comprehensions runs: 3.12 inlines the
# comprehension (PEP 709) and answers a new dict of the namespace and its hidden variables,
# leaving the namespace alone; 2.7 runs list comprehensions in the frame's namespace itself and
# set and dict comprehensions in frames of their own.
import sys


def frame_above():
    try:
        raise ValueError
    except ValueError:
        return sys.exc_info()[2].tb_frame.f_back.f_back


def names():
    return sorted(k for k in frame_above().f_locals if not k.startswith('__'))


def values():
    d = frame_above().f_locals
    return d.get('x'), d.get('i'), d is globals()


x = 'outer'
print([names() for x in range(1)])
print([values() for x in range(2)])
print([values() for i in 'ab'])
print(x, 'i' in globals())
print(sorted({k: names() for k in [7]}.items()))
print([[names() for d in [2]] for c in [1]])


class C:
    z = 5
    r = [names() for q in range(1)]
    s = [values() for i in 'c']
    print(r, s)
    print(sorted(k for k in locals() if not k.startswith('__')))


def failing():
    try:
        [1 / 0 for w in [0]]
    except ZeroDivisionError:
        return sys.exc_info()[2]


print(sorted(failing().tb_frame.f_locals))
try:
    [1 / 0 for v in [0]]
except ZeroDivisionError:
    print(sorted(k for k in sys.exc_info()[2].tb_frame.f_locals if not k.startswith('__')))
print('v' in globals())
