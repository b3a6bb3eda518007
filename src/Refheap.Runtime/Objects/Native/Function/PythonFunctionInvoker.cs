namespace Refheap.Objects.Native.Function;

/// <summary>
/// Runs a Python function: the front end installs one on <see cref="PythonFunctionType"/> so
/// that calling a function from anywhere (a built-in, a weakref callback, <c>__del__</c>) runs
/// its code. <paramref name="args"/> is a tuple, <paramref name="kwargs"/> a dict or null (all
/// borrowed). Returns a new reference, or null with the heap's error set.
/// </summary>
internal delegate PyRef PythonFunctionInvoker(PyRef function, PyRef args, PyRef kwargs);
