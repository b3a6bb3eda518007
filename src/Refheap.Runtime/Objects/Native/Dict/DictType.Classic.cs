using System.Runtime.InteropServices;
using Refheap.Objects.Native.Str;

namespace Refheap.Objects.Native.Dict;

/// <summary>
/// py27's table: CPython 2.7's Objects/dictobject.c. Start at <see cref="ClassicLookup"/>.
/// </summary>
/// <remarks>
/// <code>
///  slot states (me_key, me_value)        moved by
///  ┌────────┐ insert  ┌────────┐ delete  ┌────────┐
///  │ unused │───────► │ active │───────► │ dummy  │
///  │ (0, 0) │         │ (k, v) │ ◄────── │ (D, 0) │
///  └────────┘         └────────┘ insert  └────────┘
///  a resize rebuilds the table from the active slots only, in old-slot order
/// </code>
/// Probing (lookdict): slot <c>i = hash &amp; mask</c>, then
/// <c>i = (i &lt;&lt; 2) + i + perturb + 1; perturb &gt;&gt;= 5</c> with perturb starting at the
/// hash: 2.7 shifts perturb after using it (3.x before). An insertion takes the first dummy
/// met on the probe path. After an insertion that added a key, the table is resized when
/// fill * 3 &gt;= slots * 2, to the smallest power of two &gt; used * 4 (used * 2 above 50000).
/// </remarks>
internal sealed unsafe partial class DictType
{
    /// <summary>PERTURB_SHIFT: the bits of the hash that each probe step brings in (both versions).</summary>
    internal const int PerturbShift = 5;

    /// <summary>Returned by <see cref="ClassicCompare"/> when the table changed under the comparison.</summary>
    private const int Restart = 2;

    /// <summary>The dict, its table set up if the block is still all zeroes (a fresh subclass instance or a recycled block).</summary>
    private static ClassicDictObject* Classic(PyObject* d)
    {
        var mp = (ClassicDictObject*)d;
        if (mp->Table == null)
        {
            mp->Table = ClassicDictObject.SmallTable(mp);
            mp->Mask = ClassicDictObject.MinSize - 1;
        }

        return mp;
    }

    /// <summary>
    /// lookdict: the slot holding <paramref name="key"/>, or else the slot an insertion should
    /// use (the first dummy on the probe path, or the unused slot that ended it); null with the
    /// error set when a comparison failed.
    /// </summary>
    private DictEntry* ClassicLookup(ClassicDictObject* mp, PyObject* key, long hash)
    {
    restart:
        var ep0 = mp->Table;
        var mask = (nuint)mp->Mask;
        var i = (nuint)hash & mask;

        // The first slot is written out before the loop, as in 2.7: most lookups end there, and
        // its tests skip the loop's freeslot bookkeeping (folded into the loop, the same lookups
        // ran up to 5 % slower in fully optimised code).
        var ep = &ep0[i];
        if (ep->Key == null || ep->Key == key)
        {
            return ep;
        }

        DictEntry* freeslot;
        if (ep->Key == Deleted)
        {
            freeslot = ep;
        }
        else
        {
            if (ep->Hash == hash)
            {
                var cmp = ClassicCompare(mp, ep0, mask, ep, key);
                if (cmp < 0)
                {
                    return null;
                }

                if (cmp == Restart)
                {
                    goto restart;
                }

                if (cmp > 0)
                {
                    return ep;
                }
            }

            freeslot = null;
        }

        for (var perturb = (nuint)hash; ; perturb >>= PerturbShift)
        {
            i = (i << 2) + i + perturb + 1;
            ep = &ep0[i & mask];
            if (ep->Key == null)
            {
                return freeslot == null ? ep : freeslot;
            }

            if (ep->Key == key)
            {
                return ep;
            }

            if (ep->Hash == hash && ep->Key != Deleted)
            {
                var cmp = ClassicCompare(mp, ep0, mask, ep, key);
                if (cmp < 0)
                {
                    return null;
                }

                if (cmp == Restart)
                {
                    goto restart;
                }

                if (cmp > 0)
                {
                    return ep;
                }
            }
            else if (ep->Key == Deleted && freeslot == null)
            {
                freeslot = ep;
            }
        }
    }

    /// <summary>
    /// Compares a slot's key with <paramref name="key"/> (same hash): 1, 0, -1 on error, or
    /// <see cref="Restart"/> when the comparison replaced the table or the slot's key.
    /// </summary>
    private int ClassicCompare(ClassicDictObject* mp, DictEntry* ep0, nuint mask, DictEntry* ep, PyObject* key)
    {
        var startkey = ep->Key;
        if (BothStr(startkey, key))
        {
            return StrKeys.Equal(startkey, key) ? 1 : 0;
        }

        Heap.IncRef(startkey);
        var cmp = Heap.RichCompareBool(startkey, key, CompareOp.Eq);
        Heap.DecRef(startkey);
        if (cmp < 0)
        {
            return -1;
        }

        // 2.7 checks "ep0 == mp->ma_table && ep->me_key == startkey". The mask check is ours:
        // a same-address table of another size would make ep point outside it.
        if (mp->Table != ep0 || (nuint)mp->Mask != mask || ep->Key != startkey)
        {
            return Restart;
        }

        return cmp;
    }

    /// <summary>The value for a str key given as text, comparing exact str keys only (no user code runs).</summary>
    private PyObject* ClassicLookupText(ClassicDictObject* mp, ReadOnlySpan<char> text, long hash)
    {
        var ep0 = mp->Table;
        var mask = (nuint)mp->Mask;
        var i = (nuint)hash & mask;
        var perturb = (nuint)hash;
        while (true)
        {
            var ep = &ep0[i & mask];
            if (ep->Key == null)
            {
                return null;
            }

            if (ep->Value != null && ep->Hash == hash && ep->Key->Type == _str && StrType.EqualsText(ep->Key, text))
            {
                return ep->Value;
            }

            i = (i << 2) + i + perturb + 1;
            perturb >>= PerturbShift;
        }
    }

    /// <summary>insertdict: stores a key and value whose references the caller gave up; 0, or -1 (both released).</summary>
    private int ClassicInsert(ClassicDictObject* mp, PyObject* key, long hash, PyObject* value)
    {
        var ep = ClassicLookup(mp, key, hash);
        if (ep == null)
        {
            Heap.DecRef(value);
            Heap.DecRef(key);
            return -1;
        }

        MaintainTracking((PyObject*)mp, key, value);
        if (ep->Value != null)
        {
            var old = ep->Value;
            ep->Value = value;
            Heap.DecRef(old);
            Heap.DecRef(key);
        }
        else
        {
            if (ep->Key == null)
            {
                mp->Fill++;
            }

            ep->Key = key;
            ep->Hash = hash;
            ep->Value = value;
            mp->Used++;
        }

        return 0;
    }

    /// <summary>PyDict_SetItem after the hash: insert, then grow when the insertion filled two thirds of the slots.</summary>
    private int ClassicSetItem(ClassicDictObject* mp, PyObject* key, long hash, PyObject* value)
    {
        var usedBefore = mp->Used;
        if (ClassicInsert(mp, key, hash, value) != 0)
        {
            return -1;
        }

        if (!(mp->Used > usedBefore && mp->Fill * 3 >= (mp->Mask + 1) * 2))
        {
            return 0;
        }

        return ClassicResize(mp, (mp->Used > 50000 ? 2 : 4) * mp->Used);
    }

    /// <summary>
    /// dictresize: rebuilds the table with the smallest power-of-two size &gt; <paramref name="minUsed"/>
    /// (8 at least), reinserting the active slots in old-slot order. On MemoryError the dict is unchanged.
    /// </summary>
    private int ClassicResize(ClassicDictObject* mp, nint minUsed)
    {
        nint newSize = ClassicDictObject.MinSize;
        while (newSize <= minUsed && newSize > 0)
        {
            newSize <<= 1;
        }

        if (newSize <= 0 || newSize > (nint.MaxValue / sizeof(DictEntry)))
        {
            Heap.SetNoMemory();
            return -1;
        }

        var oldTable = mp->Table;
        var oldMask = mp->Mask;
        var small = ClassicDictObject.SmallTable(mp);
        var oldIsBuffer = oldTable != small;
        var smallCopy = stackalloc DictEntry[ClassicDictObject.MinSize];
        DictEntry* newTable;
        if (newSize == ClassicDictObject.MinSize)
        {
            newTable = small;
            if (newTable == oldTable)
            {
                if (mp->Fill == mp->Used)
                {
                    // No dummies: nothing to gain.
                    return 0;
                }

                // Rebuilding the inline table in place: read from a copy.
                Buffer.MemoryCopy(oldTable, smallCopy, sizeof(DictEntry) * ClassicDictObject.MinSize, sizeof(DictEntry) * ClassicDictObject.MinSize);
                oldTable = smallCopy;
            }
        }
        else
        {
            newTable = (DictEntry*)Heap.AllocBuffer((nuint)newSize * (nuint)sizeof(DictEntry));
            if (newTable == null)
            {
                return -1;
            }
        }

        mp->Table = newTable;
        mp->Mask = newSize - 1;
        NativeMemory.Clear(newTable, (nuint)newSize * (nuint)sizeof(DictEntry));
        var remaining = mp->Fill;
        mp->Used = 0;
        mp->Fill = 0;

        // Moving the references: no count changes and no user code.
        for (var ep = oldTable; remaining > 0; ep++)
        {
            if (ep->Value != null)
            {
                remaining--;
                ClassicInsertClean(mp, ep->Key, ep->Hash, ep->Value);
            }
            else if (ep->Key != null)
            {
                remaining--;
            }
        }

        if (oldIsBuffer)
        {
            Heap.FreeBuffer(oldTable, (nuint)(oldMask + 1) * (nuint)sizeof(DictEntry));
        }

        return 0;
    }

    /// <summary>insertdict_clean: puts a key known to be absent into the first unused slot of its probe path.</summary>
    private static void ClassicInsertClean(ClassicDictObject* mp, PyObject* key, long hash, PyObject* value)
    {
        var ep0 = mp->Table;
        var mask = (nuint)mp->Mask;
        var i = (nuint)hash & mask;
        var ep = &ep0[i];
        for (var perturb = (nuint)hash; ep->Key != null; perturb >>= PerturbShift)
        {
            i = (i << 2) + i + perturb + 1;
            ep = &ep0[i & mask];
        }

        mp->Fill++;
        ep->Key = key;
        ep->Hash = hash;
        ep->Value = value;
        mp->Used++;
    }

    /// <summary>PyDict_DelItem: the slot becomes a dummy, then the value and the key are released.</summary>
    /// <summary>
    /// 2.7's <c>d.popitem()</c> on a non-empty dict: takes out the item at the search finger kept
    /// in the hash field of slot 0 (slots 1 and up when slot 0 is free) and returns the dict's
    /// references to its key and value. No key is compared or hashed.
    /// </summary>
    internal void ClassicPopItem(PyObject* d, out PyObject* key, out PyObject* value)
    {
        var mp = Classic(d);
        var table = mp->Table;
        var mask = mp->Mask;
        nint i = 0;
        if (table[0].Value == null)
        {
            i = (nint)table[0].Hash;
            if (i > mask || i < 1)
            {
                i = 1;
            }

            while (table[i].Value == null)
            {
                i = i == mask ? 1 : i + 1;
            }
        }

        key = table[i].Key;
        value = table[i].Value;
        table[i].Key = Deleted;
        table[i].Value = null;
        mp->Used--;
        table[0].Hash = i + 1;
    }

    private int ClassicDelete(ClassicDictObject* mp, PyObject* key, long hash)
    {
        var ep = ClassicLookup(mp, key, hash);
        if (ep == null)
        {
            return -1;
        }

        if (ep->Value == null)
        {
            Heap.RaiseKeyError(new PyRef(key));
            return -1;
        }

        var oldKey = ep->Key;
        ep->Key = Deleted;
        var oldValue = ep->Value;
        ep->Value = null;
        mp->Used--;
        Heap.DecRef(oldValue);
        Heap.DecRef(oldKey);
        return 0;
    }

    /// <summary>
    /// PyDict_Clear: empties the dict to its inline table first (copying an inline table
    /// aside), then releases the old keys and values in slot order.
    /// </summary>
    private void ClassicClear(ClassicDictObject* mp)
    {
        var table = mp->Table;
        var mask = mp->Mask;
        var fill = mp->Fill;
        var small = ClassicDictObject.SmallTable(mp);
        var tableIsBuffer = table != small;
        var smallCopy = stackalloc DictEntry[ClassicDictObject.MinSize];
        if (tableIsBuffer)
        {
            EmptyToMinSize(mp);
        }
        else if (fill > 0)
        {
            Buffer.MemoryCopy(table, smallCopy, sizeof(DictEntry) * ClassicDictObject.MinSize, sizeof(DictEntry) * ClassicDictObject.MinSize);
            table = smallCopy;
            EmptyToMinSize(mp);
        }

        for (var ep = table; fill > 0; ep++)
        {
            if (ep->Key != null)
            {
                fill--;
                if (ep->Key != Deleted)
                {
                    Heap.DecRef(ep->Key);
                }

                Heap.XDecRef(ep->Value);
            }
        }

        if (tableIsBuffer)
        {
            Heap.FreeBuffer(table, (nuint)(mask + 1) * (nuint)sizeof(DictEntry));
        }
    }

    /// <summary>
    /// 2.7's dict_dealloc: releases each slot's key then value in slot order, then a heap
    /// table, leaving the slots as they were: nothing can reach a dict being deallocated (its
    /// count is 0, which heap walks skip, and it is untracked), and <see cref="New"/> resets a
    /// recycled block. Unlike <see cref="ClassicClear"/> it neither copies nor clears the inline table.
    /// </summary>
    private void ClassicDeallocContents(ClassicDictObject* mp)
    {
        var table = mp->Table;
        if (table == null)
        {
            return;
        }

        var fill = mp->Fill;
        for (var ep = table; fill > 0; ep++)
        {
            var key = ep->Key;
            if (key != null)
            {
                fill--;
                if (key != Deleted)
                {
                    Heap.DecRef(key);
                }

                Heap.XDecRef(ep->Value);
            }
        }

        if (table != ClassicDictObject.SmallTable(mp))
        {
            Heap.FreeBuffer(table, (nuint)(mp->Mask + 1) * (nuint)sizeof(DictEntry));
        }
    }

    private static void EmptyToMinSize(ClassicDictObject* mp)
    {
        var small = ClassicDictObject.SmallTable(mp);
        new Span<byte>(small, sizeof(DictEntry) * ClassicDictObject.MinSize).Clear();
        mp->Used = 0;
        mp->Fill = 0;
        mp->Table = small;
        mp->Mask = ClassicDictObject.MinSize - 1;
    }

    /// <summary>PyDict_Next over the slots.</summary>
    private static bool ClassicNext(ClassicDictObject* mp, ref nint pos, out PyObject* key, out PyObject* value, out long hash)
    {
        var i = pos;
        var mask = mp->Mask;
        var table = mp->Table;
        while (i >= 0 && i <= mask && table[i].Value == null)
        {
            i++;
        }

        if (i < 0 || i > mask)
        {
            pos = mask + 1;
            key = null;
            value = null;
            hash = 0;
            return false;
        }

        pos = i + 1;
        key = table[i].Key;
        value = table[i].Value;
        hash = table[i].Hash;
        return true;
    }

    /// <summary>
    /// dict_merge of a dict into <paramref name="mp"/> (override): one resize up front when the
    /// items will not fit, then the other's items in its slot order.
    /// </summary>
    private int ClassicMerge(ClassicDictObject* mp, ClassicDictObject* other)
    {
        if (other == mp || other->Used == 0)
        {
            return 0;
        }

        if ((mp->Fill + other->Used) * 3 >= (mp->Mask + 1) * 2 && ClassicResize(mp, (mp->Used + other->Used) * 2) != 0)
        {
            return -1;
        }

        // The other dict may change while keys are compared: its mask and table are read again
        // for every slot.
        for (nint i = 0; i <= other->Mask; i++)
        {
            var entry = &other->Table[i];
            if (entry->Value == null)
            {
                continue;
            }

            var usedBefore = mp->Used;
            Heap.IncRef(entry->Key);
            Heap.IncRef(entry->Value);
            if (ClassicInsert(mp, entry->Key, entry->Hash, entry->Value) != 0)
            {
                return -1;
            }

            // Ours: 2.7 trusts the resize above, which holds unless a comparison grew the
            // other dict; never let the table fill up.
            if (mp->Used > usedBefore && mp->Fill * 3 >= (mp->Mask + 1) * 2 && ClassicResize(mp, (mp->Used > 50000 ? 2 : 4) * mp->Used) != 0)
            {
                return -1;
            }
        }

        return 0;
    }

    /// <summary>2.7's dict_equal: every item of a has an equal value in b; lookup errors count as "not found", as 2.7's PyDict_GetItem swallows them.</summary>
    private int ClassicEqual(ClassicDictObject* a, PyObject* b)
    {
        if (a->Used != Count(b))
        {
            return 0;
        }

        for (nint i = 0; i <= a->Mask; i++)
        {
            var aValue = a->Table[i].Value;
            if (aValue == null)
            {
                continue;
            }

            var key = a->Table[i].Key;
            Heap.IncRef(aValue);
            Heap.IncRef(key);
            var bValue = GetItem(b, key);
            Heap.DecRef(key);
            if (bValue == null)
            {
                if (Heap.ErrorOccurred)
                {
                    Heap.ClearError();
                }

                Heap.DecRef(aValue);
                return 0;
            }

            Heap.IncRef(bValue);
            var cmp = Heap.RichCompareBool(aValue, bValue, CompareOp.Eq);
            Heap.DecRef(aValue);
            Heap.DecRef(bValue);
            if (cmp <= 0)
            {
                return cmp;
            }
        }

        return 1;
    }

    /// <summary><see cref="ClassicTraverse"/> with the collector's visitor inlined (same order).</summary>
    internal static void ClassicTraverseWith<TVisitor>(PyObject* self, ref TVisitor visitor)
        where TVisitor : struct, Gc.IChildVisitor
    {
        var mp = Classic(self);
        var ep = mp->Table;
        var end = ep + mp->Mask + 1;
        for (; ep < end; ep++)
        {
            if (ep->Value != null)
            {
                visitor.Visit(ep->Key);
                visitor.Visit(ep->Value);
            }
        }
    }

    /// <summary>2.7's dict_traverse: each active slot's key, then its value.</summary>
    private static int ClassicTraverse(ClassicDictObject* mp, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        for (nint i = 0; i <= mp->Mask; i++)
        {
            var ep = &mp->Table[i];
            if (ep->Value == null)
            {
                continue;
            }

            var r = visit(ep->Key, arg);
            if (r != 0)
            {
                return r;
            }

            r = visit(ep->Value, arg);
            if (r != 0)
            {
                return r;
            }
        }

        return 0;
    }
}
