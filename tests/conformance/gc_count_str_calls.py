# gc.get_count() around str(x): 3.12 calls str with one positional argument without an argument
# tuple once the call site is specialized (from its second run); its first run, 2.7 and keyword
# calls make one.
import gc


class Plain(object):
    pass


class WithRepr(object):
    def __repr__(self):
        return 'r'


class WithStr(object):
    def __str__(self):
        return 's'


def positional(x):
    a = gc.get_count()[0]
    str(x)
    return gc.get_count()[0] - a


def keyword(x):
    a = gc.get_count()[0]
    str(object=x)
    return gc.get_count()[0] - a


for x in (Plain(), WithRepr(), WithStr(), 12, 'text'):
    for f in (positional, keyword):
        f(x)
        gc.collect()
        print(f.__name__ + ' ' + type(x).__name__ + ' ' + str(f(x)))

gc.collect()
a = gc.get_count()[0]
s = str(12)
print('first run ' + str(gc.get_count()[0] - a))
