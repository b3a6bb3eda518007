def simple():
    return

def with_args(a, b=2, *args, c, d=4, **kwargs):
    return a, b

def positional_only(a, b, /, c):
    pass

def keyword_only(*, key):
    pass

def annotated(a: int, b: "str" = "x", *args: tuple, **kw: dict) -> None:
    pass

@decorator
@decorator.with_args(1, key=2)
def decorated():
    """Docstring."""
    x = 1
    def inner():
        nonlocal x
        global y
        x = 2
    return inner

def generator():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield from other()
    return x

class Empty:
    pass

class Derived(Base, metaclass=Meta, **extra):
    attribute = 1

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, v):
        self._value = v

    @staticmethod
    def static():
        pass

    @classmethod
    def create(cls, *args):
        return cls(*args)

@dataclass
class Point:
    x: int
    y: int = 0

lambda *a, **k: (a, k)
lambda a, /, b: a
