# Class attributes changed after they were used: a method replaced, added to a base, deleted, a
# class attribute rebound in a loop; every lookup afterwards sees the change (CPython caches
# these lookups per type and drops the cache on any change, as Refheap does).
from __future__ import print_function


class Base(object):
    def greet(self):
        return 'base'


class Child(Base):
    pass


class Grandchild(Child):
    pass


g = Grandchild()
print(g.greet(), hasattr(g, 'extra'))
Base.greet = lambda self: 'replaced'
print(g.greet())
Base.extra = 5
print(g.extra, Grandchild.extra)
Child.extra = 6
print(g.extra, Base.extra)
del Child.extra
print(g.extra)
del Base.extra
print(hasattr(g, 'extra'), hasattr(Grandchild, 'extra'))
setattr(Child, 'greet', lambda self: 'child')
print(g.greet(), Base().greet())
delattr(Child, 'greet')
print(g.greet())


class Counter(object):
    count = 0


for i in range(5):
    Counter.count += 1
c = Counter()
print(Counter.count, c.count)
c.count = 100
print(Counter.count, c.count)


def late_repr(self):
    return '<late>'


Grandchild.__repr__ = late_repr
print(repr(g), repr(Child()).startswith('<__main__.Child'))
