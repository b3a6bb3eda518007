# gc.get_count() around a program's first lists: compiling the program frees two lists per
# function, lambda or comprehension (2.7's list comprehensions aside) onto the list free list
# after start-up's, so a program of many blocks makes its first lists from recycled blocks.
import gc


def f1():
    return [x for x in range(3)]


def f2():
    return lambda: 1


def f3():
    def inner():
        return 1
    return inner


def f4():
    return 4


g = (x for x in range(3))
square = lambda x: x * x
a = gc.get_count()[0]
lists = [[] for i in range(12)]
b = gc.get_count()[0]
more = [[] for i in range(12)]
c = gc.get_count()[0]
print(b - a, c - b)
