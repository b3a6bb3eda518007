# One JSON object on one line, for the scripts of `refheap bench` that also run on Refheap's
# own Python front end (churn.py, gc_graph.py), which has no json module: keys and string
# values without characters that need escaping, ints, and finite floats. Runs on 2.7 and 3.x.
# A side whose clock is too coarse to time a tiny run prints {"not_available": why} instead
# (Refheap's time.time, the 2.7 clock, has millisecond resolution).
import sys

if sys.version_info[0] == 2:
    integers = (int, long)  # noqa: F821 - Python 2 only
else:
    integers = (int,)


def value(v):
    if isinstance(v, str):
        return '"%s"' % v
    if isinstance(v, bool) or v is None:
        raise TypeError("jsonline: no bool or None values")
    if isinstance(v, integers):
        return "%d" % v
    if isinstance(v, float):
        return repr(v)
    raise TypeError("jsonline: cannot write %r" % (v,))


def clock_too_coarse(python, what):
    """The JSON line saying this side could not time `what`: its clock did not advance."""
    return dumps({"python": python, "not_available": "the clock did not advance during %s (too coarse for so small a graph)" % what})


def dumps(d):
    return "{" + ", ".join('"%s": %s' % (k, value(d[k])) for k in sorted(d)) + "}"
