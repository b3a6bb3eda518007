# The CPython side of `refheap bench` pause_vs_heap: how long one full collection of a live
# Task graph takes as the graph grows. The graph is grown to each size in turn (automatic
# collection off), collected once to settle it, then collected REPEATS times; the shortest
# of those is the figure.
# Usage: python pause_vs_heap.py SIZE[,SIZE...] [REPEATS]; prints one JSON line with one entry
# per size. Runs on 2.7 and 3.x.
import gc
import json
import sys

from taskgraph import build, clock, range, version

SIZES = [int(s) for s in sys.argv[1].split(",")]
REPEATS = int(sys.argv[2]) if len(sys.argv) > 2 else 3

gc.disable()
gc.collect()
tasks = []
points = []
for size in SIZES:
    build(size - len(tasks), tasks)
    gc.collect()
    tracked = len(gc.get_objects())
    best = None
    for _ in range(REPEATS):
        start = clock()
        gc.collect()
        took = clock() - start
        best = took if best is None else min(best, took)
    points.append({"tasks": size, "tracked": tracked, "full_collection_ms": best * 1e3})
print(json.dumps({"python": version(), "repeats": REPEATS, "points": points}))
