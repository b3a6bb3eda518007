namespace Refheap.Objects;

/// <summary>Clears the weak references in an object's list and runs their callbacks (PyObject_ClearWeakRefs).</summary>
internal unsafe delegate void WeakListClearer(PyObject* referent, PyObject** list);
