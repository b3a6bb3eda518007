# Runaway recursion stops at the recursion limit with a catchable error: RuntimeError in 2.7,
# RecursionError (a RuntimeError subclass) in 3.12. The program goes on afterwards.
from __future__ import print_function
import sys

print("limit", sys.getrecursionlimit())


def down(n):
    return down(n + 1)


try:
    down(0)
except RuntimeError as e:
    print(type(e).__name__, str(e).startswith("maximum recursion depth exceeded"))
sys.setrecursionlimit(200)
print("new limit", sys.getrecursionlimit())
depth = [0]


def count(n):
    depth[0] = n
    count(n + 1)


try:
    count(1)
except RuntimeError:
    print("stopped below the limit", depth[0] < 200, depth[0] > 150)
sys.setrecursionlimit(1000)
print("still running")
