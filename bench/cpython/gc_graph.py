# The CPython side of Refheap's collector benchmarks on the talk's Task/Subtask graph:
# a Task holds a dict of 5 Subtasks, each Subtask holds its Task.
#   build:        building the graph of TASKS Tasks, automatic gc off, ns per Task
#   full_live:    one full collection of the live heap, ns per tracked object
#   full_garbage: the same graph made garbage and collected, ns per collected object
# Before them, untimed, the same steps on a graph of WARMUP Tasks (Refheap's JIT compiles its hot
# paths fully only after they have run a while; both sides warm up alike).
# Usage: python gc_graph.py TASKS [WARMUP]; prints one JSON line. Runs on 2.7, 3.x and Refheap (`refheap run`).
import gc
import sys
import time

from jsonline import clock_too_coarse, dumps

TASKS = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
WARMUP = int(sys.argv[2]) if len(sys.argv) > 2 else 0
clock = getattr(time, "perf_counter", time.time)


class Task(object):
    def __init__(self, name):
        self.name = name
        self._subtasks = {}


class Subtask(object):
    def __init__(self, name, task):
        self.name = name
        self._task = task


def build(n):
    tasks = []
    for i in range(n):
        t = Task(i)
        for j in range(5):
            t._subtasks[j] = Subtask(j, t)
        tasks.append(t)
    return tasks


gc.disable()
if WARMUP:
    warm = build(WARMUP)
    gc.collect()
    gc.collect()
    del warm
gc.collect()
start = clock()
tasks = build(TASKS)
build_elapsed = clock() - start
gc.collect()
tracked = len(gc.get_objects())
start = clock()
gc.collect()
live_elapsed = clock() - start

del tasks
start = clock()
collected = gc.collect()
garbage_elapsed = clock() - start
if build_elapsed <= 0 or live_elapsed <= 0 or garbage_elapsed <= 0:
    print(clock_too_coarse("%d.%d.%d" % sys.version_info[:3], "the build or a collection"))
    sys.exit(0)
live_ns = live_elapsed * 1e9 / tracked
garbage_ns = garbage_elapsed * 1e9 / max(collected, 1)
print(dumps({
    "python": "%d.%d.%d" % sys.version_info[:3],
    "tasks": TASKS,
    "build_ns_per_task": build_elapsed * 1e9 / TASKS,
    "tracked": tracked,
    "full_live_ns_per_object": live_ns,
    "collected": collected,
    "full_garbage_ns_per_object": garbage_ns,
}))
