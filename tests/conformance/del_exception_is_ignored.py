# An exception raised in __del__ cannot propagate: it is reported on stderr and the program goes
# on. The report is captured here and its first and last lines printed (2.7 writes one line,
# "Exception ... ignored"; 3.12 writes "Exception ignored in: ..." and a traceback).
from __future__ import print_function
import sys


class Capture(object):
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def flush(self):
        pass


class Broken(object):
    def __del__(self):
        print("in __del__")
        raise ValueError("from __del__")


capture = Capture()
real_stderr = sys.stderr
sys.stderr = capture
b = Broken()
del b
sys.stderr = real_stderr
print("still running")
lines = [line for line in "".join(capture.parts).split("\n") if line.strip()]
print("first:", lines[0])
print("last:", lines[-1])
