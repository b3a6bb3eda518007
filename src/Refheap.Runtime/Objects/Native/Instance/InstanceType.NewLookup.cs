namespace Refheap.Objects.Native.Instance;

/// <summary>A class's own <c>__new__</c>, which a call of the class runs to make the instance (slot_tp_new).</summary>
internal sealed unsafe partial class InstanceType
{
    // What the last lookup found (borrowed), valid while the class's version tag is _newTag,
    // as LookupInit's answer: a change to the class or a base resets the tag.
    private uint _newTag;
    private PyObject* _newFound;

    /// <summary>
    /// The <c>__new__</c> this class or a base defines (usually a staticmethod), borrowed; null
    /// when it is <c>object.__new__</c>, so that the class makes its instances itself.
    /// </summary>
    public PyObject* CustomNew()
    {
        var tag = TypeObject->VersionTag;
        if (tag != 0 && tag == _newTag)
        {
            return _newFound;
        }

        var found = Heap.LookupCustomNew(TypeObject);

        // The lookup gave the class its tag if it had none.
        _newTag = TypeObject->VersionTag;
        _newFound = found;
        return found;
    }

    /// <summary>
    /// type_call for a class with its own <c>__new__</c>: slot_tp_new reads it from the class
    /// (a staticmethod gives its function) and calls it with the class first; if that returns
    /// an instance of the class, the instance's <c>__init__</c> runs with the same arguments.
    /// New reference, or null with the error set.
    /// </summary>
    private PyRef ConstructWithNew(PyObject* customNew, PyObject* args, PyObject* kwargs)
    {
        var function = customNew->Type->Descriptor.DescriptorGet(customNew, null, TypeObject);
        if (function.IsNull)
        {
            return function;
        }

        var n = Tuple.TupleType.Size(args);
        var items = new PyRef[n + 1];
        items[0] = new PyRef((PyObject*)TypeObject);
        for (nint i = 0; i < n; i++)
        {
            items[i + 1] = new PyRef(Tuple.TupleType.Item(args, i));
        }

        var newArgs = Heap.NewTuple(items);
        var made = newArgs.IsNull ? PyRef.Null : Heap.Call(function.Ptr, newArgs.Ptr, kwargs);
        newArgs.XDecRef();
        function.DecRef();
        if (made.IsNull || !Heap.IsInstance(made.Ptr, this))
        {
            // Not an instance of the class: returned as it is, not initialized.
            return made;
        }

        if (Heap.RunInit(made.Ptr, args, kwargs) < 0)
        {
            made.DecRef();
            return PyRef.Null;
        }

        return made;
    }
}
