# gc.get_count() around attribute lookups that fail: hasattr and getattr with a default make no
# exception object for the missing attribute (2.7 keeps the error as its type and message until
# something looks at it; 3.12's lookup suppresses it), on instances, classes, modules and
# built-in objects, nor do 2.7's probes of an old-style instance's special methods or an error
# 2.7's C code raised that passed through Python frames before being swallowed; an except
# clause in Python code does get the instance, with its message.
from __future__ import print_function
import gc
import sys

gc.disable()
out = []


def note(label, before):
    out.append((label, gc.get_count()[0] - before))


class New(object):
    def __init__(self):
        self.here = 1

    def method(self):
        return 1


class Old:
    pass


class Sequence:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError(i)
        return i

    def __len__(self):
        return 3


class Wrapper:
    def __init__(self):
        self.data = [1, 2]

    def __getitem__(self, i):
        return self.data[i]


class Failing(object):
    @property
    def value(self):
        return self.missing


class Defaulted(object):
    def __getattr__(self, name):
        return 0


class Hooked(object):
    def __getattr__(self, name):
        raise AttributeError(name)


n = New()
o = Old()
h = Hooked()
defaulted = Defaulted()
seq = Sequence()
wrapper = Wrapper()
failing = Failing()
# 3.12 makes the frame object of this module's frame for the first traceback through it.
try:
    raise KeyError("k")
except KeyError:
    pass
gc.collect(); b = gc.get_count()[0]; hasattr(n, "here"); note("hasattr instance, found", b)
gc.collect(); b = gc.get_count()[0]; hasattr(n, "missing"); note("hasattr instance", b)
gc.collect(); b = gc.get_count()[0]; getattr(n, "missing", None); note("getattr instance default", b)
gc.collect(); b = gc.get_count()[0]; hasattr(New, "missing"); note("hasattr class", b)
gc.collect(); b = gc.get_count()[0]; getattr(New, "missing", 0); note("getattr class default", b)
gc.collect(); b = gc.get_count()[0]; hasattr(Old, "missing"); note("hasattr old-style class", b)
gc.collect(); b = gc.get_count()[0]; hasattr(o, "missing"); note("hasattr old-style instance", b)
gc.collect(); b = gc.get_count()[0]; hasattr(gc, "missing"); note("hasattr module", b)
gc.collect(); b = gc.get_count()[0]; getattr(sys, "missing", 0); note("getattr module default", b)
gc.collect(); b = gc.get_count()[0]; hasattr(1, "missing"); note("hasattr int", b)
gc.collect(); b = gc.get_count()[0]; hasattr("s", "missing"); note("hasattr str", b)
gc.collect(); b = gc.get_count()[0]; hasattr(None, "missing"); note("hasattr None", b)
gc.collect(); b = gc.get_count()[0]; hasattr(note, "missing"); note("hasattr function", b)
gc.collect(); b = gc.get_count()[0]; hasattr(len, "missing"); note("hasattr builtin function", b)
gc.collect(); b = gc.get_count()[0]; hasattr(int, "missing"); note("hasattr built-in type", b)
gc.collect(); b = gc.get_count()[0]; hasattr(h, "missing"); note("hasattr __getattr__ raising", b)
gc.collect(); b = gc.get_count()[0]; defaulted.missing; note("__getattr__ answering", b)
gc.collect()
b = gc.get_count()[0]
for i in range(50):
    getattr(n, "missing", i)
note("50 getattr defaults", b)
gc.collect()
b = gc.get_count()[0]
for x in seq:
    pass
note("iteration by __getitem__", b)
gc.collect(); b = gc.get_count()[0]; len(seq); note("len of an old-style instance", b)
gc.collect()
b = gc.get_count()[0]
for x in wrapper:
    pass
note("iteration ended by a list's IndexError", b)
gc.collect(); b = gc.get_count()[0]; hasattr(failing, "value"); note("hasattr of a failing property", b)

messages = []
for target in (n, New, gc, 1):
    gc.collect()
    b = gc.get_count()[0]
    try:
        target.missing
    except AttributeError:
        pass
    note("except AttributeError: pass", b)
    try:
        target.missing
    except AttributeError as e:
        messages.append(str(e))

for label, delta in out:
    print(label, delta)
for m in messages:
    print(m)
