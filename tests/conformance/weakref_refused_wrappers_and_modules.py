# Which wrapper objects and modules weakref.ref accepts: property, staticmethod, classmethod and super refuse, partial and functions accept, modules only in 3.x
import weakref, functools, sys, gc
def f():
    pass
class C(object):
    def m(self):
        pass
objs = [('property', property()), ('staticmethod', staticmethod(f)), ('classmethod', classmethod(f)),
        ('super', super(C, C())), ('partial', functools.partial(f)), ('function', f),
        ('method', C().m), ('module', sys), ('builtin', len)]
for name, o in objs:
    try:
        r = weakref.ref(o)
        print(name, 'weak', r() is o)
    except TypeError as e:
        print(name, e)
s = staticmethod(f)
try:
    s.tag = 1
    print('staticmethod attribute', s.tag)
except AttributeError as e:
    print(e)
c = classmethod(f)
try:
    c.tag = 2
    print('classmethod attribute', c.tag)
except AttributeError as e:
    print(e)
p = functools.partial(f)
p.tag = 3
print('partial attribute', p.tag)
for name, o in objs:
    print(name, gc.is_tracked(o))
