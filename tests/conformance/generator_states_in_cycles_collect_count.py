# A cycle through a generator, unstarted, suspended, finished or closed: what gc.collect()
# counts. 2.7's frame is an object of its own, tracked and counted with the cycle; 3.12 embeds
# the frame in the generator (never counted, a gi_frame object untracked), closes a suspended
# generator before collecting (freeing a cycle its frame held), keeps a closed unstarted
# generator's arguments until it dies, and its frame keeps a generator expression's function.
from __future__ import print_function
import gc

gc.disable()
gc.collect()


class A(object):
    pass


def plain():
    yield 1


def holding(x):
    yield x
    yield 2


def cycle(state, frame_holds):
    a = A()
    a.gen = holding(a) if frame_holds else plain()
    if not frame_holds:
        a.me = a
    if state == "started":
        next(a.gen)
    elif state == "finished":
        list(a.gen)
    elif state == "closed":
        a.gen.close()
        print("gi_frame after close", a.gen.gi_frame)


for state in ["unstarted", "started", "finished", "closed"]:
    for frame_holds in [False, True]:
        cycle(state, frame_holds)
        print(state, "frame holds" if frame_holds else "attribute", gc.collect())

lst = []
lst.append(holding(lst))
del lst
print("unstarted in a list", gc.collect())

a = A()
a.gen = (x for x in [a])
del a
print("generator expression", gc.collect())

a = A()
a.gen = holding(a)
frame = a.gen.gi_frame
print("frame line before start", frame.f_lineno)
print("frame tracked", gc.is_tracked(frame))
del a
print("unstarted, frame object held", gc.collect())
print("frame locals", sorted(frame.f_locals))
del frame
print("after the frame", gc.collect())
print("end")
