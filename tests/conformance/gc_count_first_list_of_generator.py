# gc.get_count() around a program's first list(generator): 2.7 guesses the length, swallows the
# generator's TypeError for len() and matches it with PyObject_IsSubclass, whose bound
# type.__subclasscheck__ is the first block of an empty free list; 3.12 asks whether it has a
# length first. The second list(generator) reuses every block.
import gc


def gen():
    yield 1
    yield 2


c0 = gc.get_count()[0]
x = list(gen())
c1 = gc.get_count()[0]
y = list(gen())
c2 = gc.get_count()[0]
print(c1 - c0, c2 - c1)
