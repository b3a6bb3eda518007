# A dict starts untracked while its keys and values are atoms and becomes tracked the moment a
# container is stored in it; deleting the container does not untrack it again, only the next
# collection that looks at the dict does.
from __future__ import print_function
import gc

gc.disable()
empty = {}
atoms = {"a": 1, "b": "two"}
print("empty", gc.is_tracked(empty))
print("atoms", gc.is_tracked(atoms))
atoms["c"] = []
print("after storing a list", gc.is_tracked(atoms))
del atoms["c"]
print("after deleting it", gc.is_tracked(atoms))
gc.collect()
print("after collect", gc.is_tracked(atoms))
built = dict(x=1, y=2)
print("built by dict()", gc.is_tracked(built))
comp = dict((i, i * i) for i in range(3))
print("from a generator", gc.is_tracked(comp))
gc.collect()
print("both after collect", gc.is_tracked(built), gc.is_tracked(comp))
