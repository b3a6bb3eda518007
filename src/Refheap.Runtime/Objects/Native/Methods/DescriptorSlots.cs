namespace Refheap.Objects.Native.Methods;

/// <summary>
/// The descriptor protocol's slot wrappers — <c>__get__</c>, and for data descriptors
/// <c>__set__</c> and <c>__delete__</c> — on the built-in types that implement it (functions,
/// property, classmethod, staticmethod, member and getset descriptors), so that Python code can
/// call them as CPython's slot_tp_descr_get/set wrappers allow (<c>f.__get__(obj, cls)</c>).
/// </summary>
internal static unsafe class DescriptorSlots
{
    /// <summary>The wrappers for <paramref name="type"/>: <c>__get__</c>, and with <paramref name="data"/> <c>__set__</c> and <c>__delete__</c>.</summary>
    public static List<BuiltinMethod> Create(TypeDescriptor type, bool data)
    {
        List<BuiltinMethod> methods = [new("__get__", ArgumentSpec.Expect(1, 2), (heap, self, a) => Get(heap, type, self, a[0], a[1]))];
        if (data)
        {
            methods.Add(new("__set__", ArgumentSpec.Wrapper(2), (heap, self, a) => Done(heap, type.DescriptorSet(self, a[0], a[1]))));
            methods.Add(new("__delete__", ArgumentSpec.Wrapper(1), (heap, self, a) => Done(heap, type.DescriptorSet(self, a[0], null))));
        }

        return methods;
    }

    /// <summary>wrap_descr_get: None for either argument means absent, not both.</summary>
    private static PyRef Get(Heap heap, TypeDescriptor type, PyObject* self, PyObject* instance, PyObject* owner)
    {
        var none = heap.NoneObject;
        instance = instance == none ? null : instance;
        owner = owner == none ? null : owner;
        if (instance == null && owner == null)
        {
            return heap.RaiseTypeError("__get__(None, None) is invalid");
        }

        if (owner != null && !Heap.IsSubtype(owner->Type, heap.Types.Type.TypeObject))
        {
            return heap.RaiseTypeError($"descriptor '__get__' for '{type.Name}' objects doesn't apply to a '{owner->Type->Descriptor.Name}' object");
        }

        return type.DescriptorGet(self, instance, (PyTypeObject*)owner);
    }

    private static PyRef Done(Heap heap, int status) => status < 0 ? PyRef.Null : heap.None;
}
