# A WeakKeyDictionary attaches data to objects without keeping them alive: an entry goes away
# with its key. The value is held strongly, so a value that refers back to its key keeps the
# entry for as long as the dictionary lives.
from __future__ import print_function
import weakref


class Key(object):
    def __init__(self, name):
        self.name = name


notes = weakref.WeakKeyDictionary()
k1 = Key("k1")
k2 = Key("k2")
notes[k1] = "note one"
notes[k2] = ["note", "two"]
print("len", len(notes))
print("k1 in notes", k1 in notes, notes[k1])
del k1
print("after del k1", len(notes), sorted(k.name for k in notes.keys()))
k3 = Key("k3")
notes[k3] = k3
watch = weakref.ref(k3)
del k3
print("value refers to its key", len(notes), watch() is not None)
del notes
print("freed with the dictionary", watch() is None)
