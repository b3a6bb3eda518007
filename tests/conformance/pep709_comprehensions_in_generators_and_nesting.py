# Comprehensions inside generator functions and inside each other. 3.12 inlines list, set and dict
# comprehensions (PEP 709) into the generator's frame; a generator expression still has a frame of
# its own. The enclosing variables are untouched and the comprehension's do not leak.
from __future__ import print_function


def rows(n):
    row = "outer row"
    for i in range(n):
        yield [i * j for j in range(n)]
        yield {j: [i + j + k for k in range(2)] for j in range(2)}
    yield row


print(list(rows(2)))


def matrix(n):
    i = "outer i"
    result = [[(i, j) for j in range(i)] for i in range(n)]
    return result, i


print(matrix(3))


def frames_of_generator_expression():
    g = (x for x in range(3))
    return g.gi_frame is not None, next(g), g.gi_frame.f_code.co_name


print(frames_of_generator_expression())


def comprehension_in_lambda():
    make = lambda n: [m * 2 for m in range(n)]
    return make(3)


print(comprehension_in_lambda())


def reads_enclosing_variable():
    total = 10
    totals = [total + t for t in range(3)]
    return totals, total


print(reads_enclosing_variable())


def raises_midway():
    item = "outer item"
    try:
        {item: 1 // (2 - item) for item in range(3)}
    except ZeroDivisionError:
        pass
    return item


print(raises_midway())
