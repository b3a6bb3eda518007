# Docstrings become __doc__, functools.wraps/update_wrapper copy a function's name, doc and dict onto its wrapper (3.x: and __wrapped__, which keeps the wrapped function alive), and a function's __name__, __qualname__, __module__ and __dict__ can be set
from __future__ import print_function
import functools
import gc
import weakref
gc.collect()


def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print("calling", func.__name__)
        return func(*args, **kwargs)
    return wrapper


@logged
def add(a, b):
    "Adds."
    return a + b


print(add(1, 2), add.__name__, add.__doc__, add.__module__, getattr(add, "__qualname__", "-"))
print(getattr(add, "__wrapped__", None) is not None, functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)


def inner():
    pass


inner.tag = "t"
w = functools.update_wrapper(lambda: None, inner, assigned=("__name__",))
print(w.__name__, w.tag)
probe = weakref.ref(inner)
del inner
print(probe() is not None)
del w
print(probe() is None, gc.collect())
p = functools.wraps(add)
print(type(p).__name__, sorted(p.keywords))


def f():
    "doc"
    return 1
print(f.__doc__)
def g(a):
    "gdoc"
    pass
print(g.__doc__)
class C:
    "cdoc"
    def m(self):
        "mdoc"
print(C.__doc__, C.m.__doc__)

def f(a, b=1):
    "doc"
    return a
f.__name__ = "g"
f.__module__ = "mod"
print(f.__name__, f.__module__)
for name, value in [("__name__", 5), ("__doc__", None), ("__dict__", 3), ("__defaults__", (2,)), ("__closure__", None), ("__globals__", {})]:
    try:
        setattr(f, name, value)
        print(name, "set", getattr(f, name))
    except (TypeError, AttributeError) as e:
        print(name, type(e).__name__, e)
try:
    del f.__name__
except TypeError as e:
    print("TypeError", e)
f.__dict__ = {"x": 1}
print(f.x, f(5))
