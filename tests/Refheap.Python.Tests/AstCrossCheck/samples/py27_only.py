print
print x
print x, y,
print >>sys.stderr, "error", 1
exec code
exec code in ns
exec code in g, l
x = `a, b`
y = a <> b
z = 0777 + 0xFFL + 10L + 1e5 + -1 + -0777 + - 2 + -(3)
try:
    pass
except ValueError, e:
    pass
except (A, B), (c, d):
    pass
try:
    pass
except E:
    pass
finally:
    pass
raise E, "message", tb
raise E, V
with a as b, c as d:
    pass
class Old:
    pass
class New(object, Mixin):
    def method(self, a, b=(1, 2), *args, **kwargs):
        pass
x[...]
x[1:2, ...]
x[a:b:]
x[::]
x[1, 2]
u = u'text' 'more'
s = ur'\u00e9' + b'bytes'
[x for x in 1, 2]
f(a, *args, **kw)
f(x for x in y)
d = {k: v for k, v in items}
s = {1, 2}
del a, b[0]
global g
assert x, "m"
import a.b.c as d
from ...pkg import (x, y)
def gen():
    yield
    yield 1
    x = yield 2
print(a if b else c)
not a == b
a if b else lambda: c
