# 2.7: a cycle holding an object with __del__ goes to gc.garbage with everything it reaches, but
# gc.garbage lists only the objects that have a finalizer: a suspended generator counts only
# inside a try block (its close() would run code). 3.12 finalizes the cycle and frees it all.
from __future__ import print_function
import gc


class Holder(object):
    def __del__(self):
        print('Holder.__del__')


def plain():
    yield 1


def guarded():
    try:
        yield 1
    finally:
        print('guarded finally')


gc.disable()
holder = Holder()
g1 = plain()
next(g1)
g2 = guarded()
next(g2)
holder.refs = [g1, g2]
holder.me = holder
del holder, g1, g2
print(gc.collect())
print(sorted(type(o).__name__ for o in gc.garbage))
for o in gc.garbage:
    if isinstance(o, Holder):
        del o.me
        o.refs = None
del gc.garbage[:]
print('end')
