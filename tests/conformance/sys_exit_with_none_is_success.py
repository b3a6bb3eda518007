# raise SystemExit(None) (as sys.exit() does) ends the program with status 0 and prints nothing;
# a SystemExit with several arguments would print their tuple.
from __future__ import print_function
import sys

e = SystemExit(1, 2)
print(e.code, str(e))
sys.stdout.flush()
raise SystemExit(None)
