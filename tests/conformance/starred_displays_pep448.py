# 3.x displays unpack with * and ** (PEP 448): a list grows as CPython's does (sys.getsizeof), later keys win, an object with keys() and __getitem__ is a mapping, and what cannot be unpacked is CPython's TypeError
import gc
import sys
a = [1, 2]
b = (3,)
d = {'x': 1}
print([*a, *b, 4], (*a, 5), (0, *a), {*a, *b, 2}, [*a], [*'hi'], [0, *range(3)])
print({**d, 'y': 2}, {'z': 0, **d}, {**d, **{'x': 9}}, {**{}}, {'k': 1, **d, 'm': 2, **{'n': 3}})
print(sys.getsizeof([*a, *b, 4]), sys.getsizeof([0, *a]), sys.getsizeof((*a, 5)), sys.getsizeof({**d, 'y': 2}))
for bad in (lambda: [*5], lambda: {*5}, lambda: (1, *None), lambda: {**5}, lambda: {**[1]}, lambda: {'a': 1, **None}):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
class M(object):
    def keys(self):
        return ['p', 'q']
    def __getitem__(self, k):
        return k * 2
print({**M()}, {**M(), 'p': 0})
def gen():
    yield 1
    yield 2
print([*gen(), *gen()], sorted({*gen()}))
x, *rest = [*a, *b]
print(x, rest)
before = gc.get_count()[0]
t = [*a, *b]
u = {**d, 'w': 1}
print(gc.get_count()[0] - before)
