# A WeakValueDictionary entry whose value is in a garbage cycle stays until the collector frees
# the cycle; a value freed by reference counting disappears at once.
from __future__ import print_function
import gc
import weakref

gc.disable()
gc.collect()


class Session(object):
    def __init__(self, key):
        self.key = key


sessions = weakref.WeakValueDictionary()
s1 = Session(1)
s1.me = s1
s2 = Session(2)
sessions[1] = s1
sessions[2] = s2
print("keys", sorted(sessions.keys()))
del s1, s2
print("after del", sorted(sessions.keys()))
print("collected", gc.collect() > 0)
print("after collect", sorted(sessions.keys()))
