namespace Refheap.Objects.Native.Instance;

internal sealed unsafe partial class InstanceType
{
    /// <summary>
    /// The named fields of an instance for the heap walk (read-only, no allocation on the
    /// heap): the <c>__slots__</c> members, the dict object, and 3.12's inline values under
    /// their shared-key names. Null fields are left out.
    /// </summary>
    internal void NamedFields(PyObject* self, List<HeapWalkEdge> into)
    {
        foreach (var (name, offset) in Layout.Slots)
        {
            var v = *SlotAt(self, offset);
            if (v != null)
            {
                into.Add(new HeapWalkEdge((nint)v, HeapWalkEdgeKind.Attribute, name));
            }
        }

        var dict = DictOf(self);
        if (dict != null)
        {
            into.Add(new HeapWalkEdge((nint)dict, HeapWalkEdgeKind.InstanceDict, "__dict__"));
        }

        if (Layout.ValuesOffset == 0 || dict != null)
        {
            return;
        }

        // Value i belongs to shared key i, in index order (the traversal's order).
        var values = ValuesOf(self, out var capacity);
        for (var i = 0; i < capacity; i++)
        {
            if (values[i] != 0 && i < _sharedKeys.Count)
            {
                into.Add(new HeapWalkEdge(values[i], HeapWalkEdgeKind.Attribute, Native.Str.StrType.AsString((PyObject*)_sharedKeys[i])));
            }
        }
    }
}
