# gc.get_count() around a program's first dicts: compiling nested functions keeps the dicts of
# each enclosing code unit alive while the inner one compiles, and frees them all onto the dict
# free list after start-up's, so a program of deeply nested functions makes its first dicts
# from recycled blocks.
import gc


def outer():
    def middle():
        def inner():
            def innermost():
                return 1
            return innermost
        return inner
    return middle


a = gc.get_count()[0]
dicts = [{} for i in range(20)]
b = gc.get_count()[0]
more = [{} for i in range(20)]
c = gc.get_count()[0]
print(b - a, c - b)
