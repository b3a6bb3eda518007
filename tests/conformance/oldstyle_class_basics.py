# `class B:` with no bases: in 2.7 a classic class (type classobj) whose instances are all of type
# instance; in 3.12 an ordinary class. Reprs, isinstance/issubclass, unbound methods, and the
# attribute lookup order of a diamond (2.7 classic: depth first; 3.12: C3).
from __future__ import print_function


class Root:
    where = 'Root'

    def name(self):
        return 'Root.name'


class Left(Root):
    pass


class Right(Root):
    where = 'Right'

    def name(self):
        return 'Right.name'


class Bottom(Left, Right):
    def __init__(self, n):
        self.n = n


b = Bottom(3)
print(type(b).__name__, type(Bottom).__name__, type(b) is type(Root()))
print(repr(b).split(' at ')[0], repr(Bottom).split(' at ')[0], str(Bottom))
print(b.where, b.name(), Bottom.where)
print(b.__class__ is Bottom, b.__class__.__name__, sorted(b.__dict__.items()))
print(isinstance(b, Root), isinstance(b, Right), isinstance(Root(), Bottom), isinstance(b, object))
print(issubclass(Bottom, Left), issubclass(Left, Right), issubclass(Bottom, (int, Right)))
print(issubclass(Bottom, object), issubclass(int, Root))
print(repr(Bottom.name).split(' at ')[0].replace('<function', '<unbound method'))
print(Right.name(b), Bottom.__bases__ == (Left, Right), Bottom.__name__, Bottom.__module__)
try:
    Right.name(5)
except TypeError as e:
    print('TypeError', str(e).split(' (')[0].replace('name()', 'Right.name()'))
try:
    Root(1)
except TypeError as e:
    print('TypeError', 'takes no arguments' in str(e))
try:
    b.missing
except AttributeError as e:
    print('AttributeError', 'missing' in str(e))
if type(b).__name__ == 'instance':
    # A classic instance changes class by assignment (new-style __class__ assignment is not shown here).
    b.__class__ = Right
    print(b.name(), isinstance(b, Bottom))
