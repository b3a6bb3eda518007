# Subclasses of list, dict and set: str() goes through the class's own __repr__ (object.__str__), operations return plain built-ins or the subclass as CPython's do, __slots__ without a dict.
from __future__ import print_function
class D(dict):
    pass
d = D(a=1)
print(type(d.copy()).__name__, type(D.fromkeys('ab')).__name__, d == {'a': 1}, dict(d), type(dict(d)).__name__)
d.update(b=2); print(sorted(d.items()), len(d), repr(d), str(d))
class S(set):
    pass
s = S([1, 2])
print(type(s | {3}).__name__, type(s.copy()).__name__, s == {1, 2}, repr(s) if False else sorted(s), type(s - {1}).__name__)
class L(list):
    def __repr__(self): return 'L' + list.__repr__(self)
l = L([3, 1, 2]); l.sort(); print(l, l[::-1], type(l[:]).__name__, sorted(l), list(reversed(l)))
class T(object):
    def __init__(self): self.items = {}
    def __iter__(self): return iter(sorted(self.items))
t = T(); t.items = {'b': 1, 'a': 2}
print(list(t), dict.fromkeys(t), max(t), ','.join(t))
class WithSlots(object):
    __slots__ = ('a', 'b')
    def __init__(self): self.a = 1
w = WithSlots()
print(hasattr(w, 'b'), getattr(w, 'a'))
try:
    w.b
except AttributeError as e:
    print('AE', e)
try:
    vars(w)
except TypeError as e:
    print('TE', e)
print(type(d).__mro__[1].__name__, issubclass(D, dict), isinstance(l, list))
class Str(object):
    def __str__(self): return 'S'
print('%s|%5s|{}'.format(Str()) % (Str(), Str()))
print(str(l), '%s' % l, '{}'.format(l), format(l))
class E(Exception):
    def __repr__(self): return 'E-repr'
print(str(E('msg')), repr(E('msg')))
class DR(dict):
    def __repr__(self): return 'DR!'
print(DR(), str(DR()), [DR()])
