using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects;

/// <summary>
/// CPython's method cache (_PyType_Lookup's): the result of an MRO walk for (type, interned
/// name), kept in a small table per thread and valid while the type's version tag is the one
/// it was found under. A type gets a tag on its first cached lookup; any change to its dict or
/// a base's (<see cref="Heap.InvalidateTypeAttributes"/>) resets the tag to 0, so answers found
/// before the change are never used again.
/// </summary>
/// <remarks>
/// Invariants the cache relies on: tags come from one process-wide counter, so a type object
/// freed and its address reused, or another heap's type, never matches an old entry; names are
/// interned strs, which live as long as their heap, so equal pointers mean equal names; the
/// cached value is borrowed from a dict that cannot change without the tag being reset first.
/// Tags are handed out only once a heap's built-in types are complete (their methods installed).
/// </remarks>
internal static unsafe class TypeAttributeCache
{
    private const int Size = 4096;
    private static uint s_nextTag;

    [ThreadStatic]
    private static Entry[]? t_entries;

    /// <summary>_PyType_Lookup with the cache: a borrowed reference or null, no error set.</summary>
    public static PyObject* Lookup(PyTypeObject* type, PyObject* name)
    {
        var tag = type->VersionTag;
        if (tag == 0)
        {
            tag = AssignTag(type);
        }

        if (tag == 0 || !StrType.IsInterned(name))
        {
            return TypeType.LookupInMro(type, name);
        }

        var entries = t_entries ??= new Entry[Size];
        ref var e = ref entries[(int)(((nuint)type >> 4) ^ ((nuint)name >> 3) ^ tag) & (Size - 1)];
        if (e.Tag == tag && e.Name == (nint)name && e.Type == (nint)type)
        {
            return (PyObject*)e.Value;
        }

        var value = TypeType.LookupInMro(type, name);
        e = new Entry((nint)type, tag, (nint)name, (nint)value);
        return value;
    }

    private static uint AssignTag(PyTypeObject* type)
    {
        if (type->Mro == null || !type->Descriptor.Heap.TypeAttributeCacheReady)
        {
            return 0;
        }

        var tag = Interlocked.Increment(ref s_nextTag);
        if (tag == 0)
        {
            // The counter wrapped: stop caching rather than risk an old tag coming back.
            Interlocked.Exchange(ref s_nextTag, uint.MaxValue);
            return 0;
        }

        type->VersionTag = tag;
        return tag;
    }

    private readonly record struct Entry(nint Type, uint Tag, nint Name, nint Value);
}
