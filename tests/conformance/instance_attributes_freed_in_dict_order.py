# When an instance dies its attribute values are freed in the order of its attribute storage:
# 3.12 in the order the attributes were first set, 2.7 in the slot order of its __dict__ hash
# table (the same on every run, but not insertion order).
from __future__ import print_function


class Tracked(object):
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


class Holder(object):
    pass


h = Holder()
h.zeta = Tracked("zeta")
h.alpha = Tracked("alpha")
h.mid = Tracked("mid")
h.beta = Tracked("beta")
print("keys", list(h.__dict__.keys()))
del h
print("---")
d = {}
for key in ["one", "two", "three", "four", "five"]:
    d[key] = Tracked(key)
print("dict keys", list(d.keys()))
del d
print("end")
