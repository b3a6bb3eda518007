# a list display used only as an iterable (for loop, comprehension, 'in'): 3.12 builds a tuple instead (a constant when its items are), 2.7 a list
import gc

a, b = 'p', 'q'


def iterator_type():
    g = (x for x in [a, b])
    return type(g.gi_frame.f_locals['.0']).__name__


def loop_over_names():
    for x in [a, b]:
        pass


def loop_over_constants():
    for x in [1, 2]:
        pass


def loop_over_nested():
    for x in [a, [b]]:
        pass


def loop_over_starred_free_constants():
    return [x for x in [1, 'two', None]]


def membership_names():
    return a in [a, b], b not in [a, b], 1 < 2 in [a, 2]


def membership_constants():
    return 'q' in ['p', 'q']


def counted(f):
    gc.collect()
    before = gc.get_count()[0]
    result = f()
    print(f.__name__, result, gc.get_count()[0] - before)


print(iterator_type())
for f in (loop_over_names, loop_over_constants, loop_over_nested, loop_over_starred_free_constants,
          membership_names, membership_constants):
    counted(f)
