# The talk's third example: __del__ and reference cycles. Out of a cycle, __del__ runs as soon
# as the object dies. In a cycle, 2.7's collector will not call __del__ at all: it puts the
# objects in gc.garbage and they leak until the program breaks the cycle by hand. 3.12 (PEP 442)
# calls __del__ and frees them. The talk's way out works in both: keep the cleanup state outside
# the object and run it from a weak-reference callback (here a functools.partial, as in the
# talk's FileWrapper; a fake file stands in for open()).
from __future__ import print_function
import functools
import gc
import weakref

gc.disable()
gc.collect()


class FakeFile(object):
    def __init__(self, name):
        self.name = name

    def close(self):
        print("   closing", self.name)


class WithDel(object):
    def __init__(self, name):
        self._f = FakeFile(name)

    def __del__(self):
        self._f.close()


print("1. __del__ outside a cycle runs at once:")
w = WithDel("plain.txt")
del w

print("2. __del__ in a cycle:")
a = WithDel("cycle-a.txt")
b = WithDel("cycle-b.txt")
a.peer = b
b.peer = a
del a, b
print("   gc.collect() found", gc.collect())
print("   gc.garbage holds", len(gc.garbage), "objects")


def break_garbage_cycles():
    for obj in gc.garbage:
        obj.peer = None
    del gc.garbage[:]


if gc.garbage:
    print("   breaking the cycle by hand:")
    break_garbage_cycles()


class FileWrapper(object):
    _weakrefs = set()

    @classmethod
    def _delegated_close(cls, file_object, ref):
        file_object.close()
        cls._weakrefs.remove(ref)

    def __init__(self, name):
        self._f = FakeFile(name)
        self._weakrefs.add(weakref.ref(self, functools.partial(self._delegated_close, self._f)))


print("3. the weak-reference finalizer in a cycle:")
a = FileWrapper("weak-a.txt")
b = FileWrapper("weak-b.txt")
a.peer = b
b.peer = a
del a, b
print("   gc.collect() found", gc.collect())
print("   gc.garbage holds", len(gc.garbage), "objects")
print("   callbacks still registered:", len(FileWrapper._weakrefs))
