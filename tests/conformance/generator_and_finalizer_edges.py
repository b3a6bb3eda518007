# Generators and finalizers at their edges: a generator closing itself while it runs, send to a just-started one, re-entry, locals of a suspended frame and of a traceback's, a generator in a cycle, throw through nested generators, an exception in __del__ (3.x: printed with its traceback), resurrection from a weakref callback and from __del__, yield in finally
from __future__ import print_function
import gc, weakref, sys
def g_self_close():
    def g():
        yield me.close()
    me = g()
    return next(me)
def g_send_first():
    def g():
        yield 1
    return g().send(5)
def g_reentrant():
    def g():
        yield next(me)
    me = g()
    return me
def g_frame_locals():
    def g(a):
        b = a + 1
        yield b
    it = g(1)
    next(it)
    return sorted(it.gi_frame.f_locals.items())
def tb_frames():
    def inner():
        x = [1, 2]
        raise ValueError
    try:
        inner()
    except ValueError:
        tb = sys.exc_info()[2]
    return sorted(tb.tb_next.tb_frame.f_locals)
def gen_in_cycle():
    class H(object):
        pass
    h = H()
    def g():
        try:
            yield h
        finally:
            print('gen finally')
    h.it = g()
    next(h.it)
    h = None
    return gc.collect() > 0
def frame_back():
    f = sys._getframe() if hasattr(sys, '_getframe') else None
    return f is None or f.f_back is not None
def nested_gen_throw():
    def inner():
        try:
            yield 1
        except KeyError:
            yield 'caught'
    def outer():
        for x in inner():
            yield x
    o = outer()
    next(o)
    return o.throw(KeyError)
def exc_in_del():
    class D(object):
        def __del__(self):
            raise ValueError('in del')
    d = D()
    del d
    return 'after'
def weak_callback_resurrect():
    class O(object):
        pass
    keep = []
    o = O()
    r = weakref.ref(o, lambda ref: keep.append(ref))
    del o
    return len(keep), keep[0]() if keep else None
resurrected = []
class R(object):
    times = 0
    def __del__(self):
        R.times += 1
        if R.times == 1:
            resurrected.append(self)
def del_resurrect_twice():
    r = R()
    del r
    first = len(resurrected)
    resurrected.pop()
    return first, len(resurrected), R.times
def g_yield_in_finally():
    def g():
        try:
            yield 1
        finally:
            yield 2
    it = g()
    next(it)
    try:
        it.close()
    except RuntimeError as e:
        return str(e)
    return 'closed'
try:
    r = g_self_close()
    print('g_self_close()', 'ok', r)
except Exception as e:
    print('g_self_close()', type(e).__name__, e)
try:
    r = g_send_first()
    print('g_send_first()', 'ok', r)
except Exception as e:
    print('g_send_first()', type(e).__name__, e)
try:
    r = list(g_reentrant())
    print('list(g_reentrant())', 'ok', r)
except Exception as e:
    print('list(g_reentrant())', type(e).__name__, e)
try:
    r = g_frame_locals()
    print('g_frame_locals()', 'ok', r)
except Exception as e:
    print('g_frame_locals()', type(e).__name__, e)
try:
    r = tb_frames()
    print('tb_frames()', 'ok', r)
except Exception as e:
    print('tb_frames()', type(e).__name__, e)
try:
    r = gen_in_cycle()
    print('gen_in_cycle()', 'ok', r)
except Exception as e:
    print('gen_in_cycle()', type(e).__name__, e)
try:
    r = frame_back()
    print('frame_back()', 'ok', r)
except Exception as e:
    print('frame_back()', type(e).__name__, e)
try:
    r = nested_gen_throw()
    print('nested_gen_throw()', 'ok', r)
except Exception as e:
    print('nested_gen_throw()', type(e).__name__, e)
try:
    r = exc_in_del()
    print('exc_in_del()', 'ok', r)
except Exception as e:
    print('exc_in_del()', type(e).__name__, e)
try:
    r = weak_callback_resurrect()
    print('weak_callback_resurrect()', 'ok', r)
except Exception as e:
    print('weak_callback_resurrect()', type(e).__name__, e)
try:
    r = del_resurrect_twice()
    print('del_resurrect_twice()', 'ok', r)
except Exception as e:
    print('del_resurrect_twice()', type(e).__name__, e)
try:
    r = g_yield_in_finally()
    print('g_yield_in_finally()', 'ok', r)
except Exception as e:
    print('g_yield_in_finally()', type(e).__name__, e)
gc.collect()
print('done')
