# An allocation that can never succeed raises MemoryError, which a program can catch and
# survive; the objects made before it are unaffected.
from __future__ import print_function
import sys

survivor = [1, 2, 3]
try:
    huge = [0] * sys.maxsize
except MemoryError as e:
    print("MemoryError caught", type(e).__name__)
try:
    huge = [None, None] * (sys.maxsize // 2 + 1)
except MemoryError:
    print("MemoryError for a repeated pair")
print("survivor intact", survivor)
print("MemoryError is an Exception", issubclass(MemoryError, Exception))
