# A call's *args that is not iterable and **kwargs that is not a mapping are reported naming the function as CPython names it (2.7: f(), type object; 3.12: __main__.f(), len(), or as a display's item)
from __future__ import print_function
def f(*a, **k): return a
class C(object):
    def m(self, *a): return a
for g in (lambda: f(1, *5), lambda: f(*5), lambda: C().m(*5), lambda: len(*5), lambda: C(*5), lambda: f(**5), lambda: f(1, **[1])):
    try:
        g()
    except TypeError as e:
        print(e)
