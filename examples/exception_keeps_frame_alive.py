# The talk's fifth example: a loop that catches an exception. The exception's traceback refers
# to the frame that raised it, and that frame to its local objects, so the object of the failing
# iteration outlives its function: in 2.7 until the function that handled the exception returns
# (sys.exc_info() keeps it), in 3.12 only until the except block ends. Storing sys.exc_info() in
# a local makes a cycle (frame -> traceback -> frame) in both, so the object lives until the
# collector runs. Weak-reference callbacks, kept outside the objects, report each death.
from __future__ import print_function
import gc
import sys
import weakref

gc.disable()
gc.collect()
watchers = set()


def report_freed(number, ref):
    print("   object %d freed" % number)
    watchers.discard(ref)


class Sample(object):
    count = 0

    def __init__(self):
        self.id = Sample.count
        Sample.count += 1
        watchers.add(weakref.ref(self, lambda ref, number=self.id: report_freed(number, ref)))
        print("   object %d created" % self.id)


def do_stuff():
    obj = Sample()
    if obj.id == 2:
        raise ValueError("I don't like number 2")


def loop():
    for i in range(4):
        try:
            do_stuff()
        except ValueError as e:
            print("   error:", e)
    print("   loop finished; exc_info still set in this frame:", sys.exc_info()[0] is not None)
    if sys.exc_info()[2] is not None:
        print("   the traceback still sees obj", sys.exc_info()[2].tb_next.tb_frame.f_locals["obj"].id)


print("1. running the loop:")
loop()
print("2. loop() returned; exc_info here:", sys.exc_info()[0] is not None)


def loop_keeping_traceback():
    for i in range(3):
        try:
            do_stuff()
        except ValueError:
            kept = sys.exc_info()
    print("   loop finished")


print("3. a loop that keeps the whole exc_info tuple in a local:")
Sample.count = 0
loop_keeping_traceback()
print("   returned; collecting")
print("   gc.collect() found some:", gc.collect() > 0)
print("   objects still watched:", len(watchers))
