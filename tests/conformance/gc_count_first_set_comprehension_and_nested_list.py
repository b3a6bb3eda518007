# gc.get_count() around a program's first set comprehension and nested list comprehension, each
# after a full collection: the first ones reuse the sets and lists CPython's start-up and its
# compile of the program (two lists per function, lambda or comprehension) left on the free
# lists, as the later ones reuse those the first ones freed.
import gc


def counted(name, f):
    gc.collect()
    before = gc.get_count()[0]
    r = f()
    print(name, gc.get_count()[0] - before)


counted('setcomp', lambda: {x for x in range(3)})
counted('setcomp again', lambda: {x for x in range(3)})
counted('nested', lambda: [[y for y in range(2)] for x in range(3)])
counted('nested again', lambda: [[y for y in range(2)] for x in range(3)])
