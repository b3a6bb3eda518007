# sys.exit(n) raises SystemExit: finally blocks run on the way out, and the process ends with
# status n and nothing on stderr.
from __future__ import print_function
import sys

try:
    print("exiting")
    sys.exit(3)
finally:
    print("finally runs")
print("never printed")
