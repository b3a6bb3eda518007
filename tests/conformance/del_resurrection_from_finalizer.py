# __del__ may store self somewhere and so bring the object back. 2.7 calls __del__ again each
# time the object dies; 3.12 calls it once per object, so the second death is silent.
from __future__ import print_function

saved = []


class Phoenix(object):
    def __init__(self):
        self.deaths = 0

    def __del__(self):
        self.deaths += 1
        print("__del__ call", self.deaths)
        if self.deaths < 3:
            saved.append(self)


p = Phoenix()
del p
print("resurrected", len(saved))
p = saved.pop()
print("deaths so far", p.deaths)
del p
print("resurrected again", len(saved))
if saved:
    p = saved.pop()
    print("deaths so far", p.deaths)
    del p
print("end", len(saved))
