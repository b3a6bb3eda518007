using System.Runtime.InteropServices;
using Refheap.Gc;
using Refheap.Objects.Native.Str;

namespace Refheap.Objects.Native.Dict;

/// <summary>
/// py312's table: CPython 3.12's compact dict (Objects/dictobject.c). Start at <see cref="CompactLookup"/>.
/// </summary>
/// <remarks>
/// <code>
///  indices (1, 2, 4 or 8 bytes each)          entries, insertion order
///  ┌────┬────┬────┬────┬────┬────┬────┬────┐  ┌───┬────────┬────────┐
///  │ -1 │  1 │ -1 │ -2 │  0 │ -1 │ -1 │ -1 │  │ 0 │ 'a': 1 │        │
///  └────┴────┴────┴────┴────┴────┴────┴────┘  │ 1 │ 'b': 2 │        │
///  -1 empty, -2 dummy (deleted), n entry n     │ 2 │ (deleted: all zero) │
///                                              └───┴────────┴────────┘
/// </code>
/// Probing (<see cref="IndexProbe"/>): <c>i = hash &amp; mask</c>, then <c>perturb &gt;&gt;= 5; i = (i*5 + perturb + 1) &amp; mask</c>.
/// A table has room for 2/3 of its index slots in entries; when they are used up (deleted
/// ones included) the dict is rebuilt with size = used * 3 rounded up to a power of two,
/// which also drops the deleted entries. Deleting only marks the index a dummy and zeroes
/// the entry. Tables whose keys are all exact strs keep 16-byte entries (key, value) and read
/// the hash from the str, as 3.12's DICT_KEYS_UNICODE; inserting any other key converts the
/// table to 24-byte entries (hash, key, value) by resizing it.
/// </remarks>
internal sealed unsafe partial class DictType
{
    private const int MinLog2Size = 3;
    private const nint IxEmpty = -1;
    private const nint IxDummy = -2;
    private const nint IxError = -3;

    /// <summary>Bytes of a minimal str-keyed table: header, 8 one-byte indices, 5 entries of 16 bytes.</summary>
    private static readonly nuint MinUnicodeKeysSize = DictKeysObject.HeaderSize + 8 + (5 * 16);

    private static nint UsableFraction(nint size) => (size << 1) / 3;

    /// <summary>log2 of the smallest power of two &gt;= max(<paramref name="minSize"/>, 8) (calculate_log2_keysize).</summary>
    private static int CalculateLog2KeySize(nint minSize)
    {
        var log2 = MinLog2Size;
        while (((nint)1 << log2) < minSize)
        {
            log2++;
        }

        return log2;
    }

    /// <summary>The table size that holds <paramref name="n"/> entries with room to spare (estimate_log2_keysize).</summary>
    private static int EstimateLog2KeySize(nint n) => CalculateLog2KeySize(((n * 3) + 1) / 2);

    private static bool IsUnicode(DictKeysObject* dk) => dk->Kind == DictKeysObject.Unicode;

    private static int EntrySize(DictKeysObject* dk) => IsUnicode(dk) ? 16 : sizeof(DictEntry);

    private static byte* Indices(DictKeysObject* dk) => (byte*)dk + DictKeysObject.HeaderSize;

    private static byte* Entries(DictKeysObject* dk) => Indices(dk) + ((nint)1 << dk->Log2IndexBytes);

    /// <summary>_PyDict_KeysSize: header, indices and the usable entries.</summary>
    private static nint KeysSize(DictKeysObject* dk) =>
        DictKeysObject.HeaderSize + ((nint)1 << dk->Log2IndexBytes) + (UsableFraction((nint)1 << dk->Log2Size) * EntrySize(dk));

    private static nint GetIndex(DictKeysObject* dk, nuint i)
    {
        var indices = Indices(dk);
        return (dk->Log2IndexBytes - dk->Log2Size) switch
        {
            0 => ((sbyte*)indices)[i],
            1 => ((short*)indices)[i],
            2 => ((int*)indices)[i],
            _ => (nint)((long*)indices)[i],
        };
    }

    private static void SetIndex(DictKeysObject* dk, nuint i, nint ix)
    {
        var indices = Indices(dk);
        switch (dk->Log2IndexBytes - dk->Log2Size)
        {
            case 0: ((sbyte*)indices)[i] = (sbyte)ix; break;
            case 1: ((short*)indices)[i] = (short)ix; break;
            case 2: ((int*)indices)[i] = (int)ix; break;
            default: ((long*)indices)[i] = ix; break;
        }
    }

    private static PyObject** KeyAt(DictKeysObject* dk, nint ix) =>
        IsUnicode(dk) ? (PyObject**)(Entries(dk) + (ix * 16)) : &((DictEntry*)Entries(dk))[ix].Key;

    private static PyObject** ValueAt(DictKeysObject* dk, nint ix) =>
        IsUnicode(dk) ? (PyObject**)(Entries(dk) + (ix * 16) + 8) : &((DictEntry*)Entries(dk))[ix].Value;

    /// <summary>An entry's hash: stored (general table) or the str key's cached hash (str-keyed table).</summary>
    private static long HashAt(DictKeysObject* dk, nint ix) =>
        IsUnicode(dk) ? ((PyStrObject*)*KeyAt(dk, ix))->Hash : ((DictEntry*)Entries(dk))[ix].Hash;

    private static void SetEntry(DictKeysObject* dk, nint ix, PyObject* key, long hash, PyObject* value)
    {
        if (IsUnicode(dk))
        {
            var e = (PyObject**)(Entries(dk) + (ix * 16));
            e[0] = key;
            e[1] = value;
        }
        else
        {
            var e = &((DictEntry*)Entries(dk))[ix];
            e->Hash = hash;
            e->Key = key;
            e->Value = value;
        }
    }

    /// <summary>new_keys_object: an empty table of 2**<paramref name="log2Size"/> slots, or null with MemoryError set.</summary>
    private DictKeysObject* NewKeys(int log2Size, bool unicode)
    {
        if (log2Size > 40)
        {
            Heap.SetNoMemory();
            return null;
        }

        // 3.12: indices are 1 byte up to 128 slots, 2 up to 2**15, 4 up to 2**31, else 8.
        var log2Bytes = log2Size < 8 ? log2Size : log2Size < 16 ? log2Size + 1 : log2Size < 32 ? log2Size + 2 : log2Size + 3;
        var usable = UsableFraction((nint)1 << log2Size);
        var entrySize = unicode ? 16 : sizeof(DictEntry);
        DictKeysObject* dk = null;
        if (log2Size == MinLog2Size && unicode)
        {
            dk = (DictKeysObject*)_keysFreeList!.TryPop();
        }

        if (dk == null)
        {
            dk = (DictKeysObject*)Heap.AllocBuffer((nuint)(DictKeysObject.HeaderSize + ((nint)1 << log2Bytes) + (usable * entrySize)));
            if (dk == null)
            {
                return null;
            }
        }

        dk->RefCount = 1;
        dk->Log2Size = (byte)log2Size;
        dk->Log2IndexBytes = (byte)log2Bytes;
        dk->Kind = unicode ? DictKeysObject.Unicode : DictKeysObject.General;
        dk->Version = 0;
        dk->Usable = usable;
        dk->NEntries = 0;
        NativeMemory.Fill(Indices(dk), (nuint)1 << log2Bytes, 0xff);
        NativeMemory.Clear(Entries(dk), (nuint)(usable * entrySize));
        return dk;
    }

    /// <summary>Returns a table's memory (its references were released or moved); minimal str-keyed tables go to the free list.</summary>
    private void FreeKeys(DictKeysObject* dk)
    {
        if (dk->Log2Size == MinLog2Size && IsUnicode(dk) && _keysFreeList!.TryPush((PyObject*)dk))
        {
            return;
        }

        Heap.FreeBuffer(dk, (nuint)KeysSize(dk));
    }

    /// <summary>Replaces the table (bumping the version that lookups check), then frees the old one's memory.</summary>
    private static void SetKeys(CompactDictObject* mp, DictKeysObject* dk)
    {
        mp->Keys = dk;
        mp->TableVersion++;
    }

    /// <summary>
    /// _Py_dict_lookup: the entry index of <paramref name="key"/>, <see cref="IxEmpty"/> when
    /// absent, or <see cref="IxError"/> with the error set.
    /// </summary>
    private nint CompactLookup(CompactDictObject* mp, PyObject* key, long hash)
    {
    restart:
        var dk = mp->Keys;
        if (dk == null)
        {
            return IxEmpty;
        }

        for (var probe = new IndexProbe(dk, hash); ; probe.Next())
        {
            var ix = GetIndex(dk, probe.Slot);
            if (ix >= 0)
            {
                var startkey = *KeyAt(dk, ix);
                if (startkey == key)
                {
                    return ix;
                }

                if (HashAt(dk, ix) == hash)
                {
                    if (BothStr(startkey, key))
                    {
                        if (StrKeys.Equal(startkey, key))
                        {
                            return ix;
                        }
                    }
                    else
                    {
                        var version = mp->TableVersion;
                        Heap.IncRef(startkey);
                        var cmp = Heap.RichCompareBool(startkey, key, CompareOp.Eq);
                        Heap.DecRef(startkey);
                        if (cmp < 0)
                        {
                            return IxError;
                        }

                        // 3.12 restarts unless "dk == mp->ma_keys && ep->me_key == startkey";
                        // the version also catches a new table at the old one's address.
                        if (mp->TableVersion != version || *KeyAt(dk, ix) != startkey)
                        {
                            goto restart;
                        }

                        if (cmp > 0)
                        {
                            return ix;
                        }
                    }
                }
            }
            else if (ix == IxEmpty)
            {
                return IxEmpty;
            }
        }
    }

    /// <summary>The value for a str key given as text, comparing exact str keys only.</summary>
    private PyObject* CompactLookupText(CompactDictObject* mp, ReadOnlySpan<char> text, long hash)
    {
        var dk = mp->Keys;
        if (dk == null)
        {
            return null;
        }

        for (var probe = new IndexProbe(dk, hash); ; probe.Next())
        {
            var ix = GetIndex(dk, probe.Slot);
            if (ix >= 0)
            {
                var k = *KeyAt(dk, ix);
                if (k->Type == _str && HashAt(dk, ix) == hash && StrType.EqualsText(k, text))
                {
                    return *ValueAt(dk, ix);
                }
            }
            else if (ix == IxEmpty)
            {
                return null;
            }
        }
    }

    /// <summary>find_empty_slot: the first empty or dummy index slot on the probe path.</summary>
    private static nuint FindEmptySlot(DictKeysObject* dk, long hash)
    {
        var probe = new IndexProbe(dk, hash);
        while (GetIndex(dk, probe.Slot) >= 0)
        {
            probe.Next();
        }

        return probe.Slot;
    }

    /// <summary>lookdict_index: the index slot that holds entry <paramref name="index"/>.</summary>
    private static nuint LookupIndexSlot(DictKeysObject* dk, long hash, nint index)
    {
        for (var probe = new IndexProbe(dk, hash); ; probe.Next())
        {
            var ix = GetIndex(dk, probe.Slot);
            if (ix == index)
            {
                return probe.Slot;
            }

            if (ix == IxEmpty)
            {
                throw new InvalidOperationException("dict table corrupted: an entry's index slot is missing");
            }
        }
    }

    /// <summary>
    /// insertdict: stores a key and value whose references the caller gave up; 0, or -1 with
    /// the error set (both released).
    /// </summary>
    private int CompactInsert(PyObject* d, PyObject* key, long hash, PyObject* value)
    {
        var mp = (CompactDictObject*)d;
        var keyIsStr = key->Type == _str;
        if (mp->Keys == null)
        {
            return CompactInsertToEmpty(mp, key, hash, value);
        }

        if (IsUnicode(mp->Keys) && !keyIsStr && CompactResize(mp, CalculateLog2KeySize(mp->Used * 3), unicode: false) < 0)
        {
            goto fail;
        }

        var ix = CompactLookup(mp, key, hash);
        if (ix == IxError)
        {
            goto fail;
        }

        MaintainTracking(d, key, value);
        if (ix == IxEmpty)
        {
            // The comparisons may have cleared or converted the table meanwhile.
            var dk = mp->Keys;
            if ((dk == null || dk->Usable <= 0) && CompactResize(mp, CalculateLog2KeySize(mp->Used * 3), keyIsStr) < 0)
            {
                goto fail;
            }

            dk = mp->Keys;
            if (IsUnicode(dk) && !keyIsStr)
            {
                if (CompactResize(mp, dk->Log2Size, unicode: false) < 0)
                {
                    goto fail;
                }

                dk = mp->Keys;
            }

            var n = dk->NEntries;
            SetIndex(dk, FindEmptySlot(dk, hash), n);
            SetEntry(dk, n, key, hash, value);
            mp->Used++;
            dk->Usable--;
            dk->NEntries++;
            return 0;
        }

        var slot = ValueAt(mp->Keys, ix);
        var old = *slot;
        *slot = value;
        Heap.DecRef(old);
        Heap.DecRef(key);
        return 0;

    fail:
        Heap.DecRef(value);
        Heap.DecRef(key);
        return -1;
    }

    /// <summary>insert_to_emptydict: the first item gets a minimal table, str-keyed when the key is a str.</summary>
    private int CompactInsertToEmpty(CompactDictObject* mp, PyObject* key, long hash, PyObject* value)
    {
        var dk = NewKeys(MinLog2Size, key->Type == _str);
        if (dk == null)
        {
            Heap.DecRef(value);
            Heap.DecRef(key);
            return -1;
        }

        SetKeys(mp, dk);
        MaintainTracking((PyObject*)mp, key, value);
        SetIndex(dk, (nuint)hash & (((nuint)1 << MinLog2Size) - 1), 0);
        SetEntry(dk, 0, key, hash, value);
        mp->Used++;
        dk->Usable--;
        dk->NEntries++;
        return 0;
    }

    /// <summary>
    /// dictresize: moves the live entries, in order, into a new table of 2**<paramref name="log2NewSize"/>
    /// slots (general once any table was general). On MemoryError the dict is unchanged.
    /// </summary>
    private int CompactResize(CompactDictObject* mp, int log2NewSize, bool unicode)
    {
        var oldKeys = mp->Keys;
        if (oldKeys != null && !IsUnicode(oldKeys))
        {
            unicode = false;
        }

        var newKeys = NewKeys(log2NewSize, unicode);
        if (newKeys == null)
        {
            return -1;
        }

        var count = mp->Used;
        if (oldKeys != null)
        {
            // Moving the references: no count changes and no user code.
            nint j = 0;
            for (nint i = 0; j < count; i++)
            {
                var value = *ValueAt(oldKeys, i);
                if (value != null)
                {
                    SetEntry(newKeys, j++, *KeyAt(oldKeys, i), HashAt(oldKeys, i), value);
                }
            }

            BuildIndices(newKeys, count);
        }

        newKeys->Usable -= count;
        newKeys->NEntries = count;
        SetKeys(mp, newKeys);
        if (oldKeys != null)
        {
            FreeKeys(oldKeys);
        }

        return 0;
    }

    /// <summary>build_indices: points the index slots at entries 0..n-1 of a fresh table.</summary>
    private static void BuildIndices(DictKeysObject* dk, nint n)
    {
        for (nint ix = 0; ix < n; ix++)
        {
            var probe = new IndexProbe(dk, HashAt(dk, ix));
            while (GetIndex(dk, probe.Slot) != IxEmpty)
            {
                probe.Next();
            }

            SetIndex(dk, probe.Slot, ix);
        }
    }

    /// <summary>delitem_common: the index becomes a dummy and the entry is zeroed, then the key and the value are released.</summary>
    private int CompactDelete(CompactDictObject* mp, PyObject* key, long hash)
    {
        var ix = CompactLookup(mp, key, hash);
        if (ix == IxError)
        {
            return -1;
        }

        if (ix == IxEmpty)
        {
            Heap.RaiseKeyError(new PyRef(key));
            return -1;
        }

        var dk = mp->Keys;
        var slot = LookupIndexSlot(dk, hash, ix);
        mp->Used--;
        SetIndex(dk, slot, IxDummy);
        var oldKey = *KeyAt(dk, ix);
        var oldValue = *ValueAt(dk, ix);
        SetEntry(dk, ix, null, 0, null);
        Heap.DecRef(oldKey);
        Heap.DecRef(oldValue);
        return 0;
    }

    /// <summary>PyDict_Clear: the dict gets the empty table first; then the old table's items are released in entry order.</summary>
    private void CompactClear(CompactDictObject* mp)
    {
        Unmark(mp);
        var dk = mp->Keys;
        if (dk == null)
        {
            return;
        }

        SetKeys(mp, null);
        mp->Used = 0;
        ReleaseKeys(dk);
    }

    /// <summary>free_keys_object: releases each entry's key then value, then the table's memory.</summary>
    private void ReleaseKeys(DictKeysObject* dk)
    {
        var n = dk->NEntries;
        for (nint i = 0; i < n; i++)
        {
            Heap.XDecRef(*KeyAt(dk, i));
            Heap.XDecRef(*ValueAt(dk, i));
        }

        FreeKeys(dk);
    }

    /// <summary>PyDict_Next over the entries.</summary>
    private static bool CompactNext(CompactDictObject* mp, ref nint pos, out PyObject* key, out PyObject* value, out long hash)
    {
        var dk = mp->Keys;
        var i = pos;
        if (dk != null && i >= 0)
        {
            var n = dk->NEntries;
            while (i < n && *ValueAt(dk, i) == null)
            {
                i++;
            }

            if (i < n)
            {
                pos = i + 1;
                key = *KeyAt(dk, i);
                value = *ValueAt(dk, i);
                hash = HashAt(dk, i);
                return true;
            }

            pos = n;
        }

        key = null;
        value = null;
        hash = 0;
        return false;
    }

    /// <summary>clone_combined_dict_keys: a copy of a table with new references to its keys and values.</summary>
    private DictKeysObject* CloneKeys(DictKeysObject* source)
    {
        var size = (nuint)KeysSize(source);
        var dk = (DictKeysObject*)Heap.AllocBuffer(size);
        if (dk == null)
        {
            return null;
        }

        Buffer.MemoryCopy(source, dk, size, size);
        for (nint i = 0; i < dk->NEntries; i++)
        {
            var value = *ValueAt(dk, i);
            if (value != null)
            {
                Heap.IncRef(value);
                Heap.IncRef(*KeyAt(dk, i));
            }
        }

        return dk;
    }

    /// <summary>
    /// PyDict_Copy into the fresh dict <paramref name="copy"/>: the table is cloned when at most
    /// a third of its entries are deleted ones, otherwise the items are merged (compacting).
    /// </summary>
    private int CompactCopyInto(CompactDictObject* copy, CompactDictObject* mp)
    {
        if (mp->Used == 0)
        {
            return 0;
        }

        if (mp->Used >= (mp->Keys->NEntries * 2) / 3)
        {
            var keys = CloneKeys(mp->Keys);
            if (keys == null)
            {
                return -1;
            }

            SetKeys(copy, keys);
            copy->Used = mp->Used;
            if (Collector.IsTracked((PyObject*)mp))
            {
                Heap.Gc.Track((PyObject*)copy);
            }

            return 0;
        }

        return CompactMerge(copy, mp);
    }

    /// <summary>
    /// dict_merge of a dict into <paramref name="mp"/> (override): an empty target takes a clone
    /// of a clean source table; otherwise one resize up front, then the items in order.
    /// </summary>
    private int CompactMerge(CompactDictObject* mp, CompactDictObject* other)
    {
        if (other == mp || other->Used == 0)
        {
            return 0;
        }

        var otherKeys = other->Keys;
        if (mp->Used == 0
            && other->Used == otherKeys->NEntries
            && (otherKeys->Log2Size == MinLog2Size || UsableFraction(((nint)1 << otherKeys->Log2Size) / 2) < other->Used))
        {
            var keys = CloneKeys(otherKeys);
            if (keys == null)
            {
                return -1;
            }

            var oldKeys = mp->Keys;
            SetKeys(mp, keys);
            mp->Used = other->Used;
            if (Collector.IsTracked((PyObject*)other))
            {
                Heap.Gc.Track((PyObject*)mp);
            }

            if (oldKeys != null)
            {
                // Empty (Used was 0): its entries hold no references.
                FreeKeys(oldKeys);
            }

            return 0;
        }

        var size = mp->Keys == null ? (nint)1 << MinLog2Size : (nint)1 << mp->Keys->Log2Size;
        if (UsableFraction(size) < other->Used
            && CompactResize(mp, EstimateLog2KeySize(mp->Used + other->Used), IsUnicode(otherKeys)) != 0)
        {
            return -1;
        }

        var originalEntries = otherKeys->NEntries;
        nint pos = 0;
        while (CompactNext(other, ref pos, out var key, out var value, out var hash))
        {
            Heap.IncRef(key);
            Heap.IncRef(value);
            Heap.IncRef(key);
            Heap.IncRef(value);
            var r = CompactInsert((PyObject*)mp, key, hash, value);
            Heap.DecRef(value);
            Heap.DecRef(key);
            if (r != 0)
            {
                return -1;
            }

            if (originalEntries != (other->Keys == null ? 0 : other->Keys->NEntries))
            {
                Heap.Raise(Heap.Types.Exceptions.RuntimeError, "dict mutated during update");
                return -1;
            }
        }

        return 0;
    }

    /// <summary>3.12's dict_equal: every item of a has an equal value in b, looked up with the stored hash.</summary>
    private int CompactEqual(CompactDictObject* a, PyObject* b)
    {
        if (a->Used != Count(b))
        {
            return 0;
        }

        // The table may change while values are compared: it is read again at every step.
        for (nint i = 0; a->Keys != null && i < a->Keys->NEntries; i++)
        {
            var dk = a->Keys;
            var aValue = *ValueAt(dk, i);
            if (aValue == null)
            {
                continue;
            }

            var key = *KeyAt(dk, i);
            var hash = HashAt(dk, i);
            Heap.IncRef(aValue);
            Heap.IncRef(key);
            var ix = CompactLookup((CompactDictObject*)b, key, hash);
            if (ix < 0)
            {
                Heap.DecRef(key);
                Heap.DecRef(aValue);
                return ix == IxError ? -1 : 0;
            }

            var bValue = *ValueAt(((CompactDictObject*)b)->Keys, ix);
            Heap.IncRef(bValue);
            var cmp = Heap.RichCompareBool(aValue, bValue, CompareOp.Eq);
            Heap.DecRef(key);
            Heap.DecRef(aValue);
            Heap.DecRef(bValue);
            if (cmp <= 0)
            {
                return cmp;
            }
        }

        return 1;
    }

    /// <summary><see cref="CompactTraverse"/> with the collector's visitor inlined (same order); entries read densely.</summary>
    internal static void CompactTraverseWith<TVisitor>(PyObject* self, ref TVisitor visitor)
        where TVisitor : struct, IChildVisitor
    {
        var dk = ((CompactDictObject*)self)->Keys;
        if (dk == null)
        {
            return;
        }

        var n = dk->NEntries;
        var entries = Entries(dk);
        if (IsUnicode(dk))
        {
            // A str-keyed entry is (key, value), 16 bytes: only the values are visited.
            var value = (PyObject**)(entries + 8);
            for (nint i = 0; i < n; i++, value += 2)
            {
                if (*value != null)
                {
                    visitor.Visit(*value);
                }
            }

            return;
        }

        var entry = (DictEntry*)entries;
        for (nint i = 0; i < n; i++, entry++)
        {
            if (entry->Value != null)
            {
                visitor.Visit(entry->Value);
                visitor.Visit(entry->Key);
            }
        }
    }

    /// <summary>3.12's dict_traverse: each live entry's value then key; str-keyed tables only their values.</summary>
    private static int CompactTraverse(CompactDictObject* mp, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var dk = mp->Keys;
        if (dk == null)
        {
            return 0;
        }

        var unicode = IsUnicode(dk);
        for (nint i = 0; i < dk->NEntries; i++)
        {
            var value = *ValueAt(dk, i);
            if (value == null)
            {
                continue;
            }

            var r = visit(value, arg);
            if (r != 0)
            {
                return r;
            }

            if (!unicode)
            {
                r = visit(*KeyAt(dk, i), arg);
                if (r != 0)
                {
                    return r;
                }
            }
        }

        return 0;
    }
}
