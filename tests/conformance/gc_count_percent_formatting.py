# '%' formatting with a tuple display: 3.12 compiles '%s'/'%r'/'%a' formats as f-strings (no argument tuple), other formats and 2.7 build the tuple
import gc


class Named(object):
    def __repr__(self):
        return 'Named\xe9'

    def __str__(self):
        return 'named'


x = 'hello'
n = 42
obj = Named()


def counted(label, f):
    gc.collect()
    before = gc.get_count()[0]
    f()
    middle = gc.get_count()[0]
    f()
    print(label, middle - before, gc.get_count()[0] - middle)


counted('nothing', lambda: None)
counted("'%s' % (x,)", lambda: '%s' % (x,))
counted("'%s' % (obj,)", lambda: '%s' % (obj,))
counted("'%s' % x", lambda: '%s' % x)
counted("'%d' % (n,)", lambda: '%d' % (n,))
counted("'%s %r' % (x, obj)", lambda: '%s %r' % (x, obj))
counted("'%5s|' % (x,)", lambda: '%5s|' % (x,))
counted("'%100s' % (x,)", lambda: '%100s' % (x,))
counted("'%s %d' % (x, n)", lambda: '%s %d' % (x, n))
for text in ['%s' % (x,), '%5s|' % (x,), '%-8s|' % (x,), '%30s|' % (x,), '%.3s' % (x,), '%05s' % (n,),
             '%+s' % (n,), 'a%%b%sc' % (x,), '%s and %r' % (obj, x), '%.s|' % (x,), '%3.1s|' % (x,)]:
    print(text)
print(repr('%r' % (obj,)))
try:
    print('%s %s' % (x,))
except TypeError as e:
    print('TypeError:', e)
try:
    print('%s' % (x, n))
except TypeError as e:
    print('TypeError:', e)
