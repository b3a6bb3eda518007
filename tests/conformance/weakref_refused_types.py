# Which objects weakref.ref refuses, named as CPython's messages name their types (3.x: weakref.ReferenceType)
import weakref
for o in (1, "s", [], {}, (), None, weakref.ref(int)):
    try:
        weakref.ref(o)
    except TypeError as e:
        print(e)
