# A class's conversion methods: int() calls __int__ (3.12 then __index__, both then __trunc__),
# float() __float__ (3.12 then __index__), indexing and slicing call __index__; what they return
# is checked. The numbers' own real/imag/numerator/denominator and conjugate().
from __future__ import print_function


class Bad(object):
    def __int__(self):
        return 'x'

    def __float__(self):
        return 1

    def __index__(self):
        return 2.5


class Truncated(object):
    def __trunc__(self):
        return 7


class Position(object):
    def __index__(self):
        return 4


class Both(object):
    def __int__(self):
        return 42

    def __float__(self):
        return 0.5


def attempt(f):
    try:
        return f()
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)


items = list(range(10))
for label, f in [
    ('int(Both())', lambda: int(Both())),
    ('float(Both())', lambda: float(Both())),
    ('int(Bad())', lambda: int(Bad())),
    ('float(Bad())', lambda: float(Bad())),
    ('items[Bad()]', lambda: items[Bad()]),
    ('int(Truncated())', lambda: int(Truncated())),
    ('items[Position()]', lambda: items[Position()]),
    ('items[Position():]', lambda: items[Position():]),
    ('(1, 2, 3, 4, 5)[Position()]', lambda: (1, 2, 3, 4, 5)[Position()]),
]:
    print(label, '->', attempt(f))
print((1).real, (1).imag, (5).numerator, (5).denominator, (2.5).real, (2.5).imag)
print((3).conjugate(), (2.5).conjugate(), True.real, type(True.real).__name__)
x = 2.5
big = 10 ** 20
print('an exact number is its own real part:', x.real is x, x.conjugate() is x, big.real is big, big.numerator is big)
