namespace Refheap.Objects.Native.Instance;

/// <remarks>
/// 3.12's attribute storage. One word of the instance (at <see cref="InstanceLayout.ValuesOffset"/>,
/// the dict's own offset) says where the attributes are:
/// <code>
///  inline   [order: 10 × 5 bits][count: 5][capacity: 5][1]   values in the instance's own block
///  spilled  [buffer address                          ][1 0]   values in a separate buffer
///  dict     [dict address                            ][0 0]   __dict__ was asked for (or the keys are full)
/// </code>
/// The instance's block ends with <c>capacity</c> value words (the inline values, at
/// <see cref="InstanceLayout.Size"/>), value i belonging to the class's shared key i; the
/// order lists the indexes set, oldest first (what <c>__dict__</c> shows). The capacity is
/// chosen when the instance is made (the class's shared keys then, at least 1, filling the
/// allocator's size class, at most <see cref="MaxInlineValues"/>) and never changes: when the
/// instance leaves the inline state its first value word keeps the capacity, which the free
/// needs. An instance whose class has more shared keys than its capacity moves its values to a
/// spilled buffer — <c>[capacity][value 0]...[order length][order 0]...</c> — the layout
/// every 3.12 instance had before values moved inline. None of this is visible: sys.getsizeof
/// reports CPython's figure, and the dict and values behave as CPython 3.12's.
/// </remarks>
internal sealed unsafe partial class InstanceType
{
    /// <summary>Most values kept in the instance's block: the header's order has room for this many 5-bit indexes.</summary>
    private const int MaxInlineValues = 10;

    private const nint InlineTag = 1;
    private const nint SpilledTag = 2;
    private const nint TagMask = 3;
    private const int CountShift = 6;
    private const int OrderShift = 11;
    private const int IndexBits = 5;
    private const nint IndexMask = 31;

    /// <summary>The dict-or-values word of a 3.12 instance with a dict.</summary>
    private nint* ValuesWord(PyObject* o) => (nint*)((byte*)o + Layout.ValuesOffset);

    /// <summary>The inline values (and, once the instance left the inline state, the capacity in the first word).</summary>
    private nint* InlineValues(PyObject* o) => (nint*)((byte*)o + Layout.Size);

    private static nint InlineHeader(int capacity) => InlineTag | ((nint)capacity << 1);

    private static int HeaderCapacity(nint word) => (int)((word >> 1) & IndexMask);

    private static int HeaderCount(nint word) => (int)((word >> CountShift) & IndexMask);

    private static int HeaderOrderAt(nint word, int k) => (int)((word >> (OrderShift + (IndexBits * k))) & IndexMask);

    private static nint HeaderAppend(nint word, int index) =>
        word + ((nint)1 << CountShift) + ((nint)index << (OrderShift + (IndexBits * HeaderCount(word))));

    private static nint HeaderRemove(nint word, int index)
    {
        var n = HeaderCount(word);
        var fresh = InlineHeader(HeaderCapacity(word));
        for (var k = 0; k < n; k++)
        {
            var i = HeaderOrderAt(word, k);
            if (i != index)
            {
                fresh = HeaderAppend(fresh, i);
            }
        }

        return fresh;
    }

    /// <summary>Whether a dict-or-values word holds a dict.</summary>
    private static bool IsDictWord(nint word) => (word & TagMask) == 0 && word != 0;

    /// <summary>The instance's dict object, or null (2.7 and 3.12).</summary>
    private PyObject* DictOf(PyObject* self)
    {
        if (Layout.ValuesOffset == 0)
        {
            return Layout.DictOffset == 0 ? null : *DictSlot(self);
        }

        var word = *ValuesWord(self);
        return IsDictWord(word) ? (PyObject*)word : null;
    }

    /// <summary>The number of inline value words of a 3.12 instance (0 without them).</summary>
    private int InlineCapacityOf(PyObject* self)
    {
        if (Layout.ValuesOffset == 0)
        {
            return 0;
        }

        var word = *ValuesWord(self);
        return (word & InlineTag) != 0 ? HeaderCapacity(word) : (int)InlineValues(self)[0];
    }

    /// <summary>Bytes of this instance's block, GC header excluded.</summary>
    private nuint AllocatedSize(PyObject* self) => Layout.Size + (nuint)(8 * InlineCapacityOf(self));

    /// <summary>
    /// Sets the inline capacity of a new instance: the class's shared keys now (at least 1),
    /// rounded up to fill the allocator's size class (the block is that big anyway), at most
    /// <see cref="MaxInlineValues"/>; a class with more keys gets the minimum and spills.
    /// Called when the class is made and when a key is added, so that making an instance only
    /// reads the answer.
    /// </summary>
    private void UpdateNewInlineCapacity()
    {
        var keys = _sharedKeys.Count;
        var capacity = keys is >= 1 and <= MaxInlineValues ? keys : 1;
        var alignment = (nuint)Heap.Allocator.Layout.Alignment;
        var bytes = Memory.HeapAllocator.GcHeaderSize + Layout.Size + (nuint)(8 * capacity);
        var spare = (int)(((bytes + alignment - 1) & ~(alignment - 1)) - bytes) / 8;
        _newInlineCapacity = Math.Min(capacity + spare, MaxInlineValues);
    }

    /// <summary>Where a 3.12 instance's values are now (null when it has a dict), their capacity and how many are set, in order.</summary>
    private nint* ValuesOf(PyObject* self, out int capacity)
    {
        var word = *ValuesWord(self);
        if ((word & InlineTag) != 0)
        {
            capacity = HeaderCapacity(word);
            return InlineValues(self);
        }

        if ((word & SpilledTag) != 0)
        {
            var buffer = (nint*)(word & ~TagMask);
            capacity = (int)buffer[0];
            return buffer + 1;
        }

        capacity = 0;
        return null;
    }

    /// <summary>The indexes of the values set, oldest first (3.12, values not in a dict).</summary>
    private int[] ValueOrder(PyObject* self)
    {
        var word = *ValuesWord(self);
        if ((word & InlineTag) != 0)
        {
            var order = new int[HeaderCount(word)];
            for (var k = 0; k < order.Length; k++)
            {
                order[k] = HeaderOrderAt(word, k);
            }

            return order;
        }

        if ((word & SpilledTag) != 0)
        {
            var spilled = OrderOf((nint*)(word & ~TagMask));
            var order = new int[spilled[0]];
            for (var k = 0; k < order.Length; k++)
            {
                order[k] = (int)spilled[k + 1];
            }

            return order;
        }

        return [];
    }

    /// <summary>
    /// Deallocation's release of a 3.12 instance's inline values (subtype_dealloc's
    /// _PyObject_FreeInstanceAttributes): each value in index order, read in place. Unlike
    /// <see cref="ReleaseManagedAttributes"/> nothing is detached first: a finalizer run by a
    /// value cannot reach an instance whose count is 0 and that is untracked (heap walks skip
    /// it), and the header word, which gives the block's size, is left as it is. False when the
    /// values are not inline (spilled, or a dict): the caller releases them the general way.
    /// </summary>
    private bool ReleaseInlineValuesForDealloc(PyObject* self)
    {
        var word = *ValuesWord(self);
        if ((word & InlineTag) == 0)
        {
            return false;
        }

        if (HeaderCount(word) != 0)
        {
            var inline = (PyObject**)InlineValues(self);
            var capacity = HeaderCapacity(word);
            for (var i = 0; i < capacity; i++)
            {
                Heap.XDecRef(inline[i]);
            }
        }

        return true;
    }

    /// <summary>
    /// Drops a 3.12 instance's dict or values, leaving it empty with its inline capacity (so
    /// that it stays usable, and its block's size known). Everything is detached before the
    /// first reference is dropped: a finalizer that runs meanwhile sees an empty instance.
    /// </summary>
    private void ReleaseManagedAttributes(PyObject* self)
    {
        var word = *ValuesWord(self);
        var inline = InlineValues(self);
        if ((word & InlineTag) != 0)
        {
            var capacity = HeaderCapacity(word);
            if (HeaderCount(word) == 0)
            {
                return;
            }

            // Invariant: capacity <= MaxInlineValues, so the copy fits on the stack.
            var held = stackalloc nint[MaxInlineValues];
            for (var i = 0; i < capacity; i++)
            {
                held[i] = inline[i];
                inline[i] = 0;
            }

            *ValuesWord(self) = InlineHeader(capacity);
            for (var i = 0; i < capacity; i++)
            {
                Heap.XDecRef((PyObject*)held[i]);
            }

            return;
        }

        // Spilled or dict: the first inline word holds the capacity; the others are zero.
        var keptCapacity = (int)inline[0];
        inline[0] = 0;
        *ValuesWord(self) = InlineHeader(keptCapacity);
        if ((word & SpilledTag) != 0)
        {
            ReleaseSpilledValues((nint*)(word & ~TagMask));
        }
        else if (word != 0)
        {
            Heap.DecRef((PyObject*)word);
        }
    }

    private void ReleaseSpilledValues(nint* buffer)
    {
        var capacity = buffer[0];
        for (nint i = 1; i <= capacity; i++)
        {
            Heap.XDecRef((PyObject*)buffer[i]);
        }

        Heap.FreeBuffer(buffer, ValuesBytes(capacity));
    }

    /// <summary>Leaves the inline state for <paramref name="newWord"/> (a dict, or a spilled buffer tagged): the inline words are cleared and the first keeps the capacity.</summary>
    private void LeaveInline(PyObject* self, nint newWord)
    {
        var inline = InlineValues(self);
        var capacity = HeaderCapacity(*ValuesWord(self));
        for (var i = 0; i < capacity; i++)
        {
            inline[i] = 0;
        }

        inline[0] = capacity;
        *ValuesWord(self) = newWord;
    }

    /// <summary>
    /// Moves the inline values to a spilled buffer with room for <paramref name="needed"/>
    /// values (the references move with them): null with MemoryError set on failure, the
    /// instance unchanged.
    /// </summary>
    private nint* Spill(PyObject* self, int needed)
    {
        var word = *ValuesWord(self);
        var capacity = Math.Max(Math.Max(needed, HeaderCapacity(word)), 2);
        var buffer = (nint*)Heap.AllocBuffer(ValuesBytes(capacity));
        if (buffer == null)
        {
            return null;
        }

        buffer[0] = capacity;
        var inline = InlineValues(self);
        for (var i = 0; i < capacity; i++)
        {
            buffer[i + 1] = i < HeaderCapacity(word) ? inline[i] : 0;
        }

        var order = OrderOf(buffer);
        order[0] = HeaderCount(word);
        for (var k = 0; k < HeaderCount(word); k++)
        {
            order[k + 1] = HeaderOrderAt(word, k);
        }

        LeaveInline(self, (nint)buffer | SpilledTag);
        return buffer;
    }

    /// <summary>
    /// The traversal of a 3.12 instance's dict-or-values word (<paramref name="type"/>'s
    /// ValuesOffset non-zero): the values in index order, or the dict.
    /// </summary>
    private static void TraverseManagedWith<TVisitor>(PyObject* self, PyTypeObject* type, ref TVisitor visitor)
        where TVisitor : struct, Gc.IChildVisitor
    {
        var word = *(nint*)((byte*)self + type->ValuesOffset);
        if ((word & InlineTag) != 0)
        {
            if (HeaderCount(word) == 0)
            {
                return;
            }

            // The reference map's entry past its count is the inline values' offset (InstanceLayout.ReferenceMap).
            var values = (PyObject**)((byte*)self + type->RefOffsets[type->RefOffsetCount]);
            var capacity = HeaderCapacity(word);
            for (var i = 0; i < capacity; i++)
            {
                if (values[i] != null)
                {
                    visitor.Visit(values[i]);
                }
            }
        }
        else if ((word & SpilledTag) != 0)
        {
            var buffer = (nint*)(word & ~TagMask);
            var capacity = buffer[0];
            for (nint i = 1; i <= capacity; i++)
            {
                if (buffer[i] != 0)
                {
                    visitor.Visit((PyObject*)buffer[i]);
                }
            }
        }
        else if (word != 0)
        {
            visitor.Visit((PyObject*)word);
        }
    }

    /// <summary><see cref="TraverseManagedWith{TVisitor}"/> through a tp_traverse callback: its first non-zero result, else 0.</summary>
    private static int TraverseManaged(PyObject* self, PyTypeObject* type, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var word = *(nint*)((byte*)self + type->ValuesOffset);
        nint* values;
        nint capacity;
        if ((word & InlineTag) != 0)
        {
            values = (nint*)((byte*)self + type->RefOffsets[type->RefOffsetCount]);
            capacity = HeaderCapacity(word);
        }
        else if ((word & SpilledTag) != 0)
        {
            values = (nint*)(word & ~TagMask) + 1;
            capacity = values[-1];
        }
        else
        {
            return word != 0 ? visit((PyObject*)word, arg) : 0;
        }

        int r;
        for (nint i = 0; i < capacity; i++)
        {
            if (values[i] != 0 && (r = visit((PyObject*)values[i], arg)) != 0)
            {
                return r;
            }
        }

        return 0;
    }
}
