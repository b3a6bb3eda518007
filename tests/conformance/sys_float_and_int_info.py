# sys.float_info and sys.int_info (2.7: sys.long_info) are struct sequences as CPython's; getdefaultencoding, getfilesystemencoding and float_repr_style per profile.
from __future__ import print_function
import sys
print(repr(sys.float_info))
print(repr(getattr(sys, 'long_info', None) or sys.int_info))
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.float_repr_style, sys.getsizeof(sys.float_info))
print(sys.float_info.max == 1.7976931348623157e308, sys.float_info[8], sys.float_info.epsilon + 1 > 1, len(sys.float_info), type(sys.float_info).__name__)
