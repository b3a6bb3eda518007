# dir(o) without a __dir__ of its own class: the keys of a copy of o's __dict__ merged with its
# class's and every base's __dict__ (non-str keys too), sorted; a class lists its own and its
# bases'; the objects one call makes are all gone when it returns.
from __future__ import print_function
import gc
import sys


class A(object):
    x = 1


class B(A):
    def f(self):
        pass


b = B()
b.y = 2
print([n for n in dir(b) if not n.startswith('__')])
print([n for n in dir(B) if not n.startswith('__')])
print('__module__' in dir(b), '__dict__' in dir(B), 'f' in dir(b))
print(dir(b) == sorted(set(dir(B)) | set(['y'])))
main = sys.modules[__name__]
print([n for n in dir(main) if n in ('A', 'B', 'b', 'gc', 'sys')])
b.__dict__[1] = 'one'
try:
    print(dir(b)[:1])
except TypeError as e:
    print('TypeError:', e)
del b.__dict__[1]
for label, o in (('instance', b), ('class', B), ('int', 1), ('module', gc)):
    dir(o)
    before = gc.get_count()[0]
    names = dir(o)
    print(label, gc.get_count()[0] - before, len(names) > 0)
# A full collection empties free lists: then the dicts, lists and iterators dir makes count.
for label, o in (('instance', b), ('class', B), ('int', 1), ('module', gc)):
    gc.collect()
    before = gc.get_count()[0]
    names = dir(o)
    print(label, 'after a collection', gc.get_count()[0] - before)
