# A class's __dict__ is a read-only proxy (2.7 dictproxy, 3.12 mappingproxy) made anew at each
# access: a tracked object that holds the class's dict, which changes only through setattr.
# Also: the order of the class dict's entries, and 3.12 keeping __qualname__ out of it.
from __future__ import print_function
import gc
import sys


class Task(object):
    def __init__(self):
        self.x = 1


p = Task.__dict__
print(type(p).__name__, len(p), 'x' in p, '__init__' in p, '__qualname__' in p)
print(sorted(k for k in p.keys()), type(p.copy()).__name__, p == dict(p), vars(Task) == p)
print("tracked:", gc.is_tracked(p), "same object each time:", Task.__dict__ is Task.__dict__)
for action in ('set', 'del'):
    try:
        if action == 'set':
            p['y'] = 2
        else:
            del p['__init__']
    except TypeError as e:
        print(e)
Task.y = 2
print("setattr shows through:", 'y' in p, p['y'], p.get('zz', 'absent'))
print("dict order:", [k for k in p if k in ('__module__', '__init__', '__dict__', '__weakref__', '__doc__', 'y')])
before = sys.getrefcount(Task)
d = Task.__dict__
del d
print("a dropped proxy leaves the class as it was:", sys.getrefcount(Task) == before)


class Outer(object):
    class Inner(object):
        pass


print(Outer.Inner.__name__, getattr(Outer.Inner, '__qualname__', 'Inner (2.7 has no __qualname__)'))
print(repr(Outer.Inner).replace('Outer.', ''), '__qualname__' in Outer.__dict__)
