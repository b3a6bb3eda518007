# 2.7 orders two number-like objects of different types with no comparison between them by their types' addresses: classes first, then bool, instance, float, int, long; 3.x refuses
class C:
    def __int__(self):
        return 5


class K:
    pass


class N(object):
    def __int__(self):
        return 5


class F(object):
    def __float__(self):
        return 5.0


def order(f):
    try:
        return f()
    except TypeError:
        return 'TypeError'


c, k, n, f = C(), K(), N(), F()
for x in (c, k, n, f):
    print(order(lambda: x < 1), order(lambda: x > 1), order(lambda: x < 1.5), order(lambda: x < True),
          order(lambda: x < 2 ** 70), order(lambda: 1 < x), order(lambda: 1.5 > x))
print(order(lambda: c < n), order(lambda: n < c), order(lambda: k < f), order(lambda: f < k))
print(order(lambda: n < f), order(lambda: f < n), order(lambda: sorted([1, n, c, 2.5, True]) == [n, True, c, 1, 2.5]))
