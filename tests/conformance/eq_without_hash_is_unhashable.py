# A class that defines __eq__ but not __hash__: 3.x puts __hash__ = None in its dict (its instances and its subclasses' are unhashable), 2.7 hashes them by identity.
from __future__ import print_function
class E(object):
    def __eq__(s, o): return True
print([k for k in E.__dict__ if k.startswith('__h') or k == '__eq__'], E.__hash__)
class F(E): pass
print('__hash__' in F.__dict__, F.__hash__)
class G(object):
    def __eq__(s, o): return True
    def __hash__(s): return 1
print(G.__dict__['__hash__'] is not None, hash(G()))
class H(object):
    def __ne__(s, o): return True
print('__hash__' in H.__dict__, hash(H()) is not None)
for cls in (E, F):
    try:
        print(hash(cls()) is not None)
    except TypeError as e:
        print('TypeError', e)
print(len({G(), G()}))
