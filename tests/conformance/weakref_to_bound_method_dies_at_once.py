# obj.method makes a new bound-method object on each access, so a weak reference to one is dead
# as soon as the temporary goes; a weak reference to the instance lives on. Worker.run is the
# plain function in 3.12 (alive) but a new unbound method in 2.7 (as dead as a bound one).
from __future__ import print_function
import weakref


class Worker(object):
    def run(self):
        return "ran"


w = Worker()
r = weakref.ref(w.run)
print("weakref to a temporary bound method is dead", r() is None)
m = w.run
r = weakref.ref(m)
print("kept in a name: alive", r() is not None, r()())
del m
print("after del: dead", r() is None)
rf = weakref.ref(Worker.run)
print("Worker.run alive", rf() is not None)
ri = weakref.ref(w)
print("instance alive", ri() is w)
