namespace Refheap.Objects.Native.Instance;

/// <summary><c>o.__dict__ = d</c> and <c>del o.__dict__</c> (subtype_setdict).</summary>
internal sealed unsafe partial class InstanceType
{
    /// <summary>
    /// Replaces the instance's dict with <paramref name="value"/> (borrowed), which must be a
    /// dict; null (a deletion) leaves it a new empty dict, as CPython's next access makes one.
    /// 0, or -1 with the error set.
    /// </summary>
    public int SetDictAttribute(PyObject* self, PyObject* value)
    {
        if (value != null && !Heap.IsInstance(value, Heap.Types.Dict))
        {
            Heap.RaiseTypeError($"__dict__ must be set to a dictionary, not a '{value->Type->Descriptor.Name}'");
            return -1;
        }

        // Give the instance a dict object first (3.12 moves its values into one), so that
        // replacing it is one word: the dict slot (2.7) or the dict-or-values word (3.12).
        var current = GetOrCreateDict(self);
        if (current == null)
        {
            return -1;
        }

        var replacement = value != null ? new PyRef(value).NewRef() : Heap.NewDict();
        if (replacement.IsNull)
        {
            return -1;
        }

        // Invariant: the word or slot holds current (owned); the new dict is stored before
        // the old one is dropped, so its deallocation sees the instance complete.
        if (Layout.ValuesOffset != 0)
        {
            *ValuesWord(self) = (nint)replacement.Ptr;
        }
        else
        {
            *DictSlot(self) = replacement.Ptr;
        }

        Heap.DecRef(current);
        return 0;
    }
}
