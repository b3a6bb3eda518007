# gc.get_referrers finds the tracked containers that refer to an object: the list and dict
# holding it and the instance attribute dict, found by identity.
from __future__ import print_function
import gc


class Plain(object):
    pass


target = Plain()
holder_list = [target]
holder_dict = {"k": target}
owner = Plain()
owner.attr = target
owner_dict = owner.__dict__
not_holder = [1, 2]
referrers = gc.get_referrers(target)
print("list", any(r is holder_list for r in referrers))
print("dict", any(r is holder_dict for r in referrers))
print("owner's dict", any(r is owner_dict for r in referrers))
print("not a holder", any(r is not_holder for r in referrers))
namespace = vars()
print("the module namespace", any(r is namespace for r in referrers))
