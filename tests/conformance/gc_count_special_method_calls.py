# gc.get_count() around the calls the interpreter makes for a class's special methods, weakref
# callbacks, __del__ and map's function, right after full collections: 3.12 calls the Python
# function with the instance first and the arguments where they are (no bound method, no
# tuple); 2.7 binds the method and builds argument tuples.
from __future__ import print_function
import gc
import weakref

gc.disable()
out = []


def note(label, before):
    out.append((label, gc.get_count()[0] - before))


class C(object):
    def __len__(self):
        return 1

    def __getitem__(self, k):
        return k

    def __hash__(self):
        return 1

    def __repr__(self):
        return "C"

    def __call__(self, x):
        return x

    def __iter__(self):
        return iter([1])


class Plain(object):
    pass


class Adds(object):
    def __add__(self, other):
        return 1

    def __lt__(self, other):
        return True


class Finalized(object):
    def __del__(self):
        pass


def callback(ref):
    pass


c = C()
gc.collect(); b = gc.get_count()[0]; len(c); note("len", b)
gc.collect(); b = gc.get_count()[0]; c[1]; note("getitem", b)
gc.collect(); b = gc.get_count()[0]; hash(c); note("hash", b)
gc.collect(); b = gc.get_count()[0]; repr(c); note("repr", b)
gc.collect(); b = gc.get_count()[0]; c(1); note("call", b)
gc.collect(); b = gc.get_count()[0]; iter(c); note("iter", b)
adds = Adds()
plain = Plain()
gc.collect(); b = gc.get_count()[0]; adds + 1; note("adds + 1", b)
gc.collect(); b = gc.get_count()[0]; adds < 1; note("adds < 1", b)
gc.collect(); b = gc.get_count()[0]; plain == plain; note("plain == plain", b)
target = C()
ref = weakref.ref(target, callback)
gc.collect(); b = gc.get_count()[0]; del target; note("weakref callback", b)
f = Finalized()
gc.collect(); b = gc.get_count()[0]; del f; note("__del__", b)
m = map(abs, [1, 2])
gc.collect(); b = gc.get_count()[0]; items = list(m); note("list(map(abs, ...))", b)
for label, delta in out:
    print(label, delta)
