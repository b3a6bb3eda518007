# A cycle of old-style (2.7 classic) instances with __del__: 2.7's collector cannot order the
# finalizers, so the cycle goes to gc.garbage (has_finalizer asks each instance); the same cycle
# without __del__ is collected. In 3.12 the class is new-style and PEP 442 finalizes and frees it.
from __future__ import print_function
import gc
import weakref

gc.disable()
gc.collect()


class Plain:
    pass


class Finalized:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('__del__', self.name)


a, b = Plain(), Plain()
a.other, b.other = b, a
watch = weakref.ref(a)
del a, b
print('plain cycle collected', gc.collect(), watch() is None, len(gc.garbage))

x, y = Finalized('x'), Finalized('y')
x.other, y.other = y, x
watch = weakref.ref(x)
del x, y
print('finalized cycle collected', gc.collect())
print('alive', watch() is not None, 'garbage', sorted(o.name for o in gc.garbage))
for o in gc.garbage:
    o.other = None
del gc.garbage[:]
print('after breaking the cycle by hand', watch() is None)

single = Finalized('single')
del single
print('a lone instance is finalized at once')
mixed = Finalized('mixed')
mixed.self_ref = mixed
mixed.plain = Plain()
del mixed
print('self cycle collected', gc.collect(), [type(o).__name__ for o in gc.garbage])
for o in gc.garbage:
    o.__dict__.clear()
del gc.garbage[:]
print('done')
