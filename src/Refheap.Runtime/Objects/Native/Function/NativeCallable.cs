namespace Refheap.Objects.Native.Function;

/// <summary>
/// The body of a function implemented in C#: <paramref name="self"/> is the bound object or
/// null, <paramref name="args"/> a tuple, <paramref name="kwargs"/> a dict or null (all
/// borrowed). Returns a new reference, or null with the heap's error set.
/// </summary>
internal unsafe delegate PyRef NativeCallable(Heap heap, PyObject* self, PyObject* args, PyObject* kwargs);
