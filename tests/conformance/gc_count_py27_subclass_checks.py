# gc.get_count() around subclass checks and first imports: 2.7's PyObject_IsSubclass binds
# type.__subclasscheck__ (a bound built-in method, then kept on its free list) and calls it with
# a 1-tuple at every issubclass, non-exact isinstance and exception match, such as the TypeError
# list() swallows for a generator's missing len(); 3.12 tests the subtype directly. 2.7's first
# import of gc keeps a copy of the module's dict, which also refers to gc.collect.
from __future__ import print_function
import gc

gc.disable()
out = []


def note(label, before):
    out.append((label, gc.get_count()[0] - before))


def gen():
    yield 1
    yield 2


class Base(object):
    pass


class Derived(Base):
    pass


d = Derived()
gc.collect(); b = gc.get_count()[0]; issubclass(Derived, Base); note("issubclass", b)
gc.collect(); b = gc.get_count()[0]; isinstance(d, Derived); note("isinstance exact", b)
gc.collect(); b = gc.get_count()[0]; isinstance(d, Base); note("isinstance base", b)
gc.collect(); b = gc.get_count()[0]; isinstance(d, Base); isinstance(d, Base); note("isinstance twice", b)
gc.collect()
b = gc.get_count()[0]
try:
    raise KeyError("k")
except KeyError:
    pass
note("raise and except KeyError", b)
gc.collect()
g = gen()
b = gc.get_count()[0]; items = list(g); note("list(generator)", b)
g = gen()
b = gc.get_count()[0]; items = list(g); note("list(generator) again", b)
print("referrers of gc.collect:", len(gc.get_referrers(gc.collect)))
for label, delta in out:
    print(label, delta)
