using Refheap.Objects.Native.Function;

namespace Refheap.Objects.Native.Methods;

/// <summary>
/// Puts C#-implemented methods into a built-in type's dict, where attribute lookup finds them
/// and binds them to the instance (as CPython's method descriptors of a static type), or to
/// the class for a class method.
/// </summary>
/// <remarks>
/// The functions belong to the type: like the type they are immortal, so no census counts
/// them. The methods stay tracked, as CPython's method descriptors are (<c>gc.is_tracked</c>
/// and <c>gc.get_objects()</c> see them); attribute descriptors and lone functions are
/// untracked. The built-in types' methods are installed when the heap starts
/// (<see cref="BuiltinMethodTables"/>); the weak containers install theirs when the first
/// instance is made.
/// </remarks>
internal static unsafe class TypeDictMethods
{
    /// <summary>Adds each method to <paramref name="type"/>'s dict; false with MemoryError set.</summary>
    public static bool Install(TypeDescriptor type, IEnumerable<(string Name, NativeCallable Body)> methods) =>
        Install(type, methods.Select(m => (m.Name, m.Body, MethodBinding.Instance, NativeCallKind.Tuple)));

    /// <summary>Adds each method to <paramref name="type"/>'s dict, each called as its <see cref="NativeCallKind"/> says; false with MemoryError set.</summary>
    public static bool Install(TypeDescriptor type, IEnumerable<(string Name, NativeCallable Body, NativeCallKind Kind)> methods) =>
        Install(type, methods.Select(m => (m.Name, m.Body, MethodBinding.Instance, m.Kind)));

    /// <summary>Adds each built-in method to <paramref name="type"/>'s dict, bound as it says; false with MemoryError set.</summary>
    public static bool Install(TypeDescriptor type, IEnumerable<BuiltinMethod> methods) =>
        Install(type, methods.Select(m => (m.Name, m.ToCallable(type), m.Binding, m.CallKind(type.Heap.Profile))));

    private static bool Install(TypeDescriptor type, IEnumerable<(string Name, NativeCallable Body, MethodBinding Binding, NativeCallKind Kind)> methods)
    {
        var heap = type.Heap;
        var dict = type.TypeObject->Dict;
        foreach (var (name, body, binding, kind) in methods)
        {
            var f = binding switch
            {
                MethodBinding.Class => MakeImmortal(heap, heap.Types.NativeFunction.NewClassMethod(name, body, type), tracked: true),
                MethodBinding.Type => MakeImmortal(heap, heap.Types.NativeFunction.NewTypeMethod(name, body, type), tracked: true),
                _ => MakeImmortal(heap, heap.Types.NativeFunction.NewMethod(name, body, kind, type), tracked: true),
            };
            if (f == null || heap.Types.Dict.SetItemString(dict, name, f) < 0)
            {
                return false;
            }
        }

        // A built-in type's dict is untracked, as a static type's is (inserting functions tracked it).
        heap.Gc.Untrack(dict);
        heap.InvalidateTypeAttributes(type.TypeObject);
        return true;
    }

    /// <summary>
    /// Adds object's <c>__class__</c> attribute descriptor (<c>&lt;attribute '__class__' of
    /// 'object' objects&gt;</c>), immortal as the methods are; false with MemoryError set.
    /// </summary>
    public static bool InstallObjectClassAttribute(Heap heap) => InstallAttributes(heap.Types.Object, ["__class__"]);

    /// <summary>
    /// Adds a read-only getset descriptor (<c>&lt;attribute 'real' of 'int' objects&gt;</c>) for
    /// each name to <paramref name="type"/>'s dict, immortal as the methods are; the descriptor
    /// answers by its name (see AttributeDescriptorType). False with MemoryError set.
    /// </summary>
    public static bool InstallAttributes(TypeDescriptor type, IEnumerable<string> names)
    {
        var heap = type.Heap;
        var typeObject = type.TypeObject;
        foreach (var name in names)
        {
            var d = MakeImmortal(heap, heap.Types.GetSetDescriptor.New((PyObject*)typeObject, name, 0));
            if (d == null || heap.Types.Dict.SetItemString(typeObject->Dict, name, d) < 0)
            {
                return false;
            }
        }

        heap.Gc.Untrack(typeObject->Dict);
        heap.InvalidateTypeAttributes(typeObject);
        return true;
    }

    /// <summary>A function that lives as long as the heap (untracked, immortal): borrowed, or null with MemoryError set.</summary>
    public static PyObject* MakeImmortalFunction(Heap heap, string name, NativeCallable body, bool isMethod) =>
        MakeImmortal(heap, heap.Types.NativeFunction.New(name, body, isMethod));

    // Gives f (a new reference) the heap's lifetime: borrowed from then on. Untracked unless tracked.
    private static PyObject* MakeImmortal(Heap heap, PyRef f, bool tracked = false)
    {
        if (f.IsNull)
        {
            return null;
        }

        if (!tracked)
        {
            heap.Gc.Untrack(f.Ptr);
        }

        f.Ptr->RefCount = Heap.ImmortalRefCount;
        return f.Ptr;
    }
}
