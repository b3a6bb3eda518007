# The builtins module is a tracked heap object: __main__'s globals refer to it, an imported module's globals to its dict, which its module refers to; a value stored on it lives until deleted from it (then dies at once, or at the next collection in a cycle); a __del__ run as the program ends still finds its builtins and __builtins__.
import gc
import sys
import weakref
try:
    import builtins
except ImportError:
    import __builtin__ as builtins
import _builtins_helper as helper

gc.disable()
gc.collect()
print(gc.is_tracked(builtins))
print(any(o is builtins for o in gc.get_referents(globals())))
print(any(o is builtins.__dict__ for o in gc.get_referents(helper.__dict__)))
print(any(o is builtins for o in gc.get_referrers(builtins.__dict__)))
print(any(o is globals() for o in gc.get_referrers(builtins)))
before = sys.getrefcount(builtins)
again = __import__(builtins.__name__)
print(sys.getrefcount(builtins) - before)
del again
print(sys.getrefcount(builtins) - before)


class Noisy(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('del %s %s %s' % (self.name, type(__builtins__).__name__, len([1, 2])))


class Node(object):
    pass


def gone(ref):
    print('callback')


builtins.kept = Noisy('kept')
watch = weakref.ref(builtins.kept, gone)
print(kept.name)
del builtins.kept
print(watch() is None)
builtins.cyclic = Node()
builtins.cyclic.me = builtins.cyclic
watch = weakref.ref(builtins.cyclic, gone)
del builtins.cyclic
print(watch() is None)
print('collected %d' % (gc.collect() > 0))
print(watch() is None)
del watch
last = Noisy('at exit')
print('end')
