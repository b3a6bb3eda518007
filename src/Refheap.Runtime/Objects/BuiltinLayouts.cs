namespace Refheap.Objects;

/// <summary>
/// The instance sizes (CPython's tp_basicsize on 64-bit, GC header not included) and the
/// layout choices of built-in types whose structs differ between the two CPythons, one named
/// field per difference. <c>sys.getsizeof</c> reports these sizes; the blocks Refheap
/// allocates for them are <see cref="BlockSize"/>.
/// </summary>
/// <remarks>
/// Refheap's GC header is 16 bytes in both profiles, where CPython 2.7's is 32 (a union
/// padded to a long double). So that a 2.7 object still takes CPython's size class (what
/// <c>sys._debugmallocstats()</c> shows), its block holds the difference
/// (<see cref="GcHeaderShortfall"/>) after the fields; the block is never smaller than the
/// fields Refheap's struct writes.
/// </remarks>
internal sealed class BuiltinLayouts
{
    /// <summary>CPython 2.7.18's sizes.</summary>
    public static BuiltinLayouts Py27 { get; } = new()
    {
        GcHeaderShortfall = 16,
        PropertySize = 56,
        PropertyHasName = false,
        ClassMethodSize = 24,
        ClassMethodsWrapFunction = false,
        SuperSize = 40,
        PartialSize = 56,
        FunctionSize = 88,
        ModuleSize = 24,
        ModulesWeakReferenceable = false,
        BuiltinFunctionSize = 40,
        MethodDescriptorSize = 40,
        WrapperDescriptorSize = 48,
        MethodWrapperSize = 32,
        EnumerateSize = 48,
        ReversedSize = 32,
        MapSize = 32,
        ZipSize = 48,
        CallableIteratorSize = 32,
        WeakReferenceSize = 56,
    };

    /// <summary>CPython 3.12.1's sizes.</summary>
    public static BuiltinLayouts Py312 { get; } = new()
    {
        GcHeaderShortfall = 0,
        PropertySize = 64,
        PropertyHasName = true,
        ClassMethodSize = 32,
        ClassMethodsWrapFunction = true,
        SuperSize = 40,
        PartialSize = 64,
        FunctionSize = 144,
        ModuleSize = 56,
        ModulesWeakReferenceable = true,
        BuiltinFunctionSize = 56,
        MethodDescriptorSize = 56,
        WrapperDescriptorSize = 56,
        MethodWrapperSize = 32,
        EnumerateSize = 56,
        ReversedSize = 32,
        MapSize = 32,
        ZipSize = 48,
        CallableIteratorSize = 32,
        WeakReferenceSize = 64,
    };

    /// <summary>CPython's GC header size less Refheap's (2.7: 32 − 16; 3.12: 16 − 16).</summary>
    public required int GcHeaderShortfall { get; init; }

    /// <summary><c>property</c>: fget, fset, fdel, doc, (3.12) the name, and the getter_doc flag.</summary>
    public required int PropertySize { get; init; }

    /// <summary>3.x: a property knows its name (from <c>__set_name__</c>) and its errors say it; 2.7's does not.</summary>
    public required bool PropertyHasName { get; init; }

    /// <summary><c>classmethod</c> and <c>staticmethod</c>: the callable, and (3.x) an attribute dict.</summary>
    public required int ClassMethodSize { get; init; }

    /// <summary>
    /// 3.10+: <c>classmethod(f)</c> and <c>staticmethod(f)</c> wrap f as functools.wraps does:
    /// an attribute dict (<c>__dict__</c>) that starts with f's <c>__module__</c>, <c>__name__</c>,
    /// <c>__qualname__</c>, <c>__doc__</c> (and <c>__annotations__</c>), a <c>__wrapped__</c>
    /// attribute, and a staticmethod can be called. 2.7's have none of it and refuse attributes.
    /// </summary>
    public required bool ClassMethodsWrapFunction { get; init; }

    /// <summary><c>super</c>: the class, the object and the object's type.</summary>
    public required int SuperSize { get; init; }

    /// <summary><c>functools.partial</c>: function, args, keywords, dict, weak list and (3.12) the vectorcall pointer.</summary>
    public required int PartialSize { get; init; }

    /// <summary><c>function</c> (2.7: 9 fields; 3.12: 15, builtins, qualname, annotations, type params, vectorcall and version among them).</summary>
    public required int FunctionSize { get; init; }

    /// <summary><c>module</c>: 2.7 only the dict; 3.12 the dict, def, state, weak list and name.</summary>
    public required int ModuleSize { get; init; }

    /// <summary>3.x modules can be weakly referenced; 2.7's cannot.</summary>
    public required bool ModulesWeakReferenceable { get; init; }

    /// <summary><c>builtin_function_or_method</c>: method def, self, module and (3.12) weak list and vectorcall.</summary>
    public required int BuiltinFunctionSize { get; init; }

    /// <summary><c>method_descriptor</c> and <c>classmethod_descriptor</c>: type, name, (3.12) qualname, method def and (3.12) vectorcall.</summary>
    public required int MethodDescriptorSize { get; init; }

    /// <summary><c>wrapper_descriptor</c>: type, name, (3.12) qualname, slot base and wrapped function.</summary>
    public required int WrapperDescriptorSize { get; init; }

    /// <summary><c>method-wrapper</c>: the slot's descriptor and the object it is bound to.</summary>
    public required int MethodWrapperSize { get; init; }

    /// <summary><c>enumerate</c>: index, iterator, result tuple, big index and (3.12) the cached 1.</summary>
    public required int EnumerateSize { get; init; }

    /// <summary><c>reversed</c> over a sequence: index and sequence.</summary>
    public required int ReversedSize { get; init; }

    /// <summary>3.x <c>map</c> and <c>filter</c>: a function and an iterator (map: a tuple of them).</summary>
    public required int MapSize { get; init; }

    /// <summary>3.x <c>zip</c>: the count, the iterators' tuple, the result tuple and the strict flag.</summary>
    public required int ZipSize { get; init; }

    /// <summary><c>iter(callable, sentinel)</c>'s iterator: the callable and the sentinel.</summary>
    public required int CallableIteratorSize { get; init; }

    /// <summary>A weak reference or proxy: referent, callback, hash, list links and (3.12) the vectorcall pointer.</summary>
    public required int WeakReferenceSize { get; init; }

    /// <summary>
    /// The bytes to allocate (GC header not included) for a tracked object whose CPython size is
    /// <paramref name="cpythonSize"/> and whose Refheap struct writes <paramref name="fieldsSize"/>
    /// bytes: CPython's block size less Refheap's header, never fewer than the fields.
    /// </summary>
    public nuint BlockSize(int cpythonSize, int fieldsSize) => (nuint)Math.Max(cpythonSize + GcHeaderShortfall, fieldsSize);
}
