namespace Refheap.Objects.Native.Methods;

/// <summary>
/// The work of a built-in method once its arguments are bound: <paramref name="self"/> is the
/// instance (or, for a class method, the type object), borrowed. Returns a new reference, or
/// null with the heap's error set.
/// </summary>
internal unsafe delegate PyRef MethodBody(Heap heap, PyObject* self, MethodArgs args);
