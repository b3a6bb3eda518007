# A class's own __new__ makes its instances (singletons, caches, returning something else), and object's methods (__new__, __repr__, __str__, __hash__, __sizeof__, __class__...) are there to call and to find with super()
from __future__ import print_function
import gc
import sys


class Singleton(object):
    _instance = None

    def __new__(cls, *args):
        if cls._instance is None:
            cls._instance = super(Singleton, cls).__new__(cls)
            print("made", type(cls._instance).__name__)
        return cls._instance

    def __init__(self, value=0):
        print("init", value)
        self.value = value


a = Singleton(1)
b = Singleton(2)
print(a is b, a.value, type(Singleton.__dict__["__new__"]).__name__)


class NotMine(object):
    def __new__(cls):
        return 42

    def __init__(self):
        print("never called")


print(NotMine())


class Base(object):
    def __init__(self):
        print("Base.__init__", type(self).__name__)


class Derived(Base):
    pass


class Factory(Base):
    def __new__(cls):
        return object.__new__(Derived)


print(type(Factory()).__name__)


class OnlyNew(object):
    def __new__(cls, x):
        o = object.__new__(cls)
        o.x = x
        return o


print(OnlyNew(5).x)


class Plain(object):
    pass


p = object.__new__(Plain)
print(type(p).__name__, p.__class__ is Plain, hasattr(p, "x"))
for bad in [lambda: object.__new__(int), lambda: object.__new__(1), lambda: OnlyNew.__new__(OnlyNew, 1, 2), lambda: object.__new__(OnlyNew, 1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


class Shown(object):
    def __repr__(self):
        return "Shown+" + super(Shown, self).__repr__()[:8]


s = Shown()
print(repr(s), str(s), s.__str__(), s.__repr__())
print(object.__repr__(s)[:16], object.__str__(s))
print(p.__repr__() == repr(p), p.__str__() == str(p), p.__hash__() == hash(p), object.__hash__(p) == hash(p))
print(p.__sizeof__(), sys.getsizeof(p) - p.__sizeof__())


class Oops(Exception):
    def __str__(self):
        return "Oops: " + super(Oops, self).__str__()


e = Oops("bad", 1)
print(str(e), e.__repr__())
print([1, 2].__repr__(), (5).__hash__(), "ab".__str__(), (3).__class__.__name__)
print(Plain.__subclasshook__(), object.__subclasshook__())
print(sorted(n for n in ["__class__", "__new__", "__repr__", "__str__", "__hash__", "__sizeof__", "__subclasshook__"] if n in dir(p)))
del a, b, s, p, e
print(gc.collect())
