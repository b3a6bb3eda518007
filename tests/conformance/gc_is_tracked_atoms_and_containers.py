# Only objects that can hold references take part in collection: atoms (numbers, strings,
# None) are never tracked; lists, sets, instances, functions, classes and bound methods always
# are, except that 2.7 does not track an instance of a class with empty __slots__.
from __future__ import print_function
import gc


class Plain(object):
    pass


class Slotted(object):
    __slots__ = ()


def func():
    pass


cases = [
    ("int", 42),
    ("float", 1.5),
    ("str", "text"),
    ("None", None),
    ("True", True),
    ("empty list", []),
    ("list of ints", [1, 2]),
    ("empty set", set()),
    ("instance", Plain()),
    ("empty slots instance", Slotted()),
    ("function", func),
    ("class", Plain),
    ("bound method", Plain().__init__),
]
for name, value in cases:
    print(name, gc.is_tracked(value))
