# what start-up leaves in 3.12's slice cache and 2.7's set free list, and how tuple() builds its result (a list copied at once, an iterator into a tuple of its length hint, cut back)
import gc

first = gc.get_count()[0]
s = slice(1, 2, 3)
print('first slice', gc.get_count()[0] - first)
first = gc.get_count()[0]
a = set()
b = set()
print('first sets', gc.get_count()[0] - first)
s = a = b = None

L = [1, 2, 3]
L4 = [1, 2, 3, 4]
T = (5, 6, 7, 8)


def counted(label, f):
    gc.collect()
    before = gc.get_count()[0]
    f()
    middle = gc.get_count()[0]
    f()
    print(label, middle - before, gc.get_count()[0] - middle)


counted('nothing', lambda: None)
counted('slice(3)', lambda: slice(3))
counted('slice(1, 3)', lambda: slice(1, 3))
counted('tuple(L)', lambda: tuple(L))
counted('tuple(L4)', lambda: tuple(L4))
counted('tuple(T)', lambda: tuple(T))
counted('list(T)', lambda: list(T))
counted('tuple(range)', lambda: tuple(range(4)))
counted('tuple(dict)', lambda: tuple({1: 2, 3: 4}))
print(tuple(L), tuple(iter(L4)), tuple(x * 2 for x in L4), tuple(range(25)), tuple('abc'), tuple({}))
