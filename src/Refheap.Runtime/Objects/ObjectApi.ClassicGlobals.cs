using Refheap.Objects.Native.Dict;
using Refheap.Objects.Native.Str;

namespace Refheap.Objects;

/// <summary>
/// The name caches of <see cref="LoadGlobal"/> and <see cref="CachedModuleAttribute"/> over
/// py27's dicts (<see cref="ClassicDictObject"/>): the cached index is a slot of the table.
/// </summary>
/// <remarks>
/// A dict holds each key object once, so a slot that holds this very key now holds its entry,
/// whatever happened to the table since (a resize moves keys, a deletion leaves the dummy key):
/// the check is the slot's key and a value, within the current table.
/// </remarks>
internal sealed unsafe partial class ObjectApi
{
    /// <summary>The value of the cached entry <paramref name="ix"/> of exact dict <paramref name="d"/> when it holds exactly <paramref name="key"/>, else null.</summary>
    private PyObject* CachedEntryValue(PyObject* d, PyObject* key, nint ix)
    {
        if (Heap.Profile.InsertionOrderedDicts)
        {
            return CachedValue((CompactDictObject*)d, key, ix);
        }

        // Invariant: the cached pointer is a live exact dict of py27 (see CachedValue), so
        // Table has Mask + 1 slots.
        var mp = (ClassicDictObject*)d;
        if ((nuint)ix > (nuint)mp->Mask)
        {
            return null;
        }

        var ep = &mp->Table[ix];
        return ep->Key == key ? ep->Value : null;
    }

    /// <summary>Caches the slot of <paramref name="name"/> (an exact str whose hash the lookup just made has cached) in <paramref name="mp"/>; whether it did.</summary>
    private static bool RememberClassic(ClassicDictObject* mp, PyObject* name, ref GlobalCache cache)
    {
        var hash = ((PyStrObject*)name)->Hash;
        var mask = (nuint)mp->Mask;
        var table = mp->Table;

        // 2.7's probe sequence (lookdict), by identity only: the walk meets the key object if the
        // table holds it (an equal str of its own is not cached), else ends at an empty slot.
        var i = (nuint)hash & mask;
        for (var perturb = (nuint)hash; ; perturb >>= DictType.PerturbShift)
        {
            var key = table[i & mask].Key;
            if (key == name)
            {
                cache.Found = (nint)mp;
                cache.Index = (nint)(i & mask);
                return true;
            }

            if (key == null)
            {
                return false;
            }

            i = (i << 2) + i + perturb + 1;
        }
    }
}
