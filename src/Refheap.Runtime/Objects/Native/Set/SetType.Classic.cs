using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Set;

/// <summary>py27's set table: CPython 2.7's Objects/setobject.c. Start at <see cref="ClassicLookup"/>.</summary>
/// <remarks>
/// The table works as 2.7's dict does (see DictType.Classic.cs): slots unused → active →
/// dummy; probing <c>i = (i &lt;&lt; 2) + i + perturb + 1; perturb &gt;&gt;= 5</c>; an insertion
/// takes the first dummy on its path; after an insertion that added a key the table is
/// rebuilt when fill * 3 &gt;= slots * 2, to the smallest power of two &gt; used * 4
/// (used * 2 above 50000), reinserting the active slots in old-slot order.
/// </remarks>
internal sealed unsafe partial class SetType
{
    private const int PerturbShift = 5;

    /// <summary>Returned by <see cref="ClassicCompare"/> when the table changed under the comparison.</summary>
    private const int Restart = 2;

    /// <summary>
    /// set_lookkey: the slot holding <paramref name="key"/>, or else the slot an insertion should
    /// use (the first dummy met, or the unused slot that ended the probe); null with the error
    /// set when a comparison failed.
    /// </summary>
    private SetEntry* ClassicLookup(PySetObject* so, PyObject* key, long hash)
    {
    restart:
        var table = so->Table;
        var mask = (nuint)so->Mask;
        var i = (nuint)hash & mask;

        // The first slot is written out before the loop, as in 2.7: most lookups end there, and
        // its tests skip the loop's freeslot bookkeeping (folded into the loop, the same lookups
        // ran up to 5 % slower in fully optimised code).
        var entry = &table[i];
        if (entry->Key == null || entry->Key == key)
        {
            return entry;
        }

        SetEntry* freeslot;
        if (entry->Key == Deleted)
        {
            freeslot = entry;
        }
        else
        {
            if (entry->Hash == hash)
            {
                var cmp = ClassicCompare(so, table, mask, entry, key);
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
                    return entry;
                }
            }

            freeslot = null;
        }

        for (var perturb = (nuint)hash; ; perturb >>= PerturbShift)
        {
            i = (i << 2) + i + perturb + 1;
            entry = &table[i & mask];
            if (entry->Key == null)
            {
                return freeslot == null ? entry : freeslot;
            }

            if (entry->Key == key)
            {
                return entry;
            }

            if (entry->Hash == hash && entry->Key != Deleted)
            {
                var cmp = ClassicCompare(so, table, mask, entry, key);
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
                    return entry;
                }
            }
            else if (entry->Key == Deleted && freeslot == null)
            {
                freeslot = entry;
            }
        }
    }

    /// <summary>Compares a slot's key with <paramref name="key"/>: 1, 0, -1 on error, or <see cref="Restart"/>.</summary>
    private int ClassicCompare(PySetObject* so, SetEntry* table, nuint mask, SetEntry* entry, PyObject* key)
    {
        var startkey = entry->Key;
        var equal = StrKeysEqual(startkey, key, out var decided);
        if (decided)
        {
            return equal ? 1 : 0;
        }

        Heap.IncRef(startkey);
        var cmp = Heap.RichCompareBool(startkey, key, CompareOp.Eq);
        Heap.DecRef(startkey);
        if (cmp < 0)
        {
            return -1;
        }

        // 2.7 checks "table == so->table && entry->key == startkey"; the mask check is ours
        // (a same-address table of another size).
        if (so->Table != table || (nuint)so->Mask != mask || entry->Key != startkey)
        {
            return Restart;
        }

        return cmp;
    }

    /// <summary>set_insert_key: stores a key whose reference the caller gave up (released if already present); 0 or -1.</summary>
    private int ClassicInsertKey(PySetObject* so, PyObject* key, long hash)
    {
        var entry = ClassicLookup(so, key, hash);
        if (entry == null)
        {
            return -1;
        }

        if (entry->Key == null)
        {
            so->Fill++;
            entry->Key = key;
            entry->Hash = hash;
            so->Used++;
        }
        else if (entry->Key == Deleted)
        {
            entry->Key = key;
            entry->Hash = hash;
            so->Used++;
        }
        else
        {
            Heap.DecRef(key);
        }

        return 0;
    }

    /// <summary>set_add_entry: insert (taking a new reference), then grow when fill reached 2/3 of the slots.</summary>
    private int ClassicAdd(PySetObject* so, PyObject* key, long hash)
    {
        var usedBefore = so->Used;
        Heap.IncRef(key);
        if (ClassicInsertKey(so, key, hash) == -1)
        {
            Heap.DecRef(key);
            return -1;
        }

        if (!(so->Used > usedBefore && so->Fill * 3 >= (so->Mask + 1) * 2))
        {
            return 0;
        }

        return ClassicResize(so, so->Used > 50000 ? so->Used * 2 : so->Used * 4);
    }

    /// <summary>set_table_resize: rebuilds with the smallest power-of-two size &gt; <paramref name="minUsed"/>; unchanged on MemoryError.</summary>
    private int ClassicResize(PySetObject* so, nint minUsed)
    {
        var smallCopy = stackalloc SetEntry[PySetObject.MinSize];
        var newTable = ResizeBegin(so, minUsed, smallCopy, out var oldTable, out var oldMask, out var oldIsBuffer, out var done);
        if (newTable == null)
        {
            return done ? 0 : -1;
        }

        var remaining = so->Fill;
        so->Used = 0;
        so->Fill = 0;
        for (var entry = oldTable; remaining > 0; entry++)
        {
            if (entry->Key == null)
            {
                continue;
            }

            remaining--;
            if (entry->Key != Deleted)
            {
                ClassicInsertClean(so, entry->Key, entry->Hash);
            }
        }

        ResizeEnd(oldTable, oldMask, oldIsBuffer);
        return 0;
    }

    /// <summary>set_insert_clean: puts a key known to be absent into the first unused slot on its path.</summary>
    private static void ClassicInsertClean(PySetObject* so, PyObject* key, long hash)
    {
        var table = so->Table;
        var mask = (nuint)so->Mask;
        var i = (nuint)hash & mask;
        var entry = &table[i];
        for (var perturb = (nuint)hash; entry->Key != null; perturb >>= PerturbShift)
        {
            i = (i << 2) + i + perturb + 1;
            entry = &table[i & mask];
        }

        so->Fill++;
        entry->Key = key;
        entry->Hash = hash;
        so->Used++;
    }

    /// <summary>set_discard_entry: the slot becomes a dummy (keeping its hash, as 2.7), then the key is released.</summary>
    private int ClassicDiscard(PySetObject* so, PyObject* key, long hash)
    {
        var entry = ClassicLookup(so, key, hash);
        if (entry == null)
        {
            return -1;
        }

        if (entry->Key == null || entry->Key == Deleted)
        {
            return 0;
        }

        var old = entry->Key;
        entry->Key = Deleted;
        so->Used--;
        Heap.DecRef(old);
        return 1;
    }

    /// <summary>set_merge: one resize up front when the keys will not fit, then the other's keys in its slot order.</summary>
    private int ClassicMerge(PySetObject* so, PySetObject* other)
    {
        if (other == so || other->Used == 0)
        {
            return 0;
        }

        if ((so->Fill + other->Used) * 3 >= (so->Mask + 1) * 2 && ClassicResize(so, (so->Used + other->Used) * 2) != 0)
        {
            return -1;
        }

        // The other set may change while keys are compared: its mask and table are read again.
        for (nint i = 0; i <= other->Mask; i++)
        {
            var entry = &other->Table[i];
            var key = entry->Key;
            if (key == null || key == Deleted)
            {
                continue;
            }

            var usedBefore = so->Used;
            Heap.IncRef(key);
            if (ClassicInsertKey(so, key, entry->Hash) == -1)
            {
                Heap.DecRef(key);
                return -1;
            }

            // Ours: 2.7 trusts the resize above, which holds unless a comparison grew the other set.
            if (so->Used > usedBefore && so->Fill * 3 >= (so->Mask + 1) * 2 && ClassicResize(so, so->Used * 4) != 0)
            {
                return -1;
            }
        }

        return 0;
    }

    /// <summary>set_update_internal for an exact dict: one resize up front, then its keys in the dict's order with their stored hashes.</summary>
    private int ClassicUpdateFromDict(PySetObject* so, PyObject* dict)
    {
        var dicts = Heap.Types.Dict;
        var size = dicts.Count(dict);
        if ((so->Fill + size) * 3 >= (so->Mask + 1) * 2 && ClassicResize(so, (so->Used + size) * 2) != 0)
        {
            return -1;
        }

        nint pos = 0;
        while (dicts.NextEntry(dict, ref pos, out var key, out _, out var hash))
        {
            if (ClassicAdd(so, key, hash) < 0)
            {
                return -1;
            }
        }

        return 0;
    }

    /// <summary>2.7's frozenset_hash: xor of shuffled key hashes in slot order, mixed with the size.</summary>
    private static long ClassicFrozenHash(PySetObject* so)
    {
        unchecked
        {
            long hash = 1927868237L;
            hash *= so->Used + 1;
            nint pos = 0;
            while (NextEntry(so, ref pos, out _, out var h))
            {
                hash ^= (h ^ (h << 16) ^ 89869747L) * 3644798167u;
            }

            hash = (hash * 69069L) + 907133923L;
            return hash == -1 ? 590923713L : hash;
        }
    }

    /// <summary>
    /// First half of set_table_resize, shared by both tables: picks the new table (inline or a
    /// new buffer) and installs it empty; <paramref name="oldTable"/> is then where the old
    /// slots are read (an inline table rebuilt in place is first copied to <paramref name="smallCopy"/>).
    /// Null when there is nothing to do (<paramref name="done"/>) or on MemoryError (set unchanged).
    /// </summary>
    private SetEntry* ResizeBegin(PySetObject* so, nint minUsed, SetEntry* smallCopy, out SetEntry* oldTable, out nint oldMask, out bool oldIsBuffer, out bool done)
    {
        done = false;
        oldTable = so->Table;
        oldMask = so->Mask;
        var small = PySetObject.SmallTable(so);
        oldIsBuffer = oldTable != small;
        nint newSize = PySetObject.MinSize;
        while (newSize <= minUsed && newSize > 0)
        {
            newSize <<= 1;
        }

        if (newSize <= 0 || newSize > nint.MaxValue / sizeof(SetEntry))
        {
            Heap.SetNoMemory();
            return null;
        }

        SetEntry* newTable;
        if (newSize == PySetObject.MinSize)
        {
            newTable = small;
            if (newTable == oldTable)
            {
                if (so->Fill == so->Used)
                {
                    // No dummies: nothing to gain.
                    done = true;
                    return null;
                }

                // Rebuilding the inline table in place: read from a copy.
                Buffer.MemoryCopy(oldTable, smallCopy, sizeof(SetEntry) * PySetObject.MinSize, sizeof(SetEntry) * PySetObject.MinSize);
                oldTable = smallCopy;
            }
        }
        else
        {
            newTable = (SetEntry*)Heap.AllocBuffer((nuint)newSize * (nuint)sizeof(SetEntry));
            if (newTable == null)
            {
                return null;
            }
        }

        NativeMemory.Clear(newTable, (nuint)newSize * (nuint)sizeof(SetEntry));
        so->Mask = newSize - 1;
        so->Table = newTable;
        return newTable;
    }

    /// <summary>Second half of set_table_resize: frees the old table when it was a buffer.</summary>
    private void ResizeEnd(SetEntry* oldTable, nint oldMask, bool oldIsBuffer)
    {
        if (oldIsBuffer)
        {
            Heap.FreeBuffer(oldTable, (nuint)(oldMask + 1) * (nuint)sizeof(SetEntry));
        }
    }
}
