# 3.x class keywords: they go to the nearest base's __init_subclass__ (**opts too), object's refuses them naming the new class, and metaclass=type is the default made explicit
class Base:
    def __init_subclass__(cls, flag=False, **kw):
        super().__init_subclass__(**kw)
        print("init_subclass", cls.__name__, flag)
class A(Base, flag=True):
    pass
class B(Base):
    pass
try:
    class C(Base, other=1):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class D(x=1):
        pass
except TypeError as e:
    print("TypeError:", e)
class E(metaclass=type):
    pass
print(type(E).__name__)
opts = {"flag": 5}
class F(Base, **opts):
    pass
