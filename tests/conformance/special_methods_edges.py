# Special methods at their edges: __len__ results per profile, list subclasses concatenated and extended in place (the reflected method of an exact list's right operand first), __missing__, container protocol errors worded as CPython's.
from __future__ import print_function
import sys
class A(object):
    def __init__(self, v): self.v = v
    def __add__(self, o): return A(self.v + (o.v if isinstance(o, A) else o))
    def __repr__(self): return 'A(%r)' % self.v
a = A(1); a += 2; print(a)
class NoEq(object): pass
x = NoEq()
print(x == x, x != NoEq(), x == 1)
try:
    print(x < NoEq())
except TypeError as e:
    print('TE', e)
class BadLen(object):
    def __len__(self): return 'x'
try:
    len(BadLen())
except TypeError as e:
    print('TE', e)
class NegLen(object):
    def __len__(self): return -1
try:
    len(NegLen())
except ValueError as e:
    print('VE', e)
class BadBool(object):
    def __bool__(self): return 1
    __nonzero__ = __bool__
try:
    print(bool(BadBool()))
except TypeError as e:
    print('TE', e)
class BigHash(object):
    def __hash__(self): return 2**100
print(hash(BigHash()) == hash(2**100))
class Idx(object):
    def __index__(self): return 2
print([0, 1, 2, 3][Idx()], [0, 1, 2, 3][Idx():], 'abcd'[:Idx()], range(10)[Idx()], hex(Idx()) if sys.version_info[0] == 3 else '0x2')
class D(dict):
    def __missing__(self, k): return k * 2
d = D(a=1)
print(d['a'], d['zz'], d.get('zz'), 'zz' in d, type(d).__name__, isinstance(d, dict))
class L(list):
    def total(self): return sum(self)
l = L([1, 2, 3]); l.append(4)
print(l.total(), len(l), l[1:3], type(l[1:3]).__name__, l + [5], type(l + [5]).__name__)
class Cont(object):
    def __init__(self): self.d = {}
    def __setitem__(self, k, v): self.d[k] = v
    def __getitem__(self, k): return self.d[k]
    def __delitem__(self, k): del self.d[k]
c = Cont(); c['x'] = 1; print(c['x']); del c['x']; print(c.d)
try:
    c['x']
except KeyError as e:
    print('KE', e)
class NotCM(object): pass
try:
    with NotCM():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
class Rec(object):
    def __getattr__(self, name):
        if name == 'loop': return self.loop2
        raise AttributeError(name)
try:
    Rec().nothing
except AttributeError as e:
    print('AE', e)
try:
    iter(NotCM())
except TypeError as e:
    print('TE', e)
try:
    NotCM()()
except TypeError as e:
    print('TE', e)
try:
    NotCM()[0]
except TypeError as e:
    print('TE', e)
try:
    NotCM() + 1
except TypeError as e:
    print('TE', e)
try:
    -NotCM()
except TypeError as e:
    print('TE', e)
try:
    del NotCM()[0]
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
try:
    NotCM()[0] = 1
except TypeError as e:
    print('TE', e)
try:
    1 in NotCM()
except TypeError as e:
    print('TE', e)
try:
    len(NotCM())
except TypeError as e:
    print('TE', e)
try:
    int(NotCM())
except TypeError as e:
    print('TE', e)
try:
    float(NotCM())
except TypeError as e:
    print('TE', e)
try:
    sorted([NotCM(), NotCM()])
except TypeError as e:
    print('TE', e)
try:
    hash({})
except TypeError as e:
    print('TE', e)
class L(list):
    pass
l = L([1, 2])
r = [0] + l
print(r, type(r).__name__, type(l * 2).__name__, type(2 * l).__name__)
l += [3]
print(l, type(l).__name__)
m = l
m *= 2
print(m is l, type(m).__name__, len(m))
for ret in (1.5, 2**70, None, -3, True):
    class Len(object):
        def __len__(self, ret=ret):
            return ret
    try:
        print(len(Len()))
    except (TypeError, OverflowError, ValueError) as e:
        print(type(e).__name__, e)
class Adds(list):
    def __add__(self, other):
        return 'Adds.__add__'
a = Adds([1])
a += [2]
print(a)
class R(object):
    def __radd__(self, other):
        return 'R.__radd__'
    def __rmul__(self, other):
        return 'R.__rmul__'
plain = [1]
plain += R()
print(plain)
plain = [1]
plain *= R()
print(plain)
sub = L([1])
try:
    sub += R()
except TypeError as e:
    print("TypeError", e)
