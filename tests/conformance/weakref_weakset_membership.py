# A WeakSet holds its members weakly: a member disappears from the set when it dies.
from __future__ import print_function
import weakref


class Member(object):
    def __init__(self, n):
        self.n = n


members = [Member(i) for i in range(5)]
ws = weakref.WeakSet(members)
print("len", len(ws))
print("contains", members[2] in ws)
del members[1:3]
print("after dropping two", len(ws), sorted(m.n for m in ws))
extra = Member(10)
ws.add(extra)
ws.add(extra)
print("added once", len(ws))
ws.discard(members[0])
print("after discard", sorted(m.n for m in ws))
del extra, members
print("all gone", len(ws))
