# sys.intern (2.7: the built-in intern) makes equal texts one object; sys.platform, hexversion, byteorder, maxunicode; 3.12's sys.getallocatedblocks counts the allocator's blocks in use
from __future__ import print_function
import sys
a = ''.join(['hello', ' ', 'world'])
b = ''.join(['hello', ' world'])
intern_ = sys.intern if hasattr(sys, 'intern') else intern
print(a is b, intern_(a) is intern_(b), intern_(a) == a)
for bad in (5, None):
    try:
        intern_(bad)
    except TypeError as e:
        print('TypeError:', e)
print(sys.platform.startswith('linux'), hex(sys.hexversion)[:6], sys.byteorder, sys.maxunicode)
if hasattr(sys, 'getallocatedblocks'):
    before = sys.getallocatedblocks()
    keep = [object() for i in range(1000)]
    print(sys.getallocatedblocks() - before >= 1000)
    del keep
else:
    print(True)
