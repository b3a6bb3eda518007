namespace Refheap.Objects;

/// <summary>
/// A reference to a heap object for the layers above the runtime: the internal reference
/// API, as CPython's C API uses <c>PyObject*</c>.
/// </summary>
/// <remarks>
/// A <see cref="PyRef"/> is either owned (a "new reference": the holder must
/// <see cref="DecRef"/> it exactly once) or borrowed (valid only while its owner keeps it);
/// every function that hands one out says which. The struct itself does not count: copying
/// it does not create a reference.
/// </remarks>
internal readonly unsafe struct PyRef : IEquatable<PyRef>
{
    internal readonly PyObject* Ptr;

    internal PyRef(PyObject* ptr) => Ptr = ptr;

    /// <summary>No object: what a failing function returns, with the error indicator set.</summary>
    public static PyRef Null => default;

    /// <summary>Whether this is <see cref="Null"/>.</summary>
    public bool IsNull => Ptr == null;

    /// <summary>The object's address, which is its <c>id()</c>.</summary>
    public nint Address => (nint)Ptr;

    /// <summary>The object's current reference count (for tests, <c>sys.getrefcount</c> and diagnostics).</summary>
    public nint RefCount => Ptr->RefCount;

    /// <summary>The descriptor of the object's type.</summary>
    public TypeDescriptor Descriptor => Ptr->Type->Descriptor;

    /// <summary>The object's type object (borrowed).</summary>
    public PyRef Type => new((PyObject*)Ptr->Type);

    /// <summary>Takes a new reference to the same object (Py_NewRef) and returns it.</summary>
    public PyRef NewRef()
    {
        Ptr->RefCount++;
        return this;
    }

    /// <summary>Adds an owned reference (Py_INCREF).</summary>
    public void IncRef() => Ptr->RefCount++;

    /// <summary>Drops an owned reference (Py_DECREF); the object is freed when its count reaches zero.</summary>
    public void DecRef() => Heap.DecRef(Ptr);

    /// <summary>Drops an owned reference if not null (Py_XDECREF).</summary>
    public void XDecRef()
    {
        if (Ptr != null)
        {
            Heap.DecRef(Ptr);
        }
    }

    /// <inheritdoc/>
    public bool Equals(PyRef other) => Ptr == other.Ptr;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PyRef r && Equals(r);

    /// <inheritdoc/>
    public override int GetHashCode() => ((nint)Ptr).GetHashCode();

    /// <summary>Identity comparison (<c>is</c>).</summary>
    public static bool operator ==(PyRef a, PyRef b) => a.Ptr == b.Ptr;

    /// <summary>Identity comparison (<c>is not</c>).</summary>
    public static bool operator !=(PyRef a, PyRef b) => a.Ptr != b.Ptr;

    /// <inheritdoc/>
    public override string ToString() => IsNull ? "<null>" : $"<{Descriptor.Name} at 0x{Address:x}>";
}
