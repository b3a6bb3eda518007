# A tuple display of constants is compiled into one constant object, shared by every run of the
# code: no tuple is allocated, the same object comes back each time. 3.12 folds any such display
# (True, None, negative numbers, nested tuples) and merges equal ones across functions, and
# leaves them untracked; 2.7's peephole optimizer folds fewer and keeps each fold its own.
from __future__ import print_function
import gc
import sys


def plain():
    return (1, 2)


def same_again():
    return (1, 2)


def mixed():
    return (1, 'a', None, -1, 2.5)


def nested_last():
    return (1, (2, 3))


def nested_first():
    return ((2, 3), 1)


def with_true():
    return (None, True)


def with_list():
    return (1, [2])


for f in (plain, mixed, nested_last, nested_first, with_true, with_list):
    print(f.__name__, "same object each call:", f() is f())
print("equal displays in two functions are one object:", plain() is same_again())
x = (1, 2)
y = (1, 2)
print("two displays in one scope:", x is y)
print("tracked:", gc.is_tracked((1, 2)), gc.is_tracked(tuple([1, 2])), gc.is_tracked(with_list()))
before = gc.get_count()[0]
for i in range(100):
    t = plain()
print("allocations counted for 100 calls:", gc.get_count()[0] - before)
print("references to a constant tuple:", sys.getrefcount(nested_first()) - sys.getrefcount(with_list()))
