namespace Refheap.Objects;

// Dict facades for the public API Refheap.Server uses (Runtime.Iteration.cs): keys, and lookups without KeyError.
internal sealed unsafe partial class ObjectApi
{
    /// <summary>
    /// The keys of a dict in iteration order (<c>tuple(d)</c>) as a new tuple: a new reference,
    /// or null with TypeError set when <paramref name="dict"/> is not a dict.
    /// </summary>
    public PyRef DictKeys(PyRef dict)
    {
        if (!RequireDict(dict))
        {
            return PyRef.Null;
        }

        // Keys are borrowed from the dict until the tuple holds them: nothing runs in between
        // that could mutate it (packing only increfs).
        var keys = new List<PyRef>((int)Heap.Length(dict.Ptr));
        nint pos = 0;
        while (Heap.Types.Dict.Next(dict.Ptr, ref pos, out var key, out _))
        {
            keys.Add(new PyRef(key));
        }

        return Heap.NewTuple(keys.ToArray());
    }

    /// <summary>
    /// The value of the str key <paramref name="key"/> in a dict, BORROWED, or null when it is
    /// missing (no error set); no user code runs. Null with TypeError set when
    /// <paramref name="dict"/> is not a dict (check <see cref="Heap.ErrorOccurred"/>).
    /// </summary>
    public PyRef DictGetItemString(PyRef dict, string key) =>
        RequireDict(dict) ? new PyRef(Heap.Types.Dict.GetItemString(dict.Ptr, key)) : PyRef.Null;

    private bool RequireDict(PyRef o)
    {
        if (Heap.IsDict(o.Ptr))
        {
            return true;
        }

        Heap.RaiseTypeError($"expected a dict, got '{o.Descriptor.Name}'");
        return false;
    }
}
