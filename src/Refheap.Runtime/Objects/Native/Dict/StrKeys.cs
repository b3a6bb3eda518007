using System.Runtime.CompilerServices;
using Refheap.Objects.Native.Str;

namespace Refheap.Objects.Native.Dict;

/// <summary>
/// The exact-str shortcuts of dict and set lookups. Both CPythons special-case exact str
/// keys: their hash is cached in the object, and two of them are compared by text, with no
/// user code (2.7's lookdict_string and set_lookkey_string, 3.12's unicode_eq).
/// </summary>
internal static unsafe class StrKeys
{
    /// <summary>
    /// hash(key), taking an exact str's cached hash directly; <paramref name="str"/> is the
    /// str type object (which the callers keep in a field).
    /// </summary>
    /// <remarks>Inlined: every dict and set operation on a key starts here.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Hash(Heap heap, PyTypeObject* str, PyObject* key)
    {
        if (key->Type == str)
        {
            var h = ((PyStrObject*)key)->Hash;
            if (h != -1)
            {
                return h;
            }
        }

        return heap.Hash(key);
    }

    /// <summary>Whether two exact strs hold the same text.</summary>
    public static bool Equal(PyObject* a, PyObject* b) => StrType.AsSpan(a).SequenceEqual(StrType.AsSpan(b));
}
