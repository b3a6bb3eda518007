# A class with __slots__ and no "__weakref__" slot has no room for weak references; adding
# "__weakref__" to the slots makes its instances weakly referenceable.
from __future__ import print_function
import weakref


class NoWeak(object):
    __slots__ = ("x",)


class WithWeak(object):
    __slots__ = ("x", "__weakref__")


class Plain(object):
    pass


for cls in (NoWeak, WithWeak, Plain):
    obj = cls()
    try:
        r = weakref.ref(obj)
        print(cls.__name__, "weakref ok, alive:", r() is obj)
        del obj
        print(cls.__name__, "dead after del:", r() is None)
    except TypeError as e:
        print(cls.__name__, "TypeError:", e)
