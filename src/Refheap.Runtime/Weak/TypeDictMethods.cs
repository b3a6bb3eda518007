using Refheap.Objects;
using Refheap.Objects.Native.Function;

namespace Refheap.Weak;

/// <summary>
/// Puts C#-implemented methods into a built-in type's dict, where attribute lookup finds them
/// and binds them to the instance (as CPython's method descriptors of a static type).
/// </summary>
/// <remarks>
/// The functions belong to the type: like the type they are immortal and untracked, so no
/// census counts them. They are made when the first instance is, because the type dicts do
/// not exist yet when the built-in types initialize.
/// </remarks>
internal static unsafe class TypeDictMethods
{
    /// <summary>Adds each method to <paramref name="type"/>'s dict; false with MemoryError set.</summary>
    public static bool Install(TypeDescriptor type, IEnumerable<(string Name, NativeCallable Body)> methods)
    {
        var heap = type.Heap;
        var dict = type.TypeObject->Dict;
        foreach (var (name, body) in methods)
        {
            var f = MakeImmortalFunction(heap, name, body, isMethod: true);
            if (f == null || heap.Types.Dict.SetItemString(dict, name, f) < 0)
            {
                return false;
            }
        }

        // A built-in type's dict is untracked, as a static type's is (inserting functions tracked it).
        heap.Gc.Untrack(dict);
        return true;
    }

    /// <summary>A function that lives as long as the heap (untracked, immortal): borrowed, or null with MemoryError set.</summary>
    public static PyObject* MakeImmortalFunction(Heap heap, string name, NativeCallable body, bool isMethod)
    {
        var f = heap.Types.NativeFunction.New(name, body, isMethod);
        if (f.IsNull)
        {
            return null;
        }

        heap.Gc.Untrack(f.Ptr);
        f.Ptr->RefCount = Heap.ImmortalRefCount;
        return f.Ptr;
    }
}
