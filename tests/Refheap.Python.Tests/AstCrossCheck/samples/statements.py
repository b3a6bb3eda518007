import sys
import os.path as osp, json
from . import sibling
from ..package.module import (name as alias, other,)
from __main__ import *
x = 1
a = b = c = x
a, b = b, a
[a, (b, c)] = [1, (2, 3)]
a, *rest = range(5)
obj.attr = value
items[0] = items[-1]
items[1:3] = []
x += 1
x -= 1; x *= 2; x /= 3; x //= 4; x %= 5; x **= 6
x <<= 1; x >>= 1; x &= 1; x |= 1; x ^= 1; x @= m
del x, obj.attr, items[0]
del (a, b), [c]
pass
if a:
    pass
elif b:
    pass
elif c:
    x = 1
else:
    x = 2
while x > 0:
    x -= 1
    if x == 5:
        break
    continue
else:
    done = True
for i in range(10):
    pass
for key, value in d.items():
    print(key, value)
else:
    pass
try:
    risky()
except ValueError:
    pass
except (TypeError, KeyError) as error:
    raise
except:
    raise RuntimeError("x") from error
else:
    ok = 1
finally:
    cleanup()
try:
    pass
finally:
    pass
with open(path) as f, lock:
    data = f.read()
with (open(a) as f, open(b) as g):
    pass
with (yield_value):
    pass
assert x, "message"
assert y
global_name = 3
raise
x: int
y: list = []
obj.attr: str = "s"
(z): int = 0
