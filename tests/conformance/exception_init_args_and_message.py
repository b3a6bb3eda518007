# BaseException.__init__ sets args (2.7: a single argument is also .message, kept in the exception
# and visited by the collector); a subclass's __init__ calls it; keyword arguments are a TypeError.
# 2.7's __new__ starts with args == (), 3.x's keeps the call's arguments.
from __future__ import print_function
import gc


class Error(Exception):
    pass


class TwoArgs(Exception):
    def __init__(self, a, b):
        Exception.__init__(self, a)
        self.b = b


class ViaSuper(Exception):
    def __init__(self, a):
        super(ViaSuper, self).__init__(a, 'x')


class NoBaseInit(Exception):
    def __init__(self, a):
        self.a = a


class Keywords(Exception):
    def __init__(self, **kw):
        Exception.__init__(self, **kw)


e = TwoArgs(1, 2)
print(e.args, e.b, ViaSuper(3).args, NoBaseInit(5).args, Error(1, 2).args)
print(repr(str(Error('s'))), repr(Error()), repr(str(TwoArgs('m', 0))))
for made in (ValueError('a', 'b'), ValueError('one'), Error('q'), Error()):
    print(repr(getattr(made, 'message', None)), gc.get_referents(made)[-1])
x = Error('q')
try:
    x.message = 'new'
    print(x.message, x.__dict__)
    del x.message
    print(x.__dict__, getattr(x, 'message', 'gone'))
except AttributeError as err:
    print('AttributeError', err)
for make in (lambda: Error(k=1), lambda: ValueError(k=1), lambda: Keywords(k=2)):
    try:
        make()
    except TypeError as err:
        print(err)
