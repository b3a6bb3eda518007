# 2.7's comparisons of old-style instances call __coerce__ before __cmp__ (instance_compare), with a built-in object on either side, and cmp() asks them as PyObject_Compare does
import gc


class Plain:
    pass


class Coerced:
    def __init__(self, value):
        self.value = value

    def __coerce__(self, other):
        print('coerce', self.value, type(other).__name__)
        return (self.value, other.value if isinstance(other, Coerced) else other)


class Declines:
    def __coerce__(self, other):
        print('Declines.__coerce__')
        return None

    def __cmp__(self, other):
        print('Declines.__cmp__', type(other).__name__)
        return -1


class Malformed:
    def __coerce__(self, other):
        return 5


class Ordered:
    def __init__(self, value):
        self.value = value

    def __cmp__(self, other):
        print('Ordered.__cmp__', self.value, type(other).__name__)
        return cmp(self.value, other.value if isinstance(other, Ordered) else other)


class Keeps:
    def __coerce__(self, other):
        print('Keeps.__coerce__')
        return (self, other)


class NewStyle(object):
    def __lt__(self, other):
        print('NewStyle.__lt__', type(other).__name__)
        return NotImplemented


def counted(label, f):
    gc.collect()
    before = gc.get_count()[0]
    f()
    print(label, gc.get_count()[0] - before)


p, q = Plain(), Coerced(3)
print(q == Coerced(3), q < Coerced(4), Coerced(5) > 4, 2 < q, q == 'x')
d = Declines()
print(d < 1, 1 < d, d == d)
try:
    print(Malformed() == 1)
except TypeError as e:
    print('TypeError:', e)
print([o.value for o in sorted([Ordered(3), Ordered(1), Ordered(2)])])
print(Ordered(2) in [1, 2], 2 in [Ordered(1), Ordered(2)])
print(Ordered(1) < 2, 2 < Ordered(1), Ordered(1) == Ordered(1))
print(p == p, p != Plain(), 1 == p, p == 1, 'a' == p, None == p)
n = NewStyle()
print(n < p, p > n, n < q)
k = Keeps()
print(k == 1, 1 == k)
print(cmp(q, 3), cmp(Ordered(1), Ordered(2)), cmp(p, p))
counted('1 == p', lambda: 1 == p)
counted('p == 1', lambda: p == 1)
counted('p == p', lambda: p == p)
counted('q == q', lambda: q == q)
counted('3 == q', lambda: 3 == q)
