# Calling gc, sys, weakref, time and functools functions with the wrong arguments raises CPython's TypeError, worded per profile (3.x names METH_NOARGS and METH_O functions with their module).
from __future__ import print_function
import functools
import gc
import sys
import time
import weakref


def f():
    pass


clock = getattr(time, 'perf_counter', None) or getattr(time, 'clock')
try:
    intern_function = sys.intern
except AttributeError:
    intern_function = intern  # noqa: F821 - 2.7's built-in
calls = [
    (weakref.getweakrefcount, (), {}), (weakref.getweakrefs, (), {}), (weakref.ref, (), {}), (weakref.ref, (f, None, 1), {}),
    (weakref.ref, (f,), {'callback': None}), (weakref.proxy, (), {}), (weakref.proxy, (f, None, 1), {}),
    (sys.getrefcount, (), {}), (sys.getrecursionlimit, (1,), {}), (sys.setrecursionlimit, (), {}), (sys.exc_info, (1,), {}),
    (sys.getsizeof, (), {}), (sys.getsizeof, (1, 2, 3), {}), (sys.exit, (1, 2), {}),
    (time.time, (1,), {}), (clock, (1,), {}), (time.sleep, (), {}), (time.sleep, ('x',), {}),
    (functools.reduce, (), {}), (functools.reduce, (1, 2, 3, 4), {}), (functools.wraps, (), {}), (functools.wraps, (f, 1, 2, 3), {}),
    (gc.set_threshold, (), {}), (gc.set_threshold, (1, 2, 3, 4), {}), (gc.collect, (1, 2), {}), (gc.collect, (), {'gen': 1}),
    (gc.collect, (1,), {'generation': 1}), (gc.is_tracked, (), {}), (gc.get_count, (1,), {}), (gc.set_debug, (), {}),
    (gc.enable, (1,), {}), (gc.disable, (1,), {}), (gc.isenabled, (1,), {}), (gc.get_threshold, (1,), {}), (gc.get_debug, (1,), {}),
    (gc.get_objects, (1, 2), {}), (gc.get_referents, (), {'x': 1}), (gc.get_referrers, (), {'x': 1}), (gc.enable, (), {'x': 1}),
]
calls.append((intern_function, (), {}))
for function, args, kwargs in calls:
    try:
        function(*args, **kwargs)
        print('accepted', function.__name__)
    except TypeError as e:
        print(function.__name__, '->', e)
print('gc.get_stats' if hasattr(gc, 'get_stats') else 'no gc.get_stats', gc.collect(generation=0) >= 0)
if hasattr(gc, 'callbacks'):
    for args, kwargs in (((1,), {'generation': 1}), ((), {'gen': 1}), ((), {'generation': 'x'})):
        try:
            gc.get_objects(*args, **kwargs)
        except TypeError as e:
            print('get_objects ->', e)
