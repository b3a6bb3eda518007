# 2.7 orders objects of unrelated types by type name, numbers (classic instances and classes with __int__ included) first; 3.x refuses
class C:
    pass


class N(object):
    pass


class K:
    def __cmp__(self, other):
        return 0


class I(object):
    def __int__(self):
        return 1


def order(f):
    try:
        return f()
    except TypeError as e:
        return 'TypeError'


c, n, k, i = C(), N(), K(), I()
print(order(lambda: n < c), order(lambda: n > c), order(lambda: c != n))
print(order(lambda: 'a' < k), order(lambda: 'a' > k))
print(order(lambda: i < 'a'), order(lambda: 'a' < i), order(lambda: i < n), order(lambda: n < i))
print(order(lambda: None < c), order(lambda: c < None), order(lambda: k < n))
print(order(lambda: c < []), order(lambda: [] < c), order(lambda: c < ()), order(lambda: c < {}))
