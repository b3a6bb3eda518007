using System.Runtime.CompilerServices;

namespace Refheap.Objects.Native.Set;

/// <summary>py312's set table: CPython 3.12's Objects/setobject.c. Start at <see cref="LinearLookup"/>.</summary>
/// <remarks>
/// Probing looks at slot <c>i</c> and, when they fit before the table's end, the
/// <see cref="LinearProbes"/> slots after it, then jumps:
/// <c>perturb &gt;&gt;= 5; i = (i * 5 + 1 + perturb) &amp; mask</c>. Unused slots are
/// (null, 0), dummies (dummy, -1), so a probe stops at <c>hash == 0 &amp;&amp; key == null</c>.
/// An insertion reuses the last dummy seen on its path; one that takes an unused slot
/// grows the table when fill * 5 &gt;= mask * 3, to the smallest power of two &gt; used * 4
/// (used * 2 above 50000).
/// </remarks>
internal sealed unsafe partial class SetType
{
    /// <summary>LINEAR_PROBES: neighbouring slots examined before a jump.</summary>
    private const int LinearProbes = 9;

    /// <summary>
    /// set_lookkey: the slot holding <paramref name="key"/>, or the unused slot that ended the
    /// probe; null with the error set when a comparison failed.
    /// </summary>
    private SetEntry* LinearLookup(PySetObject* so, PyObject* key, long hash)
    {
    restart:
        var mask = (nuint)so->Mask;
        var perturb = (nuint)hash;
        var i = (nuint)hash & mask;
        while (true)
        {
            var entry = &so->Table[i];
            var probes = i + LinearProbes <= mask ? LinearProbes : 0;
            do
            {
                if (entry->Hash == 0 && entry->Key == null)
                {
                    return entry;
                }

                if (entry->Hash == hash)
                {
                    var startkey = entry->Key;
                    if (startkey == key)
                    {
                        return entry;
                    }

                    var equal = StrKeysEqual(startkey, key, out var decided);
                    if (decided)
                    {
                        if (equal)
                        {
                            return entry;
                        }
                    }
                    else
                    {
                        // set_lookkey's order: an error, then a changed table, then a match.
                        var cmp = LinearRichCompare(so, entry, key, out var changed);
                        if (cmp < 0)
                        {
                            return null;
                        }

                        if (changed)
                        {
                            goto restart;
                        }

                        if (cmp > 0)
                        {
                            return entry;
                        }

                        mask = (nuint)so->Mask;
                    }
                }

                entry++;
            }
            while (probes-- > 0);

            perturb >>= PerturbShift;
            i = ((i * 5) + 1 + perturb) & mask;
        }
    }

    /// <summary>
    /// The slow comparison of set_lookkey and set_add_entry, for a slot whose hash equals
    /// <paramref name="key"/>'s but whose key is neither the same object nor an exact str
    /// like it: <c>startkey == key</c> through user code. 1, 0, or -1 with the error set;
    /// <paramref name="changed"/>: the comparison replaced the table or the slot's key, so the
    /// probe must restart (each caller weighs that against the result in its 3.12 order).
    /// </summary>
    /// <remarks>
    /// Not inlined: user code runs here anyway, and the probe loops keep their registers for
    /// the fast tests.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int LinearRichCompare(PySetObject* so, SetEntry* entry, PyObject* key, out bool changed)
    {
        var startkey = entry->Key;
        var table = so->Table;
        var tableMask = so->Mask;
        Heap.IncRef(startkey);
        var cmp = Heap.RichCompareBool(startkey, key, CompareOp.Eq);
        Heap.DecRef(startkey);

        // 3.12 restarts when "table != so->table || entry->key != startkey"; the mask check is
        // ours (a same-address table of another size).
        changed = table != so->Table || tableMask != so->Mask || entry->Key != startkey;
        return cmp;
    }

    /// <summary>set_add_entry: adds a key (taking a new reference); 0, or -1 with the error set.</summary>
    private int LinearAdd(PySetObject* so, PyObject* key, long hash)
    {
        // Taken first, as CPython: a comparison's code must not be able to free the key.
        Heap.IncRef(key);
        SetEntry* entry;
        SetEntry* freeslot;
        nuint mask;

    restart:
        mask = (nuint)so->Mask;
        var i = (nuint)hash & mask;
        freeslot = null;
        var perturb = (nuint)hash;
        while (true)
        {
            entry = &so->Table[i];
            var probes = i + LinearProbes <= mask ? LinearProbes : 0;
            do
            {
                if (entry->Hash == 0 && entry->Key == null)
                {
                    goto foundUnusedOrDummy;
                }

                if (entry->Hash == hash)
                {
                    var startkey = entry->Key;
                    if (startkey == key)
                    {
                        goto foundActive;
                    }

                    var equal = StrKeysEqual(startkey, key, out var decided);
                    if (decided)
                    {
                        if (equal)
                        {
                            goto foundActive;
                        }
                    }
                    else
                    {
                        // set_add_entry's order: a match (even in a changed table), then an
                        // error, then a changed table.
                        var cmp = LinearRichCompare(so, entry, key, out var changed);
                        if (cmp > 0)
                        {
                            goto foundActive;
                        }

                        if (cmp < 0)
                        {
                            Heap.DecRef(key);
                            return -1;
                        }

                        if (changed)
                        {
                            goto restart;
                        }

                        mask = (nuint)so->Mask;
                    }
                }
                else if (entry->Hash == -1)
                {
                    freeslot = entry;
                }

                entry++;
            }
            while (probes-- > 0);

            perturb >>= PerturbShift;
            i = ((i * 5) + 1 + perturb) & mask;
        }

    foundUnusedOrDummy:
        if (freeslot != null)
        {
            so->Used++;
            freeslot->Key = key;
            freeslot->Hash = hash;
            return 0;
        }

        so->Fill++;
        so->Used++;
        entry->Key = key;
        entry->Hash = hash;
        if ((nuint)so->Fill * 5 < mask * 3)
        {
            return 0;
        }

        return LinearResize(so, so->Used > 50000 ? so->Used * 2 : so->Used * 4);

    foundActive:
        Heap.DecRef(key);
        return 0;
    }

    /// <summary>set_insert_clean: puts a key known to be absent into the first unused slot on its path.</summary>
    private static void LinearInsertClean(SetEntry* table, nuint mask, PyObject* key, long hash)
    {
        var perturb = (nuint)hash;
        var i = (nuint)hash & mask;
        while (true)
        {
            var entry = &table[i];
            if (entry->Key == null)
            {
                entry->Key = key;
                entry->Hash = hash;
                return;
            }

            if (i + LinearProbes <= mask)
            {
                for (var j = 0; j < LinearProbes; j++)
                {
                    entry++;
                    if (entry->Key == null)
                    {
                        entry->Key = key;
                        entry->Hash = hash;
                        return;
                    }
                }
            }

            perturb >>= PerturbShift;
            i = ((i * 5) + 1 + perturb) & mask;
        }
    }

    /// <summary>set_table_resize: rebuilds with the smallest power-of-two size &gt; <paramref name="minUsed"/>; unchanged on MemoryError.</summary>
    private int LinearResize(PySetObject* so, nint minUsed)
    {
        var smallCopy = stackalloc SetEntry[PySetObject.MinSize];
        var newTable = ResizeBegin(so, minUsed, smallCopy, out var oldTable, out var oldMask, out var oldIsBuffer, out var done);
        if (newTable == null)
        {
            return done ? 0 : -1;
        }

        var newMask = (nuint)so->Mask;
        var hasDummies = so->Fill != so->Used;
        so->Fill = so->Used;
        for (var entry = oldTable; entry <= oldTable + oldMask; entry++)
        {
            if (entry->Key != null && (!hasDummies || entry->Key != Deleted))
            {
                LinearInsertClean(newTable, newMask, entry->Key, entry->Hash);
            }
        }

        ResizeEnd(oldTable, oldMask, oldIsBuffer);
        return 0;
    }

    /// <summary>set_discard_entry: the slot becomes (dummy, -1), then the key is released.</summary>
    private int LinearDiscard(PySetObject* so, PyObject* key, long hash)
    {
        var entry = LinearLookup(so, key, hash);
        if (entry == null)
        {
            return -1;
        }

        if (entry->Key == null)
        {
            return 0;
        }

        var old = entry->Key;
        entry->Key = Deleted;
        entry->Hash = -1;
        so->Used--;
        Heap.DecRef(old);
        return 1;
    }

    /// <summary>
    /// set_merge: one resize up front when the keys will not fit; an empty target copies the
    /// slots directly (same size, no dummies) or reinserts cleanly; otherwise regular additions.
    /// </summary>
    private int LinearMerge(PySetObject* so, PySetObject* other)
    {
        if (other == so || other->Used == 0)
        {
            return 0;
        }

        if ((so->Fill + other->Used) * 5 >= so->Mask * 3 && LinearResize(so, (so->Used + other->Used) * 2) != 0)
        {
            return -1;
        }

        var soEntry = so->Table;
        var otherEntry = other->Table;
        if (so->Fill == 0 && so->Mask == other->Mask && other->Fill == other->Used)
        {
            for (nint i = 0; i <= other->Mask; i++, soEntry++, otherEntry++)
            {
                var key = otherEntry->Key;
                if (key != null)
                {
                    Heap.IncRef(key);
                    soEntry->Key = key;
                    soEntry->Hash = otherEntry->Hash;
                }
            }

            so->Fill = other->Fill;
            so->Used = other->Used;
            return 0;
        }

        if (so->Fill == 0)
        {
            var newMask = (nuint)so->Mask;
            so->Fill = other->Used;
            so->Used = other->Used;
            for (var i = other->Mask + 1; i > 0; i--, otherEntry++)
            {
                var key = otherEntry->Key;
                if (key != null && key != Deleted)
                {
                    Heap.IncRef(key);
                    LinearInsertClean(so->Table, newMask, key, otherEntry->Hash);
                }
            }

            return 0;
        }

        // Duplicates are possible: regular additions, which may run comparisons; the other
        // set's table is read again for every slot.
        for (nint i = 0; i <= other->Mask; i++)
        {
            var entry = &other->Table[i];
            var key = entry->Key;
            if (key != null && key != Deleted && LinearAdd(so, key, entry->Hash) != 0)
            {
                return -1;
            }
        }

        return 0;
    }

    /// <summary>set_update_internal for an exact dict: one resize up front, then its keys in the dict's order with their stored hashes.</summary>
    private int LinearUpdateFromDict(PySetObject* so, PyObject* dict)
    {
        var dicts = Heap.Types.Dict;
        var size = dicts.Count(dict);
        if ((so->Fill + size) * 5 >= so->Mask * 3 && LinearResize(so, (so->Used + size) * 2) != 0)
        {
            return -1;
        }

        nint pos = 0;
        while (dicts.NextEntry(dict, ref pos, out var key, out _, out var hash))
        {
            if (LinearAdd(so, key, hash) != 0)
            {
                return -1;
            }
        }

        return 0;
    }

    /// <summary>3.12's frozenset_hash: xor of shuffled hashes over every slot, corrected for unused and dummy slots, mixed with the size.</summary>
    private static long LinearFrozenHash(PySetObject* so)
    {
        unchecked
        {
            ulong hash = 0;
            for (var entry = so->Table; entry <= so->Table + so->Mask; entry++)
            {
                hash ^= ShuffleBits((ulong)entry->Hash);
            }

            if (((so->Mask + 1 - so->Fill) & 1) != 0)
            {
                hash ^= ShuffleBits(0);
            }

            if (((so->Fill - so->Used) & 1) != 0)
            {
                hash ^= ShuffleBits(ulong.MaxValue);
            }

            hash ^= ((ulong)so->Used + 1) * 1927868237UL;
            hash ^= (hash >> 11) ^ (hash >> 25);
            hash = (hash * 69069U) + 907133923UL;
            if (hash == ulong.MaxValue)
            {
                hash = 590923713UL;
            }

            return (long)hash;
        }
    }

    private static ulong ShuffleBits(ulong h) => unchecked(((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL);
}
