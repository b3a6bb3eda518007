# Positional-only parameters (3.8+): a keyword never binds one; with **kwargs the keyword lands there, otherwise the call names every parameter passed that way.
def f(a, /, b):
    return a, b


print(f(1, b=2))
for call in (lambda: f(a=1, b=2), lambda: f(1, 2, a=3)):
    try:
        print(call())
    except TypeError as e:
        print('TypeError', e)


def g(a, b=5, /, *args, c, **kw):
    return a, b, args, c, kw


print(g(1, c=3), g(1, 2, 3, c=4, a=9, b=8))
try:
    g(a=1, c=2)
except TypeError as e:
    print('TypeError', e)


def h(x, y, /):
    return x + y


try:
    h(x=1, y=2)
except TypeError as e:
    print('TypeError', e)


class K:
    def m(self, v, /):
        return v


print(K().m(5), f.__code__.co_argcount, f.__code__.co_posonlyargcount, g.__code__.co_kwonlyargcount)
try:
    K().m(v=5)
except TypeError as e:
    print('TypeError', e)
