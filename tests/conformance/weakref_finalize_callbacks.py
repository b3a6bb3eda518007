# weakref.finalize (3.4 and later) calls a function with stored arguments when the object dies,
# at most once; calling the finalizer early runs it and disarms it.
import weakref


class Resource(object):
    pass


def release(name, kind):
    print("release", name, kind)


r = Resource()
f = weakref.finalize(r, release, "r", kind="file")
print("alive", f.alive)
del r
print("alive after death", f.alive)
s = Resource()
g = weakref.finalize(s, release, "s", kind="socket")
print("early call returns", g())
print("second call returns", g())
del s
print("detach of a dead finalizer", g.detach())
t = Resource()
h = weakref.finalize(t, release, "t", kind="pipe")
print("peek", h.peek()[1])
print("detached", h.detach()[1])
del t
print("end")
