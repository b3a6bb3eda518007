# gc.get_count() around generators and exceptions: a generator counts once (2.7 also counts
# its frame the first time, then reuses the code's dead frame); a caught exception counts its
# instance and traceback entries, and 3.12 counts each frame object a traceback needs.
from __future__ import print_function
import gc

gc.disable()
gc.collect()
last = [gc.get_count()[0]]


def show(label):
    now = gc.get_count()[0]
    if label:
        print(label, now - last[0])
    last[0] = gc.get_count()[0]


def gen():
    yield 1
    yield 2


def fail():
    raise ValueError("no")


def catch():
    try:
        fail()
    except ValueError:
        pass


g = gen()
show("first generator")
next(g)
show(None)
next(g)
show("next again")
for x in g:
    pass
show("exhausted")
del g
show("dropped")
g = gen()
show("second generator")
values = list(g)
show(None)
values = list(gen())
show("list of a new one")
values = list(gen())
show("and again")
del g, values
show("dropped")
catch()
show(None)
catch()
show("second caught exception")
try:
    fail()
except ValueError:
    pass
show("caught at module level")
print("collected", gc.collect())
