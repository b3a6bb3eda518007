# sys.version_info is a struct sequence: named fields, read-only, indexed, sliced, compared and hashed as the tuple of its items (a tuple subclass in 3.x, its own type over object in 2.7).
from __future__ import print_function
import sys, gc
v = sys.version_info
print(repr(v), type(v), type(v).__name__, sys.getsizeof(v), gc.is_tracked(v), isinstance(v, tuple))
print(v[:2], v[0], v.major, v.minor, v.micro, v.releaselevel, v.serial, len(v), v >= (2, 7), (3, 0) <= v, hash(v) == hash(tuple(v)), list(v), v == tuple(v), 3 in v)
a, b, c, d, e = v
print(a, e, v[1:3], v[::2], str(v) == repr(v), type(v).n_fields, v.n_sequence_fields, v.n_unnamed_fields)
try:
    type(v)()
except TypeError as e:
    print(e)
try:
    v.major = 1
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
try:
    v.other = 1
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
try:
    v[7]
except IndexError as e:
    print(e)
print(type(v).__mro__ if sys.version_info[0] == 3 else 'mro')
if sys.version_info[0] == 3:
    print(v.index(v[1]), v.count(0), v + (1,), v * 1 == tuple(v))
print(sys.version_info.major in (2, 3), sys.version_info[:2] >= (2, 7))
print(v + (1,), v * 2, 2 * v, (0,) + v if sys.version_info[0] == 3 else 'py2', v + v if sys.version_info[0] == 3 else 'py2')
for bad in ((lambda: v + [1]), (lambda: (1,) + v)):
    try:
        print(bad())
    except TypeError as e:
        print('TypeError', e)
