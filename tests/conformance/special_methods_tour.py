# A tour of the special methods a class can define (operators, pow with a modulus, round, format, containers, calls, with, __getattr__, __missing__, properties, generators' send/throw, decorators, exceptions with fields), each used as CPython uses it
from __future__ import print_function
import gc
class V(object):
    def __init__(self, x): self.x = x
    def __add__(self, o): return V(self.x + (o.x if isinstance(o, V) else o))
    def __radd__(self, o): return V(o + self.x)
    def __iadd__(self, o): self.x += 100; return self
    def __neg__(self): return V(-self.x)
    def __abs__(self): return abs(self.x)
    def __len__(self): return 3
    def __contains__(self, i): return i == 1
    def __getitem__(self, i):
        if i >= 3: raise IndexError(i)
        return i * 10
    def __call__(self, *a, **k): return ('called', a, sorted(k))
    def __eq__(self, o): return isinstance(o, V) and o.x == self.x
    def __hash__(self): return hash(self.x)
    def __lt__(self, o): return self.x < o.x
    def __int__(self): return 7
    def __float__(self): return 2.5
    def __index__(self): return 2
    def __format__(self, spec): return 'V<%s>' % spec
    def __repr__(self): return 'V(%r)' % self.x
    def __bool__(self): return self.x != 0
    __nonzero__ = __bool__
    def __round__(self, n=0): return 'round%s' % n
    def __divmod__(self, o): return ('dm', o)
    def __pow__(self, o, m=None): return ('pow', o, m)
    def __reversed__(self): return iter([9, 8])
    def __enter__(self): print('enter'); return self
    def __exit__(self, *a): print('exit', a[0]); return True
    def __getattr__(self, n): return 'missing:' + n
v = V(1)
print(v + 1, 1 + v, -v, abs(V(-5)), len(v), 1 in v, 2 in v, list(v), v(1, k=2))
w = v; w += 1; print(w, v is w)
print(v == V(101), {V(3): 1}[V(3)], sorted([V(3), V(1), V(2)]), int(v), float(v), [0,1,2,3][v])
print(format(v, 'abc'), '{:xy}'.format(v), bool(V(0)), bool(v), divmod(v, 3), pow(v, 2), pow(v, 2, 5))
print(list(reversed(v)), v.nothing, round(v), round(v, 2))
with V(0) as q:
    raise ValueError('swallowed')
print('after with')
class D(dict):
    def __missing__(self, k): return 'default-' + str(k)
d = D(a=1); print(d['a'], d['zz'], len(d))
class P(object):
    def __init__(self): self._v = 0
    @property
    def v(self): return self._v
    @v.setter
    def v(self, val): self._v = val * 2
    @v.deleter
    def v(self): print('deleted'); self._v = None
p = P(); p.v = 5; print(p.v); del p.v; print(p.v)
def gen():
    try:
        x = yield 1
        print('got', x)
        yield 2
    except KeyError as e:
        print('thrown', e)
        yield 3
    finally:
        print('gen finally')
g = gen(); print(next(g), g.send('hi'), g.throw(KeyError('k'))); g.close()
def deco(cls):
    cls.tag = 'decorated'
    return cls
@deco
class T(object): pass
print(T.tag)
class E(Exception):
    def __init__(self, msg, code):
        super(E, self).__init__(msg)
        self.code = code
try:
    raise E('boom', 42)
except E as e:
    print(e, e.code, e.args)
def f():
    try:
        return 'try'
    finally:
        print('finally runs')
print(f())
class S(object):
    __slots__ = ('a', '__weakref__')
import weakref
s = S(); s.a = 1; r = weakref.ref(s); print(r() is s); del s; print(r())
print(sorted({'b': 1, 'a': 2}.items()), sorted([3, 1, 2], key=lambda x: -x, reverse=True))
print(max([1, 5, 3], key=lambda x: -x), min('abc'), sum([1, 2], 10), any([]), all([]))
print(isinstance(v, (int, V)), issubclass(D, dict), callable(v), hasattr(v, 'x'))
print(getattr(v, 'zzz', 'dflt'), vars(P())['_v'], type('X', (object,), {'a': 1})().a)
print('%5.2f|%-4d|%s|%r|%x' % (3.14159, 7, 'a', 'b', 255), '{0:>5}|{1:.3}|{x}'.format('r', 2.71828, x=1))
print(str.join('-', ['a', 'b']), 'a,b'.split(','), ' x '.strip(), 'abc'.upper().lower().replace('b', 'B'))
print(list(map(lambda x: x * 2, [1, 2])), list(filter(None, [0, 1, 2])), list(zip('ab', [1, 2])), list(enumerate('ab', 1)))
print(divmod(7, 2), round(2.675, 2), round(3.5), chr(65), ord('A'), hash(1), abs(-2.5))
print(gc.collect())
