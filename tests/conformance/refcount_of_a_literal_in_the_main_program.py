# The reference count of a literal's object in the main program: CPython's parser keeps the
# objects it made in an arena list until the program has run, so a number or string written
# in the program has one reference more than the same object made at run time, and
# gc.get_referrers finds that list (3.12 also keeps its folded constant tuples there).
from __future__ import print_function
import gc
import sys

a = 123456
print("a = 123456:", sys.getrefcount(a))
s = 'some text, not an identifier'
print("a str literal:", sys.getrefcount(s))
made = int('654321')
print("an int made at run time:", sys.getrefcount(made))


def f():
    b = 98765
    return sys.getrefcount(b)


print("a literal in a function:", f())
print("the arena list and the module dict refer to it:", sorted(type(r).__name__ for r in gc.get_referrers(a) if type(r) in (list, dict)))
pair = (1000, 2000)
print("a constant tuple:", sys.getrefcount(pair))
