# The talk's second example: reference cycles and the generational collector. A Task and its
# Subtasks refer to each other, so reference counting alone never frees them; gc.collect()
# does, and returns how many objects it found unreachable (2.7 also counts each instance's
# __dict__, 3.12 keeps attributes inline). Objects that survive a collection move to an older
# generation, which younger collections no longer examine.
from __future__ import print_function
import gc
import weakref

gc.disable()
gc.collect()


class Task(object):
    def __init__(self, name):
        self.name = name
        self._subtasks = {}

    def add_subtask(self, name):
        self._subtasks[name] = Subtask(name, self)


class Subtask(object):
    def __init__(self, name, task):
        self.name = name
        self._task = task


def build(name, subtasks):
    task = Task(name)
    for i in range(subtasks):
        task.add_subtask(i)
    return task


print("1. a Task with two Subtasks, then del:")
task = build("t1", 2)
alive = weakref.ref(task)
del task
print("   still alive after del:", alive() is not None)
print("   gc.collect() found", gc.collect(), "unreachable objects")
print("   alive after collect:", alive() is not None)

print("2. the collector's thresholds and counters:")
print("   thresholds", gc.get_threshold())
gc.collect()
counts = gc.get_count()
print("   counts right after a full collection", counts)

print("3. a survivor moves to an older generation:")
task = build("t2", 1)
alive = weakref.ref(task)
gc.collect(0)
print("   survived a gen-0 collection; counts now", gc.get_count())
del task
print("   garbage now; gc.collect(0) found", gc.collect(0))
print("   gc.collect(1) found", gc.collect(1))
print("   alive:", alive() is not None)

print("4. automatic collection: with a low threshold the collector runs by itself")
gc.set_threshold(10)
gc.enable()
task = build("t3", 1)
alive = weakref.ref(task)
del task
keep = [[] for i in range(100)]
print("   collected without gc.collect():", alive() is None)
gc.disable()
gc.set_threshold(700, 10, 10)
