# gc.get_count() around a program's first lists and dicts after importing sys and gc: sys exists
# before a program starts and gc.garbage is made with the collector, so only what the import of
# gc keeps takes a block from the free lists (2.7's copy of gc's dict, 3.12's module spec list).
import sys
import gc
a = gc.get_count()[0]
lists = [[] for i in range(10)]
b = gc.get_count()[0]
dicts = [{} for i in range(16)]
c = gc.get_count()[0]
print(b - a, c - b)
print(len(gc.garbage), type(sys.argv).__name__)
