# gc.get_count() around comparisons of 2.7 old-style instances: the rich methods are looked up
# without an error; then __coerce__ and __cmp__ through getattr, whose misses 2.7 matches
# against AttributeError. In 3.12 these classes are new-style.
import gc


class Plain:
    pass


class WithCmp:
    def __cmp__(self, other):
        return 0


class WithEq:
    def __eq__(self, other):
        return True


def equal(x, y):
    a = gc.get_count()[0]
    x == y
    return gc.get_count()[0] - a


p = Plain()
for name, x, y in (('self', p, p), ('other', p, Plain()), ('int', p, 1),
                   ('cmp', WithCmp(), WithCmp()), ('eq', WithEq(), WithEq())):
    equal(x, y)
    gc.collect()
    print(name + ' ' + str(equal(x, y)))
