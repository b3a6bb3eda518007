# send() resumes a generator with a value; a generator expression holds its iterable (and the
# objects in it) only while it is alive.
from __future__ import print_function


class Tracked(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def accumulate():
    total = 0
    while True:
        value = yield total
        total += value


acc = accumulate()
print("start", next(acc))
print("send 5", acc.send(5))
print("send 7", acc.send(7))
acc.close()
items = [Tracked("a"), Tracked("b")]
names = (t.name for t in items)
del items
print("first name", next(names))
print("dropping the generator expression")
del names
print("end")
