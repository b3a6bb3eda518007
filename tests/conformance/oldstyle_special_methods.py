# Special methods of old-style instances are found on the instance itself in 2.7 (its dict, its
# class, then __getattr__), not only on the class as for new-style classes: __len__, __getitem__,
# __call__, __eq__/__hash__, __repr__/__str__, __iter__/next, __nonzero__ and __getattr__.
from __future__ import print_function


class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __contains__(self, x):
        return x in self.items

    def __call__(self, x):
        return x * len(self.items)

    def __eq__(self, other):
        return isinstance(other, Bag) and other.items == self.items

    def __hash__(self):
        return len(self.items)

    def __repr__(self):
        return 'Bag%r' % (tuple(self.items),)

    def __add__(self, other):
        return Bag(*(self.items + other.items))


b = Bag(1, 2, 3)
print(len(b), b[0], list(b), 2 in b, 5 in b, b(2), b == Bag(1, 2, 3), b != Bag(1), hash(b))
print(b, str(b), repr(b), b + Bag(4), bool(Bag()), bool(b), {b: 'x'}[Bag(1, 2, 3)])


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def next(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n

    __next__ = next


print(list(Countdown(3)), sorted(Countdown(4)), sum(Countdown(5)))


class Proxy:
    def __init__(self, target):
        self.target = target

    def __getattr__(self, name):
        if name.startswith('__'):
            raise AttributeError(name)
        return getattr(self.target, name)


if type(Proxy).__name__ == 'classobj':
    # Only the classic class: its __getattr__ also answers for special names (hence the guard).
    p = Proxy('abc')
    print(p.upper(), p.target, hasattr(p, 'nothing_like_this'), hasattr(p, 'zfill'))


class Plain:
    pass


x = Plain()
x.a = 1
del x.a
for attempt in (lambda: x.a, lambda: len(x), lambda: x[0], lambda: x()):
    try:
        attempt()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__)
