# The CPython side of `refheap bench` memory_per_task: what a Task graph (a Task, its
# `_subtasks` dict and 5 Subtasks pointing back at it) costs in resident memory, and how much
# of it goes back to the OS once everything is deleted and collected.
#   rss_bytes_per_task  (RSS after building TASKS Tasks - RSS before) / TASKS
#   rss_returned_percent  (RSS after building - RSS after `del` + gc.collect())
#                         / (RSS after building - RSS before) * 100
# RSS is read from /proc/self/statm (resident pages * page size): tracemalloc would slow the
# build down several times and counts only what Python's allocator hands out. Automatic
# collection is off during the build (there is no garbage to find). A warm-up graph of 1,000
# Tasks is built and freed first, as on Refheap's side.
# Usage: python memory_per_task.py TASKS; prints one JSON line. Runs on 2.7 and 3.x.
import gc
import json
import sys

from taskgraph import build, rss_bytes, version

TASKS = int(sys.argv[1])

gc.disable()
warm = build(1000)
del warm
gc.collect()
before = rss_bytes()
tasks = build(TASKS)
built = rss_bytes()
del tasks
gc.collect()
after = rss_bytes()
grown = max(built - before, 1)
print(json.dumps({
    "python": version(),
    "tasks": TASKS,
    "rss_before": before,
    "rss_built": built,
    "rss_after": after,
    "rss_bytes_per_task": float(built - before) / TASKS,
    "rss_returned_percent": 100.0 * (built - after) / grown,
}))
