# 3.10+ staticmethod and classmethod objects wrap their function (its name, qualname, doc and module copied into their own __dict__, __wrapped__, a callable staticmethod); 2.7's take no attributes
import sys, functools
def f(a=1):
    "f's doc"
    return a * 2
class C(object):
    @staticmethod
    def s():
        return 's'
    @classmethod
    def c(cls):
        return cls.__name__
print(C.s(), C().s(), C.c(), C().c())
for w in (staticmethod(f), classmethod(f)):
    print(type(w).__name__, w.__func__ is f, callable(w))
    try:
        w.tag = 1
        print('tag', w.tag)
    except AttributeError as e:
        print(e)
    if sys.version_info[0] >= 3:
        print(w.__name__, w.__qualname__, w.__doc__, w.__module__, w.__wrapped__ is f)
        print(sorted(k for k in w.__dict__ if k != '__annotations__'))
s = staticmethod(f)
if callable(s):
    print(s(), s(a=4))
p = functools.partial(f, 3)
print(p(), p.__dict__)
p.x = 5
print(p.__dict__)
