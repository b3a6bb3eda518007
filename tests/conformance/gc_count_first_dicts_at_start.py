# gc.get_count() around the first dicts a program makes: they come from the dict free list that
# interpreter start-up left, less the dict 2.7's first import of gc copies for itself.
import gc
a = gc.get_count()[0]
x = [{} for i in range(3)]
b = gc.get_count()[0]
y = [{} for i in range(4)]
c = gc.get_count()[0]
print(b - a, c - b)
