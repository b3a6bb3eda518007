# Descriptors written in Python: __get__ alone is shadowed by the instance's dict, __set__ or __delete__ comes before it; a descriptor keeping values per instance in a WeakKeyDictionary lets the instances die
from __future__ import print_function
import gc
import weakref


class Typed(object):
    def __init__(self, name, kind):
        self.name = name
        self.kind = kind

    def __get__(self, obj, owner):
        if obj is None:
            return "Typed(%s) on %s" % (self.name, owner.__name__)
        print("get", self.name)
        return obj.__dict__.get(self.name)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError("%s must be %s" % (self.name, self.kind.__name__))
        obj.__dict__[self.name] = value

    def __delete__(self, obj):
        print("delete", self.name)
        obj.__dict__.pop(self.name, None)


class Lazy(object):
    def __init__(self, func):
        self.func = func

    def __get__(self, obj, owner):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.func.__name__] = value
        print("computed", self.func.__name__)
        return value


class ReadOnly(object):
    def __get__(self, obj, owner):
        return 7

    def __set__(self, obj, value):
        raise AttributeError("read-only")


class Point(object):
    x = Typed("x", int)
    ro = ReadOnly()

    def __init__(self, x):
        self.x = x

    @Lazy
    def norm(self):
        return abs(self.x)


p = Point(-3)
print(p.x, Point.x)
try:
    p.x = "no"
except TypeError as e:
    print("TypeError:", e)
p.__dict__["x"] = 99
print(p.x)
del p.x
print(p.x, "x" in p.__dict__)
p.x = -4
print(p.norm, p.norm, type(Point.__dict__["norm"]).__name__)
print(p.ro)
try:
    p.ro = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    del p.ro
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(p, "x"), hasattr(p, "norm"))
setattr(p, "x", 5)
print(vars(p))


class PerInstance(object):
    def __init__(self):
        self.values = weakref.WeakKeyDictionary()

    def __get__(self, obj, owner):
        return self if obj is None else self.values.get(obj, 0)

    def __set__(self, obj, value):
        self.values[obj] = value


class Counter(object):
    count = PerInstance()


c = Counter()
c.count = 3
print(c.count, len(Counter.count.values))
del c
print(len(Counter.count.values))


class SetOnly(object):
    def __set__(self, obj, value):
        obj.__dict__["s"] = value * 2


class Holder(object):
    s = SetOnly()


h = Holder()
print(type(h.s).__name__)
h.s = 5
print(h.s, h.__dict__)
print(gc.collect())
