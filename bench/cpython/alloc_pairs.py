# The CPython side of Refheap's allocation benchmarks: ns per allocate+free pair of a small
# object, and per create+drop of an instance with two attributes. Runs on 2.7 and 3.x.
# Usage: python alloc_pairs.py [N]; prints one JSON line.
import json
import sys
import timeit

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000


class Task(object):
    pass


def small_object(n):
    o = object
    for _ in range(n):
        o()


def instance_two_attributes(n):
    T = Task
    for _ in range(n):
        t = T()
        t.name = None
        t.number = 1
        del t


def empty_loop(n):
    for _ in range(n):
        pass


def best_ns(fn):
    return min(timeit.repeat(lambda: fn(N), number=1, repeat=5)) / N * 1e9


if sys.version_info[0] == 2:
    range = xrange  # noqa: F821 - Python 2 only

loop = best_ns(empty_loop)
print(json.dumps({
    "python": "%d.%d.%d" % sys.version_info[:3],
    "small_object_alloc_free_ns": best_ns(small_object),
    "instance_create_drop_ns": best_ns(instance_two_attributes),
    "empty_loop_ns": loop,
}))
