# gc.DEBUG_COLLECTABLE makes the collector report each collectable object it finds on stderr
# ("gc: collectable <Type 0x...>"); 2.7 also needs gc.DEBUG_OBJECTS to report objects that are
# not old-style instances. The report is captured here by replacing sys.stderr.
from __future__ import print_function
import gc
import sys

gc.disable()
gc.collect()


class Capture(object):
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def flush(self):
        pass


class Node(object):
    pass


a = Node()
b = Node()
a.peer = b
b.peer = a
del a, b
capture = Capture()
real_stderr = sys.stderr
sys.stderr = capture
gc.set_debug(gc.DEBUG_COLLECTABLE | getattr(gc, "DEBUG_OBJECTS", 0))
found = gc.collect()
gc.set_debug(0)
sys.stderr = real_stderr
print("found", found)
for line in "".join(capture.parts).split("\n"):
    if line.strip():
        print(line)
