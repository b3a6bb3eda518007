# sys.getsizeof of the basic objects (64-bit): the sizes differ between 2.7 and 3.12 (int
# representation, str kinds, compact instances, dict layouts).
from __future__ import print_function
import sys


class Plain(object):
    pass


class Slotted(object):
    __slots__ = ("a", "b")


cases = [
    ("None", None),
    ("0", 0),
    ("1", 1),
    ("2**40", 2 ** 40),
    ("2**100", 2 ** 100),
    ("1.5", 1.5),
    ("True", True),
    ("empty str", ""),
    ("str of 5", "hello"),
    ("empty tuple", ()),
    ("tuple of 3", (1, 2, 3)),
    ("empty list", []),
    ("list of 3", [1, 2, 3]),
    ("empty dict", {}),
    ("empty set", set()),
    ("instance", Plain()),
    ("slotted instance", Slotted()),
]
for name, value in cases:
    print(name, sys.getsizeof(value))
l = []
sizes = []
for i in range(10):
    l.append(i)
    sizes.append(sys.getsizeof(l))
print("list growth", sizes)
