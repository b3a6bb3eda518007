# What a class statement calls once the class is made: 3.x tells each attribute with __set_name__ its class and name, then runs the nearest base's __init_subclass__ (implicitly a classmethod, as __class_getitem__); 2.7 calls neither
from __future__ import print_function
import gc


class Plugin(object):
    registry = []

    def __init_subclass__(cls):
        print("init_subclass", cls.__name__, cls.__mro__[1].__name__)
        Plugin.registry.append(cls.__name__)


class Csv(Plugin):
    pass


class Json(Csv):
    pass


print(Plugin.registry, type(Plugin.__dict__["__init_subclass__"]).__name__)


class Field(object):
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name

    def __get__(self, obj, owner):
        return self if obj is None else obj.__dict__.get(self.name, "unset")


class Record(object):
    first = Field()
    second = Field()
    plain = 3


print(getattr(Record.first, "name", None), Record().second)


class Box(object):
    def __class_getitem__(cls, item):
        return (cls.__name__, item)


try:
    print(Box[int])
except TypeError as e:
    print("TypeError:", e)


class Loud(object):
    def __init_subclass__(cls):
        raise ValueError("no subclasses of " + cls.__mro__[1].__name__)


try:
    class Quiet(Loud):
        pass
    print("made", Quiet.__name__)
except ValueError as e:
    print("ValueError:", e)
print(gc.collect())
