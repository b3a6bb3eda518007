# Which objects can be weakly referenced: instances of classes, functions, classes, sets and
# subclasses of list can; int, str, tuple, list, dict and None cannot (the error names the type).
from __future__ import print_function
import weakref


class Plain(object):
    pass


def func():
    pass


class MyList(list):
    pass


cases = [
    ("instance", Plain()),
    ("function", func),
    ("class", Plain),
    ("set", set()),
    ("list subclass", MyList()),
    ("int", 1),
    ("str", "text"),
    ("tuple", (1, 2)),
    ("list", []),
    ("dict", {}),
    ("None", None),
]
for name, value in cases:
    try:
        weakref.ref(value)
        print(name, "ok")
    except TypeError as e:
        print(name, "TypeError:", e)
