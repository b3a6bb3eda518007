namespace Refheap.Objects.Native.Methods;

/// <summary>
/// The slot wrappers of the built-in containers (<c>list.__len__</c>, <c>dict.__setitem__</c>,
/// <c>tuple.__iter__</c>...): the type's own slot, called on the instance, so that a subclass's
/// method can call its base's (<c>list.__setitem__(self, i, v)</c>) and an instance's protocol
/// reaches the base's slot.
/// </summary>
internal static unsafe class SlotWrappers
{
    /// <summary><c>__len__</c>.</summary>
    public static BuiltinMethod Len(TypeDescriptor type) => new("__len__", ArgumentSpec.Wrapper(0), (h, self, _) =>
    {
        var n = type.Length(self);
        return n < 0 ? PyRef.Null : h.NewInt(n);
    });

    /// <summary><c>__iter__</c>.</summary>
    public static BuiltinMethod Iter(TypeDescriptor type) => new("__iter__", ArgumentSpec.Wrapper(0), (h, self, _) => type.Iter(self));

    /// <summary><c>__contains__</c> as a wrapper (list, tuple, str; dict and set have a method of their own).</summary>
    public static BuiltinMethod Contains(TypeDescriptor type) => new("__contains__", ArgumentSpec.Wrapper(1), (h, self, a) =>
    {
        var r = type.Contains(self, a[0]);
        return r < 0 ? PyRef.Null : h.NewBool(r == 1);
    });

    /// <summary><c>__getitem__</c>: a wrapper for tuple and str, a method (<see cref="ArgumentSpec.One"/>) for list and dict.</summary>
    public static BuiltinMethod GetItem(TypeDescriptor type, ArgumentSpec spec) => new("__getitem__", spec, (h, self, a) => type.Subscript(self, a[0]));

    /// <summary><c>__setitem__</c>.</summary>
    public static BuiltinMethod SetItem(TypeDescriptor type) => new("__setitem__", ArgumentSpec.Wrapper(2, unpacked: true), (h, self, a) =>
        type.SetItem(self, a[0], a[1]) < 0 ? PyRef.Null : h.None);

    /// <summary><c>__delitem__</c>.</summary>
    public static BuiltinMethod DelItem(TypeDescriptor type) => new("__delitem__", ArgumentSpec.Wrapper(1), (h, self, a) =>
        type.SetItem(self, a[0], null) < 0 ? PyRef.Null : h.None);
}
