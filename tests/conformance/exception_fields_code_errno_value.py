# The fields some exceptions add: SystemExit.code, errno/strerror/filename of IOError/OSError/
# EnvironmentError (a filename drops out of args; 3.12's OSError(errno, ...) is the subclass
# its errno names), 3.12's StopIteration.value, KeyError's str as its key's repr, and 2.7's
# indexing and unpacking of an exception's args. The fields are assignable and outlive args.
from __future__ import print_function
import sys

for args in [(), (3,), ("msg",), (None,), (1, 2)]:
    e = SystemExit(*args)
    print("SystemExit", repr(e.code), e.args, str(e))
try:
    sys.exit(7)
except SystemExit as e:
    print("sys.exit code", e.code)

for cls in [IOError, OSError, EnvironmentError]:
    for args in [("a",), (2, "No such file"), (2, "No such file", "f.txt"), (5, "x", None), (1, 2, 3, 4)]:
        e = cls(*args)
        print(type(e).__name__, repr(e.errno), repr(e.strerror), repr(e.filename), e.args, str(e))
e = OSError(2, "gone", "f")
e.errno = 5
e.args = (7, "other")
print(e.errno, e.args, str(e), e.__dict__)


class MyError(OSError):
    pass


m = MyError(13, "denied", "secret")
print(type(m).__name__, m.errno, m.strerror, m.filename, m.args, str(m))


class Leaving(SystemExit):
    def __init__(self, code):
        SystemExit.__init__(self, code)
        self.extra = True


print(Leaving(9).code, Leaving(9).args)
print(str(KeyError("a")), str(KeyError()), str(KeyError("a", "b")), str(KeyError(1)))
s = StopIteration(1, 2)
print(getattr(s, "value", "no value"), getattr(StopIteration(), "value", "no value"))
if sys.version_info[0] == 2:
    v = ValueError("a", "b", "c")
    print("2.7 indexing", v[0], v[1:], v[-1])
    number, text = IOError(2, "nope", "file")
    print("2.7 unpacking", number, text)
print("end")
