# 2.7's print statement: with commas, a trailing comma (softspace) and an empty print. Under
# 3.12 the same file is a syntax error, reported with exit status 1.
import sys


class Tracked(object):
    def __repr__(self):
        return "<Tracked>"


print "one", 2, Tracked()
print "no newline",
print "then this"
print
print >>sys.stdout, "to a stream"
x = [1, 2]
print x, len(x)
