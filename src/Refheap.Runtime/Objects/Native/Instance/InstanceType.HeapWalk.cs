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

        if (Layout.DictOffset != 0 && *DictSlot(self) != null)
        {
            into.Add(new HeapWalkEdge((nint)(*DictSlot(self)), HeapWalkEdgeKind.InstanceDict, "__dict__"));
        }

        if (Layout.ValuesOffset == 0)
        {
            return;
        }

        // The values buffer is [capacity][value 0 .. capacity-1][order...]; value i belongs to shared key i.
        var values = (nint*)*ValuesSlot(self);
        if (values == null)
        {
            return;
        }

        for (nint i = 1; i <= values[0]; i++)
        {
            if (values[i] != 0 && i - 1 < _sharedKeys.Count)
            {
                into.Add(new HeapWalkEdge(values[i], HeapWalkEdgeKind.Attribute, Native.Str.StrType.AsString((PyObject*)_sharedKeys[(int)(i - 1)])));
            }
        }
    }
}
