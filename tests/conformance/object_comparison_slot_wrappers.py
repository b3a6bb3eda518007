# object's comparison slot wrappers: 3.x's object.__eq__ and friends, reprs, results, and what comparing instances of a class defining some comparisons allocates
import gc
import sys

PY3 = sys.version_info[0] >= 3


class OnlyLess(object):
    def __lt__(self, other):
        return True


class OnlyEq(object):
    def __eq__(self, other):
        print('OnlyEq.__eq__')
        return NotImplemented


class Plain(object):
    pass


def counted(label, f):
    gc.collect()
    before = gc.get_count()[0]
    f()
    print(label, gc.get_count()[0] - before)


a, b = OnlyLess(), OnlyLess()
p, q = Plain(), Plain()
if PY3:
    print(object.__eq__)
    print(object.__ne__, object.__lt__, object.__ge__)
    print(OnlyLess.__eq__)
    print(object.__eq__(a, b), object.__eq__(a, a), object.__ne__(a, b), object.__lt__(a, b))
    print(list.__len__, list.__iter__)
    print(super(OnlyLess, a).__eq__(a), a.__ne__(b))
print(a == b, a != b, a == a, a != a, p == q, p != p)
x, y = OnlyEq(), OnlyEq()
print(x == y)
if PY3:
    # 3.x's object.__ne__ asks __eq__ (both operands' in turn) and inverts it.
    print(x != y)
counted('plain ==', lambda: p == q)
counted('only __lt__, ==', lambda: a == b)
counted('only __lt__, !=', lambda: a != b)
counted('only __lt__, <', lambda: a < b)
if PY3:
    counted('object.__eq__(a, b)', lambda: object.__eq__(a, b))
    counted('object.__ne__(a, b)', lambda: object.__ne__(a, b))
    counted('a.__eq__(b)', lambda: a.__eq__(b))
    counted('[].__len__()', lambda: [].__len__())
    m = a.__eq__
    print(m)
    counted('bound a.__eq__', lambda: m(b))
