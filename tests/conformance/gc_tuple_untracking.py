# A tuple is tracked when created; a collection untracks every tuple that holds only untracked
# objects (atoms, other untracked tuples), so nested atomic tuples drop out one level at a time.
from __future__ import print_function
import gc

gc.disable()
n = 3
atoms = tuple([1, "two", n])
holder = tuple([[], n])
nested = tuple([tuple([n, n]), n])
print("fresh atomic", gc.is_tracked(atoms))
print("fresh with list", gc.is_tracked(holder))
print("fresh nested", gc.is_tracked(nested), gc.is_tracked(nested[0]))
gc.collect()
print("atomic after collect", gc.is_tracked(atoms))
print("with list after collect", gc.is_tracked(holder))
print("nested after collect", gc.is_tracked(nested), gc.is_tracked(nested[0]))
print("empty tuple", gc.is_tracked(()))
