# Helper of builtins_module_object: what an imported module's globals hold before its own names.
names = list(globals())
names = [k for k in names if k not in ('__loader__', '__spec__')]
builtins_type = type(__builtins__).__name__
package = __package__
cached = globals().get('__cached__', 'no __cached__')


def uses_builtin():
    return len([1, 2, 3])
