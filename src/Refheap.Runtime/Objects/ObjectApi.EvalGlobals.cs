using Refheap.Objects.Native.Dict;
using Refheap.Objects.Native.Module;
using Refheap.Objects.Native.Str;

namespace Refheap.Objects;

/// <summary>
/// LOAD_GLOBAL with a per-name cache, as CPython 3.12 specialises it (LOAD_GLOBAL_MODULE,
/// LOAD_GLOBAL_BUILTIN): the entry where the name was found last time is checked first, so a
/// repeated lookup reads one entry instead of hashing and probing two dicts. py27's dicts
/// (2.7's open-addressing tables, which keep no version) cache a name found in the dict itself
/// (globals, a module's dict), not one found in builtins. Nothing observable changes:
/// no object is made, no user code runs, and a stale entry is never used (see
/// <see cref="LoadGlobal"/>).
/// </summary>
internal sealed unsafe partial class ObjectApi
{
    /// <summary>Where a global name was last found: the evaluator keeps one per name of a code object (zeroed = empty).</summary>
    public struct GlobalCache
    {
        /// <summary>The dict the name was found in (globals or builtins), or 0 when nothing is cached.</summary>
        internal nint Found;

        /// <summary>Its entry index in <see cref="Found"/>'s table.</summary>
        internal nint Index;

        /// <summary>For a name found in builtins: the globals dict it was missing from.</summary>
        internal nint Globals;

        /// <summary>The globals' table version when the name was missing from it.</summary>
        internal ulong GlobalsVersion;

        /// <summary>The globals' entries used (deleted ones included) when the name was missing from it.</summary>
        internal nint GlobalsEntries;
    }

    /// <summary>
    /// <c>globals[name]</c>, else <c>builtins[name]</c> (both borrowed; name an exact str):
    /// the value, BORROWED, or null (missing with no error set, or the error set).
    /// </summary>
    /// <remarks>
    /// A hit is checked against the live table: the cached entry still holds this very key
    /// object with a value, and a dict holds each key once, so that value is the lookup's. A
    /// name found in builtins also needs globals to still lack it: the same globals dict (the
    /// running frame holds it), whose table was not replaced (its version) and had no entry
    /// appended (its entry count; every insert appends until the table is replaced).
    /// </remarks>
    public PyRef LoadGlobal(PyRef globals, PyRef builtins, PyRef name, ref GlobalCache cache)
    {
        if (cache.Found != 0)
        {
            if (cache.Found == (nint)globals.Ptr)
            {
                var v = CachedEntryValue(globals.Ptr, name.Ptr, cache.Index);
                if (v != null)
                {
                    return new PyRef(v);
                }
            }
            else if (cache.Found == (nint)builtins.Ptr && cache.Globals == (nint)globals.Ptr)
            {
                var g = (CompactDictObject*)globals.Ptr;
                var entries = g->Keys == null ? 0 : g->Keys->NEntries;
                if (g->TableVersion == cache.GlobalsVersion && entries == cache.GlobalsEntries)
                {
                    var v = CachedValue((CompactDictObject*)builtins.Ptr, name.Ptr, cache.Index);
                    if (v != null)
                    {
                        return new PyRef(v);
                    }
                }
            }
        }

        return LoadGlobalSlow(globals, builtins, name, ref cache);
    }

    /// <summary>Whether <paramref name="o"/> is exactly a module (not a subclass's instance).</summary>
    public bool IsExactModule(PyRef o) => o.Ptr->Type == Heap.Types.Module.TypeObject;

    /// <summary>
    /// <c>module.name</c> for an exact module from its dict's cached entry (3.12's
    /// LOAD_ATTR_MODULE): the value, BORROWED, or null when the cache does not answer (then read
    /// the attribute as usual and <see cref="RememberModuleAttribute"/>). A hit is the value
    /// the module's own lookup returns: that reads the dict first, for any name but <c>__dict__</c>.
    /// </summary>
    public PyRef CachedModuleAttribute(PyRef o, PyRef name, ref GlobalCache cache)
    {
        if (cache.Found == 0 || !IsExactModule(o))
        {
            return PyRef.Null;
        }

        var d = ((PyModuleObject*)o.Ptr)->Dict;
        return cache.Found == (nint)d ? new PyRef(CachedEntryValue(d, name.Ptr, cache.Index)) : PyRef.Null;
    }

    /// <summary>After <c>module.name</c> was read as usual: caches the name's entry in the module's dict when it came from there.</summary>
    public void RememberModuleAttribute(PyRef o, PyRef name, ref GlobalCache cache)
    {
        cache.Found = 0;
        if (!IsExactModule(o) || StrType.EqualsText(name.Ptr, "__dict__"))
        {
            return;
        }

        var d = ((PyModuleObject*)o.Ptr)->Dict;
        if (d != null)
        {
            Remember(new PyRef(d), name, ref cache);
        }
    }

    private PyRef LoadGlobalSlow(PyRef globals, PyRef builtins, PyRef name, ref GlobalCache cache)
    {
        cache.Found = 0;
        var a = DictGet(globals, name);
        if (!a.IsNull)
        {
            Remember(globals, name, ref cache);
            return a;
        }

        if (Heap.ErrorOccurred)
        {
            return a;
        }

        a = DictGet(builtins, name);
        if (!a.IsNull && Heap.Profile.InsertionOrderedDicts && globals.Ptr->Type == Heap.Types.Dict.TypeObject && Remember(builtins, name, ref cache))
        {
            var g = (CompactDictObject*)globals.Ptr;
            cache.Globals = (nint)globals.Ptr;
            cache.GlobalsVersion = g->TableVersion;
            cache.GlobalsEntries = g->Keys == null ? 0 : g->Keys->NEntries;
        }

        return a;
    }

    /// <summary>Caches the entry of <paramref name="name"/> in <paramref name="dict"/> when both are cacheable; whether it did.</summary>
    private bool Remember(PyRef dict, PyRef name, ref GlobalCache cache)
    {
        if (dict.Ptr->Type != Heap.Types.Dict.TypeObject || name.Ptr->Type != Heap.Types.Str.TypeObject)
        {
            return false;
        }

        if (!Heap.Profile.InsertionOrderedDicts)
        {
            return RememberClassic((ClassicDictObject*)dict.Ptr, name.Ptr, ref cache);
        }

        // Invariant: an exact dict of py312 is a CompactDictObject whose Keys, when not null,
        // has NEntries initialised entries.
        var dk = ((CompactDictObject*)dict.Ptr)->Keys;
        if (dk == null)
        {
            return false;
        }

        // The name's hash is cached in the str: the dict lookup just made computed it.
        var hash = ((PyStrObject*)name.Ptr)->Hash;
        for (var probe = new IndexProbe(dk, hash); ; probe.Next())
        {
            var ix = EntryIndex(dk, probe.Slot);
            if (ix == DictKeysObject.Empty)
            {
                return false;
            }

            if (ix >= 0 && *EntryKey(dk, ix) == name.Ptr)
            {
                cache.Found = (nint)dict.Ptr;
                cache.Index = ix;
                return true;
            }
        }
    }

    /// <summary>The entry index in index slot <paramref name="slot"/> (1, 2, 4 or 8 bytes wide), or Empty / Dummy.</summary>
    private static nint EntryIndex(DictKeysObject* dk, nuint slot)
    {
        var indices = (byte*)dk + DictKeysObject.HeaderSize;
        return (dk->Log2IndexBytes - dk->Log2Size) switch
        {
            0 => ((sbyte*)indices)[slot],
            1 => ((short*)indices)[slot],
            2 => ((int*)indices)[slot],
            _ => (nint)((long*)indices)[slot],
        };
    }

    /// <summary>The value at entry <paramref name="ix"/> when that entry holds exactly <paramref name="key"/>, else null.</summary>
    private static PyObject* CachedValue(CompactDictObject* mp, PyObject* key, nint ix)
    {
        // Invariant: the cached pointer is a live exact dict (the frame holds globals, the
        // interpreter its builtins), so Keys is null or a table with NEntries entries.
        var dk = mp->Keys;
        if (dk == null || ix >= dk->NEntries || *EntryKey(dk, ix) != key)
        {
            return null;
        }

        return *(EntryKey(dk, ix) + 1);
    }

    /// <summary>
    /// The key slot of entry <paramref name="ix"/>, the value slot right after it: the table's
    /// layout (<see cref="DictKeysObject"/>): header, indices, then entries of (key, value) in a
    /// str-keyed table or (hash, key, value) otherwise.
    /// </summary>
    private static PyObject** EntryKey(DictKeysObject* dk, nint ix)
    {
        var entries = (byte*)dk + DictKeysObject.HeaderSize + ((nint)1 << dk->Log2IndexBytes);
        return dk->Kind == DictKeysObject.Unicode
            ? (PyObject**)(entries + (ix * 16))
            : &((DictEntry*)entries)[ix].Key;
    }
}
