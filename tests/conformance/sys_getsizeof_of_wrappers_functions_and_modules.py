# sys.getsizeof of property, staticmethod, classmethod, super, partial, functions, modules, builtin functions, built-in iterators, weak references and generators that yield without calling, per version
import sys, functools, weakref, gc
def f():
    pass
def g(a, b=1, *args, **kwargs):
    return a
class C(object):
    @property
    def x(self):
        return 1
    @x.setter
    def x(self, v):
        pass
    def m(self):
        pass
def show(name, o):
    print('%-14s %-28s %s %s' % (name, type(o).__name__, sys.getsizeof(o), gc.is_tracked(o)))
show('property', property())
show('property-full', property(f, f, f, 'doc'))
show('property-class', C.__dict__['x'])
show('staticmethod', staticmethod(f))
show('classmethod', classmethod(f))
show('super', super(C, C()))
show('partial', functools.partial(f))
show('partial-args', functools.partial(g, 1, b=2))
show('function', f)
show('function-args', g)
show('lambda', lambda: 0)
show('module', sys)
show('builtin', len)
show('builtin-bound', [].append)
show('enumerate', enumerate([1, 2]))
show('reversed', reversed((1, 2)))
show('callable-iter', iter(f, None))
show('weakref', weakref.ref(C))
if sys.version_info[0] >= 3:
    show('map', map(f, [1], [2], [3]))
    show('filter', filter(None, [1]))
    show('zip', zip([1], [2], [3]))
def g1():
    yield 1
def g2():
    yield
def g3(x):
    yield x
def g4():
    x = yield
    yield x
for g in (g1(), g2(), g3(1), g4()):
    show('generator', g)
