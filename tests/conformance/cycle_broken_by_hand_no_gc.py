# Breaking a cycle by hand (the talk's "delete" method) lets reference counting free both
# objects at once, without the collector.
from __future__ import print_function
import gc

gc.disable()
gc.collect()


class Task(object):
    def __init__(self, name):
        self.name = name
        self.subtasks = []

    def add(self, sub):
        self.subtasks.append(sub)
        sub.task = self

    def delete(self):
        for sub in self.subtasks:
            sub.task = None
        self.subtasks = []

    def __del__(self):
        print("del task", self.name)


class Subtask(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del subtask", self.name)


t = Task("t1")
t.add(Subtask("s1"))
t.add(Subtask("s2"))
t.delete()
print("cycle broken")
del t
print("collect finds", gc.collect())
