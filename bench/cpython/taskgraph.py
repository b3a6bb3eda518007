# The talk's Task/Subtask graph, shared by the CPython side of `refheap bench` (churn.py,
# memory_per_task.py, pause_vs_heap.py; gc_graph.py keeps its own copy for bench/compare.sh).
# A Task holds a dict of 5 Subtasks in `_subtasks`; each Subtask holds its Task in `_task`
# (strongly: a cycle only the collector frees), or a weak reference to it (WeakSubtask: freed
# by reference counting alone). Refheap builds the same objects through its C# API
# (src/Refheap.Cli/Bench/TaskGraph.cs). Runs on 2.7 and 3.x.
import sys
import time
import weakref

clock = getattr(time, "perf_counter", time.time)
if sys.version_info[0] == 2:
    range = xrange  # noqa: F821 - Python 2 only: no list of N ints
else:
    range = range  # so that `from taskgraph import range` works on both

SUBTASKS = 5


class Task(object):
    def __init__(self, name):
        self.name = name
        self._subtasks = {}


class Subtask(object):
    def __init__(self, name, task):
        self.name = name
        self._task = task


class WeakSubtask(object):
    def __init__(self, name, task):
        self.name = name
        self._task = weakref.ref(task)


def make_task(i, subtask=Subtask):
    t = Task(i)
    subtasks = t._subtasks
    for j in range(SUBTASKS):
        subtasks[j] = subtask(j, t)
    return t


def build(n, into=None):
    """Appends n new Tasks to `into` (a new list when None) and returns it."""
    tasks = [] if into is None else into
    start = len(tasks)
    for i in range(start, start + n):
        tasks.append(make_task(i))
    return tasks


def live_task_counter():
    """A function returning the number of Task instances alive now; call it while none is.

    Every instance of a class defined in Python holds a reference to its class (2.7 and 3.x),
    so the class's reference count minus its count with no instances alive is the number of
    live instances: exact, O(1), and it needs neither __del__ (which would make 2.7 leave the
    cycles in gc.garbage) nor weak references.
    """
    refcount = sys.getrefcount
    base = refcount(Task)

    def live_tasks():
        return refcount(Task) - base

    return live_tasks


def rss_bytes():
    """Resident set size from /proc/self/statm (pages * page size); 0 where there is no /proc."""
    try:
        with open("/proc/self/statm") as f:
            resident = int(f.read().split()[1])
    except (IOError, OSError):
        return 0
    import resource
    return resident * resource.getpagesize()


def version():
    return "%d.%d.%d" % sys.version_info[:3]
