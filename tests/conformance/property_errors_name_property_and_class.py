# A property without a setter, deleter or getter: 3.12 names the property (learnt through __set_name__, kept by .setter copies) and the class by its qualified name; 2.7 says "can't set attribute"
class C(object):
    @property
    def x(self):
        return 1
    y = property(None)
    def _s(self, v):
        pass
    z = property(None, _s)
    w = property(lambda self: 2)
    v = w
class D(C):
    pass
class Outer(object):
    class Inner(object):
        p = property(lambda self: 3)
for obj in (C(), D(), Outer.Inner()):
    for op in ('set', 'del'):
        for name in ('x', 'y', 'z', 'w', 'v', 'p'):
            if not hasattr(type(obj), name):
                continue
            try:
                if op == 'set':
                    setattr(obj, name, 5)
                else:
                    delattr(obj, name)
                print(op, name, 'ok')
            except AttributeError as e:
                print(op, name, e)
    for name in ('y', 'z'):
        if hasattr(type(obj), name):
            try:
                getattr(obj, name)
            except AttributeError as e:
                print('get', name, e)
copy = C.__dict__['w'].setter(None)
try:
    copy.__delete__(C())
except AttributeError as e:
    print(e)
p = property()
for call in (lambda: p.__get__(1, int), lambda: p.__set__(1, 2), lambda: p.__delete__(1)):
    try:
        call()
    except AttributeError as e:
        print(e)
if hasattr(p, '__set_name__'):
    p.__set_name__(C, 'late')
    try:
        p.__set__(C(), 1)
    except AttributeError as e:
        print(e)
