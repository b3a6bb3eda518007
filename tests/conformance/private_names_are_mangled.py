# Private names (__x) inside a class are mangled to _Class__x: attributes, methods, class attributes, parameters, globals, imports and __slots__ (sorted, which also orders their release).
from __future__ import print_function


class Noisy(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


class C(object):
    __slots__ = ('zeta', '__m', 'alpha')
    __shared = 'class attribute'

    def __init__(self, __first=1):
        self.__m = __first
        self.zeta = Noisy('zeta')
        self.alpha = Noisy('alpha')

    def __hidden(self):
        return 'private method'

    def show(self):
        return self.__hidden(), C.__shared, self.__m, self._C__m

    def keyword(self, __k=0):
        return __k

    def keyword_from_inside(self):
        try:
            return self.keyword(__k=5)
        except TypeError as e:
            return 'TypeError: ' + str(e).split(' got ')[1]

    def nested(self):
        def inner():
            return self.__m
        return inner(), [self.__m for _ in range(1)], (lambda: self.__m)()

    def set_global(self):
        global __g
        __g = 'global'
        return __g


c = C(7)
print(c.show())
print(c.keyword_from_inside(), c.nested(), c.set_global())
print(sorted(k for k in C.__dict__ if k.startswith('_C') or k in ('zeta', 'alpha')))
print([k for k in C.__dict__ if k in ('zeta', 'alpha', '_C__m')])
print('_C__g' in globals(), '__g' in globals(), C.__init__.__code__.co_varnames)
print(C._C__hidden.__name__, hasattr(c, '__m'), hasattr(c, '_C__m'))


class _Leading(object):
    def __init__(self):
        self.__x = 1


class ___(object):
    def __init__(self):
        self.__x = 1


class Outer(object):
    class __Inner(object):
        def attrs(self):
            self.__y = 1
            return sorted(vars(self))

    def make(self):
        return self.__Inner().attrs()


print(sorted(vars(_Leading())), sorted(vars(___())), Outer().make(), [k for k in vars(Outer) if 'Inner' in k])


class D(C):
    __slots__ = ()

    def peek(self):
        try:
            return self.__m
        except AttributeError as e:
            return 'AttributeError: ' + str(e)


print(D().peek())
print("release the instance: its slots go in sorted order")
del c
print("done")
