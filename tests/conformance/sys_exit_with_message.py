# sys.exit(obj) with an object that is neither None nor an int: its str goes to stderr and the
# status is 1, after finally blocks ran; SystemExit.code is what counts, even reassigned.
from __future__ import print_function
import sys

try:
    try:
        sys.exit(0)
    except SystemExit as e:
        print("caught", repr(e.code))
        e.code = "leaving: code replaced"
        raise
finally:
    print("finally runs")
print("never printed")
