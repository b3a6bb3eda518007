# AttributeError for a missing attribute names the type as CPython's tp_name does (2.7's exceptions.KeyError, 3.x's weakref.ReferenceType), for reading and for setting; 3.x weak references have a read-only __callback__.
from __future__ import print_function
import functools
import gc
import sys
import weakref


class C(object):
    pass


def f():
    pass


def g():
    yield 1


objs = [1, 'a', [], {}, (), set(), frozenset(), 1.5, None, True, C(), C, f, g(), weakref.ref(C),
        functools.partial(f), len, [].append, object(), range(2), iter([]), sys, gc.collect, f.__code__,
        type, slice(1), enumerate([]), zip(), reversed([]), {}.keys(), Exception(), KeyError(),
        NotImplemented, Ellipsis, property(), super(C, C()), map(f, []), filter(None, [])]
for o in objs:
    try:
        o.no_such_attr
    except AttributeError as e:
        print(e)
    try:
        o.no_such_attr = 1
        print('set ok', type(o).__name__)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)


def callback(ref):
    print('callback sees __callback__', getattr(ref, '__callback__', 'absent'))


target = C()
ref = weakref.ref(target, callback)
print(getattr(ref, '__callback__', 'absent') is callback, getattr(weakref.ref(target), '__callback__', 'absent'))
try:
    ref.__callback__ = None
except AttributeError as e:
    print('AttributeError', e)
del target
print(getattr(ref, '__callback__', 'absent'))


class Plain(object):
    pass


class Slotted(object):
    __slots__ = ('x',)


plain = Plain()
for step in range(2):
    try:
        del plain.a  # 2.7: the bare name once the instance has a dict
    except AttributeError as e:
        print(repr(e))
    plain.b = 1
for target, attribute in ((Slotted(), 'x'), (f, 'nope')):
    try:
        delattr(target, attribute)
    except AttributeError as e:
        print(repr(e))
# A built-in method's repr names its object's type by tp_name too (addresses cut off).
print(repr(functools.partial(f).__reduce__)[:45], repr([].append)[:38], repr(KeyError().__reduce__)[:48])
