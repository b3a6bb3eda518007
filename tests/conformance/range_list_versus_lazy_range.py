# The talk's advice "xrange instead of range in long loops": in 2.7 range() builds the whole
# list (its size grows with the length), xrange() is a small lazy object. 3.12's range is lazy
# and xrange is gone.
from __future__ import print_function
import sys

try:
    lazy = xrange
    print("xrange exists")
except NameError:
    lazy = range
    print("no xrange")
print("range(3) is a", type(range(3)).__name__)
print("lazy(3) is a", type(lazy(3)).__name__)
print("size of range(1000)", sys.getsizeof(range(1000)))
print("size of lazy(1000)", sys.getsizeof(lazy(1000)))
print("size of lazy(10**6)", sys.getsizeof(lazy(10 ** 6)))
total = 0
for i in lazy(5):
    total += i
print("sum", total, "last i", i)
print("list from lazy", list(lazy(4)))
