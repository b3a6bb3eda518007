# gc.get_count() around a program's first slices: 3.12's start-up leaves a slice in its one-slot
# slice cache, so the first slice counts nothing and the next, with the cache empty, counts one;
# 2.7 keeps no cache, so every new slice counts.
import gc
lst = [1, 2, 3, 4]
i = 1
a = gc.get_count()[0]
s = slice(i, 3)
b = gc.get_count()[0]
t = slice(i, 2)
c = gc.get_count()[0]
del s
part = lst[i:3]
d = gc.get_count()[0]
print(b - a, c - b, d - c, part)
