# The builtins module (2.7: __builtin__) is importable and its dict is where names are looked up last: a name set on it resolves everywhere, a global shadows it, deleting it is a NameError again; __main__'s __builtins__ is the module, an imported module's the dict. (3.12's __loader__/__spec__ of an imported module are importlib objects Refheap lacks: left out of the listing.)
import sys
try:
    import builtins
except ImportError:
    import __builtin__ as builtins
try:
    import __builtin__
    print('both names import')
except ImportError as e:
    print('ImportError: %s' % e)
print(builtins)
print('%s %r %s' % (builtins.__name__, builtins.__package__, builtins.__doc__ is None or len(builtins.__doc__) > 0))
print((sys.modules[builtins.__name__] is builtins, __builtins__ is builtins))
print(list(globals().keys()))
print((builtins.len is len, vars(builtins) is builtins.__dict__, builtins.__dict__['len'] is len))
print(('__builtins__' in builtins.__dict__, builtins.__dict__['__name__']))
builtins.answer = 42


def read_answer():
    return answer


print((read_answer(), answer))
answer = 'global'
print((read_answer(), builtins.answer))
del answer
print(read_answer())
del builtins.answer
try:
    read_answer()
except NameError as e:
    print('NameError: %s' % e)
original_len = len
builtins.len = lambda o: 'patched'
print(len([1]))
builtins.len = original_len
print(len([1]))
import _builtins_helper as helper
print(helper.names)
print((helper.builtins_type, helper.__builtins__ is builtins.__dict__, helper.package))
print(helper.cached if helper.cached == 'no __cached__' else helper.cached.split('/')[-2:])
print(helper.uses_builtin())
