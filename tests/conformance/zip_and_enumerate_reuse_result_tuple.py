# zip and enumerate hand out their result tuple again when the loop dropped it (3.x zip, both enumerates); 2.7's zip builds a list of new tuples sized by the length hints
import gc
import sys

PY3 = sys.version_info[0] >= 3
L = ['a', 'b', 'c']
M = [1, 2, 3]


def counted(label, f):
    gc.collect()
    before = gc.get_count()[0]
    f()
    middle = gc.get_count()[0]
    f()
    print(label, middle - before, gc.get_count()[0] - middle)


def zip_unpacked():
    for a, b in zip(L, M):
        pass


def zip_kept():
    for p in zip(L, M):
        pass


def zip_listed():
    return list(zip(L, M))


def enumerate_unpacked():
    for i, x in enumerate(L):
        pass


def enumerate_kept():
    for p in enumerate(L):
        pass


def enumerate_listed():
    return list(enumerate(L))


for f in (zip_unpacked, zip_kept, zip_listed, enumerate_unpacked, enumerate_kept, enumerate_listed):
    counted(f.__name__, f)
counted('enumerate(L)', lambda: enumerate(L))

e = enumerate(L)
first = next(e)
second = next(e)
print(first, second, first is second)
first = None
third = next(e)
print(third, third is second)
z = iter(zip(L, M))
a = next(z)
b = next(z)
print(a, b, a is b)
print(list(enumerate(L, 5)), zip(), zip([1, 2], 'ab') if not PY3 else list(zip([1, 2], 'ab')))


def two():
    yield 1
    yield 2


print(list(zip(two(), [5, 6, 7])), list(zip([5, 6, 7], two())))
try:
    zip(1, [2])
except TypeError as ex:
    print('TypeError:', ex)
