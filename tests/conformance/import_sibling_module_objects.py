# Objects made by a sibling module's code live by the same rules: a module global keeps them
# alive until it lets go, and the module's own functions build cycles like any other code.
from __future__ import print_function
import gc
import _tracked_helpers
from _tracked_helpers import Tracked, make_pair

gc.disable()
gc.collect()
print("same class", Tracked is _tracked_helpers.Tracked)
_tracked_helpers.created.append(Tracked("held-by-module"))
t = Tracked("held-here")
del t
print("module list holds", len(_tracked_helpers.created))
del _tracked_helpers.created[:]
print("---")
pair = make_pair("left", "right")
pair.peer.peer = None
print("cycle broken")
pair = None
print("collected", gc.collect())
print("module name", _tracked_helpers.__name__)
