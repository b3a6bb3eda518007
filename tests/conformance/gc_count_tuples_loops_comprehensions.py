# gc.get_count() around tuples, for loops and comprehensions: tuples come from and go back to
# free lists without counting; a for loop over a list counts its list iterator; 3.12 runs list
# comprehensions inline and counts only the result, and a generator expression counts one
# generator (its frame lives inside it).
from __future__ import print_function
import gc

gc.disable()
gc.collect()
last = [gc.get_count()[0]]


def show(label):
    now = gc.get_count()[0]
    if label:
        print(label, now - last[0])
    last[0] = gc.get_count()[0]


items = [1, 2, 3]
show(None)
show("nothing")
for i in items:
    t = (i, i)
show("for loop making pairs")
for i in items:
    t = (i, i, i)
show("for loop making triples")
a, b = 1, 2
show("tuple unpacking")
for i in items:
    pass
show("empty for loop")
squares = [i * i for i in items]
show("list comprehension")
squares = [i * i for i in items]
show("list comprehension again")
total = sum(i for i in items)
show(None)
total = sum(i for i in items)
show("generator expression again")
del squares, t
show("dropped")
print("collected", gc.collect())
