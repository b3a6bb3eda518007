# gc.get_count() around a program's first sets: 2.7's start-up leaves two sets on its set free
# list and has made the empty frozenset every frozenset() returns; 3.12 keeps no set free list
# and no empty frozenset, so each of its sets counts.
import gc
a = gc.get_count()[0]
s1 = set()
s2 = set()
b = gc.get_count()[0]
s3 = set()
c = gc.get_count()[0]
f1 = frozenset()
f2 = frozenset()
d = gc.get_count()[0]
print(b - a, c - b, d - c)
print(f1 is f2)
