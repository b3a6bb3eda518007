# A built-in function's __module__ names the module that defines it (gc, sys, time; _functools and _weakref for the functions functools and weakref take from them; builtins, 2.7's __builtin__, for the builtins), a method bound to an object has None, a method descriptor none at all; 3.12's call errors name a function by module and qualname (builtins' by name alone), 2.7's by name.
import gc
import sys
import time
import functools
import weakref
try:
    import builtins
except ImportError:
    import __builtin__ as builtins


def module_of(f):
    try:
        return repr(f.__module__)
    except AttributeError as e:
        return 'AttributeError: %s' % e


class A(object):
    pass


functions = [('gc.collect', gc.collect), ('gc.get_referrers', gc.get_referrers), ('sys.getrefcount', sys.getrefcount),
             ('sys.getsizeof', sys.getsizeof), ('time.time', time.time), ('functools.reduce', functools.reduce),
             ('weakref.getweakrefcount', weakref.getweakrefcount), ('weakref.getweakrefs', weakref.getweakrefs),
             ('weakref.proxy', weakref.proxy), ('len', len), ('isinstance', isinstance), ('globals', globals),
             ('vars', vars), ('__import__', __import__), ('builtins.sorted', builtins.sorted),
             ('[].append', [].append), ('{}.fromkeys', {}.fromkeys), ('dict.fromkeys', dict.fromkeys),
             ('list.append', list.append), ('object.__repr__', object.__repr__), ('A().__repr__', A().__repr__)]
for name, f in functions:
    print('%s %s' % (name, module_of(f)))
print(len.__module__ == builtins.__name__)
for f in (gc.collect, sys.getrefcount, time.sleep, functools.reduce, weakref.getweakrefs, len, [].append, {}.fromkeys):
    try:
        f(*1)
    except TypeError as e:
        print(e)
    try:
        f(**1)
    except TypeError as e:
        print(e)
size = sys.getsizeof(len)
print(sys.getsizeof(gc.collect) == size and sys.getsizeof([].append) == size)
