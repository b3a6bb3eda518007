# sys._getframe: a frame object of the running code (or depth calls up) keeps its locals alive while it is held; generators' frames and closures in cycles die with the collector, finalizers and callbacks in CPython's order.
from __future__ import print_function
import gc, sys, weakref
class N(object):
    def __init__(self, name): self.name = name
    def __del__(self): print('del', self.name)
def gen():
    n = N('in-gen')
    try:
        yield 1
        yield 2
    finally:
        print('gen finally')
g = gen(); next(g)
print('drop gen')
del g
print('after drop')
def cyc_gen():
    n = N('cyc-gen')
    me = yield 1
    yield 2
g = cyc_gen(); next(g); g.send(None) if False else None
holder = [g]
g.gi_frame.f_locals if False else None
class Box(object): pass
b = Box(); b.g = g; b.self = b
del g, holder, b
print('collect', gc.collect())
def outer():
    n = N('closure')
    def inner():
        return n
    inner.me = inner
    return inner
f = outer()
del f
print('closure collect', gc.collect())
class WithDel(object):
    def __init__(self, other=None): self.other = other
    def __del__(self): print('WithDel del', id(self.other) != 0)
a = WithDel(); b = WithDel(a); a.other = b
del a, b
print('del-cycle collect', gc.collect(), len(gc.garbage))
wr_log = []
class T(object): pass
t = T()
r = weakref.ref(t, lambda ref: wr_log.append('cb'))
t.cycle = t
del t
print(wr_log, gc.collect(), wr_log, r())
def frames():
    x = N('frame-local')
    return sys._getframe()
fr = frames()
print('frame kept', fr.f_locals['x'].name)
del fr
print('frame dropped')
def caller():
    marker = 'caller-local'
    return callee()
def callee():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_locals['marker'], sys._getframe().f_code.co_name, sys._getframe(0).f_back is f
print(caller())
try:
    sys._getframe(1000)
except ValueError as e:
    print('ValueError', e)
for bad in (('x',), (1, 2)):
    try:
        sys._getframe(*bad)
    except TypeError as e:
        print('TypeError', e)
print(sys._getframe().f_code.co_name, sys._getframe().f_back)
import gc
gc.collect()
c0 = gc.get_count()[0]
f = sys._getframe()
print(gc.get_count()[0] - c0)
for leftover in gc.garbage:
    leftover.other = None  # 2.7 left the __del__ cycle in gc.garbage: break it, then let it go
del gc.garbage[:]
print('garbage cleared')
