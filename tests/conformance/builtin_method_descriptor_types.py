# A built-in type's methods are method_descriptor, wrapper_descriptor and classmethod_descriptor objects (sized, tracked and weak-referenceable as CPython's); bound, they are builtin_function_or_method or method-wrapper
import sys, gc, weakref
o = object()
lst = []
cases = [('list.append', list.append), ('str.join', str.join), ('object.__init__', object.__init__),
         ('object.__eq__', object.__eq__), ('list.__len__', list.__len__),
         ("dict.__dict__['fromkeys']", dict.__dict__['fromkeys']), ('dict.fromkeys', dict.fromkeys),
         ('[].append', lst.append), ('object().__init__', o.__init__), ('len', len)]
for name, m in cases:
    try:
        weakref.ref(m)
        w = 'weak'
    except TypeError as e:
        w = str(e)
    print(name, type(m).__name__, sys.getsizeof(m), gc.is_tracked(m), w)
    print('   ', repr(m).split(' at ')[0])
print(type(list.append))
print(list.__dict__['append'] is list.append, list.append.__name__)
list.append(lst, 5)
lst.append(6)
print(lst, dict.fromkeys('ab'), {}.fromkeys('c'))
for call in (lambda: list.append(*1), lambda: object.__init__(*5), lambda: list.append()):
    try:
        call()
    except TypeError as e:
        print(e)
try:
    class X(type(list.append)):
        pass
except TypeError as e:
    print(e)
if sys.version_info[0] >= 3:
    print(list.append.__qualname__, lst.append.__qualname__, object.__init__.__qualname__, len.__qualname__)
bound = list.append.__get__(lst, list)
bound(7)
print(lst, type(bound).__name__, list.append.__objclass__, object.__init__.__objclass__, dict.__dict__['fromkeys'].__objclass__)
print(dict.__dict__['fromkeys'].__get__(None, dict)('ab'), object.__init__.__get__(o).__name__)
