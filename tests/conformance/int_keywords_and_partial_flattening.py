# int() takes base by keyword (2.7 also x), functools.partial of a plain partial flattens in 3.x (its function, its arguments first, its keywords under the new ones), reduce's empty message per profile.
from __future__ import print_function
import sys
print(int('101', base=2), int('17', base=8), int('ff', 16))
for args, kw in ((('1',), {'bse': 2}), ((), {'base': 2}), (('1', 2), {'base': 2}), ((5,), {'base': 2})):
    try:
        print(int(*args, **kw))
    except TypeError as e:
        print('TypeError', e)
if sys.version_info[0] == 2:
    print(int(x='5'), int(base=8, x='17'))
else:
    try:
        int(x='5')
    except TypeError as e:
        print('TypeError', e)
import functools
p = functools.partial(int, base=2)
print(p('101'), p.func is int, p.args, p.keywords)
p2 = functools.partial(p, '11')
print(p2(), p2.func is int, p2.args, p2.keywords)
p3 = functools.partial(p, base=8)
print(p3('17'), p3.keywords, p.keywords)
p.note = 'has a dict'
p4 = functools.partial(p, '11')
print(p4(), p4.func is p, p4.args)
try:
    functools.reduce(lambda a, b: a, [])
except TypeError as e:
    print('TypeError', e)
