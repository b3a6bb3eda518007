# The talk's first example: weak references. A weak reference does not keep its object alive;
# calling it gives the object, or None once the object is gone; an optional callback runs when
# the object dies. Some built-in types (int, str, tuple, list, dict) cannot be weakly
# referenced at all; instances of classes, functions, classes and sets can.
from __future__ import print_function
import weakref


class Task(object):
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Task(%r)" % self.name


task = Task("build")
ref = weakref.ref(task)
print("1. dereferencing a live weak reference:", ref())
print("   the object counts its weak references:", weakref.getweakrefcount(task))
del task
print("2. after the last strong reference is gone:", ref())


def announce(dead_ref):
    print("   callback: the task is gone, its weak reference now gives", dead_ref())


task = Task("deploy")
watched = weakref.ref(task, announce)
print("3. a weak reference with a callback, then del:")
del task
print("   (the callback ran inside the del statement)")

print("4. a proxy behaves like its object while the object lives:")
task = Task("test")
proxy = weakref.proxy(task)
print("   proxy.name =", proxy.name)
del task
try:
    proxy.name
except ReferenceError as e:
    print("   after del: ReferenceError:", e)


class MyDict(dict):
    pass


def function():
    pass


print("5. which objects can be weakly referenced:")
for label, value in [("int", 1), ("str", "text"), ("tuple", (1,)), ("list", []),
                     ("dict", {}), ("dict subclass", MyDict()), ("set", set()),
                     ("function", function), ("class", Task), ("instance", Task("x"))]:
    try:
        weakref.ref(value)
        print("   %-13s yes" % label)
    except TypeError as e:
        print("   %-13s no  (%s)" % (label, e))

print("6. the talk's Subtask keeps only a weak reference to its Task:")


class Subtask(object):
    def __init__(self, name, task):
        self.name = name
        self._task = weakref.ref(task)

    def get_task(self):
        return self._task()


task = Task("release")
sub = Subtask("tag", task)
print("   sub.get_task() =", sub.get_task())
del task
print("   after del task: sub.get_task() =", sub.get_task())
