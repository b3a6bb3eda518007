using Refheap.Objects.Native.Str;

namespace Refheap.Objects.Native.Instance;

/// <summary>Where a user class's instances keep their fields (see <see cref="InstanceType"/>); offsets are from the object's start, 0 = absent.</summary>
internal sealed unsafe class InstanceLayout
{
    private readonly (string Name, int Offset)[] _slots;

    /// <summary>Creates a layout.</summary>
    public InstanceLayout(TypeDescriptor parent, TypeDescriptor solidBase, nuint size, int dictOffset, int weakListOffset, int valuesOffset, (string Name, int Offset)[] slots, int[] slotTraverseOrder)
    {
        SlotTraverseOrder = slotTraverseOrder;
        Parent = parent;
        SolidBase = solidBase;
        Size = size;
        DictOffset = dictOffset;
        WeakListOffset = weakListOffset;
        ValuesOffset = valuesOffset;
        _slots = slots;
        SlotOffsets = [.. slots.Select(s => s.Offset)];
        SolidBaseIsObject = solidBase == solidBase.Heap.Types.Object;
        DictInSolidBase = dictOffset != 0 && dictOffset == solidBase.InstanceDictOffset;
    }

    /// <summary>
    /// Whether the dict slot is the solid base's own (BaseException's), which the base's
    /// traverse, clear and dealloc already handle (subtype_traverse skips a dict whose offset
    /// is the base's).
    /// </summary>
    public bool DictInSolidBase { get; }

    /// <summary>Whether the solid base is <c>object</c>, whose part of an instance holds nothing.</summary>
    public bool SolidBaseIsObject { get; }

    /// <summary>The first base class (the class's <c>__base__</c>).</summary>
    public TypeDescriptor Parent { get; }

    /// <summary>The built-in type whose part starts every instance (object, an exception, ...).</summary>
    public TypeDescriptor SolidBase { get; }

    /// <summary>
    /// Bytes of an instance's fixed part, GC header excluded: 2.7's whole instance; 3.12's
    /// instances with a dict add their inline values after it (<see cref="InstanceType"/>).
    /// </summary>
    public nuint Size { get; }

    /// <summary>Offset of the <c>__dict__</c> slot.</summary>
    public int DictOffset { get; }

    /// <summary>Offset of the weak-reference list slot.</summary>
    public int WeakListOffset { get; }

    /// <summary>
    /// 3.12: offset of the word that holds either the <c>__dict__</c> or the header of the
    /// instance's values (the same word as <see cref="DictOffset"/>); 0 in 2.7 or without a dict.
    /// </summary>
    public int ValuesOffset { get; }

    /// <summary>The offsets of the <c>__slots__</c> members.</summary>
    public int[] SlotOffsets { get; }

    /// <summary>The slot fields in subtype_traverse's order: this class's in definition order, then each base's.</summary>
    public int[] SlotTraverseOrder { get; }

    /// <summary>
    /// The fields holding owned references that the collector visits, in CPython's order: the
    /// slots, then the dict unless the solid base's (2.7; 3.12's dict-or-values word is read
    /// through <see cref="ValuesOffset"/>).
    /// </summary>
    public int[] ReferenceOffsets => DictOffset != 0 && ValuesOffset == 0 && !DictInSolidBase ? [.. SlotTraverseOrder, DictOffset] : SlotTraverseOrder;

    /// <summary>
    /// What the type object's reference map holds: <see cref="ReferenceOffsets"/>, then for
    /// 3.12 with a dict one more entry, the offset of the inline values (<see cref="Size"/>).
    /// </summary>
    public int[] ReferenceMap => ValuesOffset != 0 ? [.. ReferenceOffsets, (int)Size] : ReferenceOffsets;

    /// <summary>
    /// Whether instances are collectable. 2.7 leaves a class whose instances can hold no
    /// field (<c>__slots__ = ()</c> over object) without Py_TPFLAGS_HAVE_GC; 3.x tracks all.
    /// </summary>
    public bool IsGc { get; init; } = true;

    /// <summary>The <c>__slots__</c> members, name and offset.</summary>
    public IReadOnlyList<(string Name, int Offset)> Slots => _slots;

    /// <summary>The offset of the slot named <paramref name="name"/> (a str), or 0.</summary>
    public int SlotOffset(PyObject* name)
    {
        if (_slots.Length == 0)
        {
            return 0;
        }

        var text = StrType.AsSpan(name);
        foreach (var (slotName, offset) in _slots)
        {
            if (text.SequenceEqual(slotName))
            {
                return offset;
            }
        }

        return 0;
    }
}
