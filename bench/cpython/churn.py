# The CPython side of `refheap bench` churn_weak and churn_strong_autogc: the talk's server
# under load. Each step makes a Task with 5 Subtasks, keeps it in a dict by id (as the talk's
# server keeps its tasks) and deletes the oldest, so WINDOW Tasks are kept alive.
#   weak:   each Subtask holds a weak reference to its Task: a deleted Task is freed at once
#   strong: each Subtask holds its Task: a deleted Task is a cycle, freed only by the collector
# Automatic collection is on at the default thresholds in both. The dict is first filled with
# WINDOW Tasks and WARMUP steps run (neither timed: Refheap's JIT compiles its hot paths fully
# only after they have run a while; both sides warm up alike), then gc.collect(), then TASKS
# steps are timed.
# Measured during the timed steps:
#   tasks_per_second  TASKS / elapsed wall-clock time of the steps
#   max_live_tasks    the most Task instances alive at once, sampled after every step
#                     (taskgraph.live_task_counter: the Task class's reference count)
#   gen0/1/2 collections and longest_pause_ms: with gc.callbacks (3.x) the time from the
#                     "start" to the "stop" callback of each collection of the timed steps.
#                     2.7 has no gc.callbacks: there TASKS more steps run after the timed ones
#                     (a pause pass, not timed), each step timed alone; a step is known to have
#                     collected when gc.get_count() moves as only a collection moves it, and its
#                     pause is that step's time minus the mean time of the steps that did not
#                     collect. Timing every step costs 2.7 about a tenth of its speed, which is
#                     why the timed steps do no such bookkeeping on any interpreter.
# Usage: python churn.py weak|strong TASKS WINDOW [SEED [WARMUP]]; prints one JSON line. Runs on 2.7, 3.x
# and Refheap (`refheap run`), which measures its Python front end with it.
# SEED is recorded only: no step draws random numbers.
import gc
import sys

from jsonline import clock_too_coarse, dumps
from taskgraph import Subtask, WeakSubtask, clock, live_task_counter, make_task, range, version

mode = sys.argv[1]
TASKS = int(sys.argv[2])
WINDOW = int(sys.argv[3])
SEED = int(sys.argv[4]) if len(sys.argv) > 4 else 0
WARMUP = int(sys.argv[5]) if len(sys.argv) > 5 else 0
subtask = WeakSubtask if mode == "weak" else Subtask
live_tasks = live_task_counter()

collections = [0, 0, 0]
longest = [0.0]
started = [0.0]


def on_gc(phase, info):
    if phase == "start":
        started[0] = clock()
    else:
        collections[info["generation"]] += 1
        pause = clock() - started[0]
        if pause > longest[0]:
            longest[0] = pause


def generation_collected(before, after):
    """Which generation a collection between two gc.get_count() readings collected, or -1."""
    if after[2] > before[2]:
        return 1  # collecting generation 1 adds one to generation 2's count
    if after[2] < before[2]:
        return 2  # a full collection zeroes every count
    if after[1] > before[1]:
        return 0  # collecting generation 0 adds one to generation 1's count
    return -1


def timed_steps(live, first):
    """TASKS steps from `first`, nothing else in the loop; returns (elapsed, most live Tasks)."""
    most = live_tasks()
    start = clock()
    for i in range(first, first + TASKS):
        live[i] = make_task(i, subtask)
        del live[i - WINDOW]
        n = live_tasks()
        if n > most:
            most = n
    return clock() - start, most


def pause_pass(live, first):
    """2.7: TASKS more steps, each timed, to find the collections and the longest pause."""
    get_count = gc.get_count
    quiet_time, quiet_steps, pauses = 0.0, 0, []
    count = get_count()
    for i in range(first, first + TASKS):
        step = clock()
        live[i] = make_task(i, subtask)
        del live[i - WINDOW]
        now = get_count()
        g = generation_collected(count, now)
        took = clock() - step
        if g < 0:
            quiet_time += took
            quiet_steps += 1
        else:
            collections[g] += 1
            pauses.append(took)
        count = now
    typical = quiet_time / max(quiet_steps, 1)
    longest[0] = max([p - typical for p in pauses] + [0.0])


def run():
    live = {}
    for i in range(WINDOW):
        live[i] = make_task(i, subtask)
    first = WINDOW + WARMUP
    for i in range(WINDOW, first):
        live[i] = make_task(i, subtask)
        del live[i - WINDOW]
    gc.collect()
    if hasattr(gc, "callbacks"):
        gc.callbacks.append(on_gc)
        elapsed, most = timed_steps(live, first)
        gc.callbacks.remove(on_gc)
        return elapsed, most, "gc.callbacks"

    elapsed, most = timed_steps(live, first)
    pause_pass(live, first + TASKS)
    return elapsed, most, "gc.get_count between steps"


elapsed, most, method = run()
if elapsed <= 0:
    print(clock_too_coarse(version(), "the %d timed steps" % TASKS))
    sys.exit(0)
print(dumps({
    "python": version(),
    "mode": mode,
    "tasks": TASKS,
    "window": WINDOW,
    "seed": SEED,
    "tasks_per_second": TASKS / elapsed,
    "max_live_tasks": most,
    "gen0_collections": collections[0],
    "gen1_collections": collections[1],
    "gen2_collections": collections[2],
    "longest_pause_ms": longest[0] * 1e3,
    "pause_method": method,
}))
