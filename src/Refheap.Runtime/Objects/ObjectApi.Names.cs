using Refheap.Objects.Native.Str;

namespace Refheap.Objects;

/// <summary>The facade's part for attribute names.</summary>
internal sealed unsafe partial class ObjectApi
{
    /// <summary>
    /// The name PyObject_SetAttr uses for <paramref name="name"/>: an exact str interned (the
    /// interned str of its text, borrowed), so that a 3.12 class shares it as a key as CPython
    /// does; anything else is <paramref name="name"/> itself. Null with MemoryError set.
    /// </summary>
    public PyRef InternedAttributeName(PyRef name) =>
        name.Ptr->Type == Heap.Types.Str.TypeObject && !StrType.IsInterned(name.Ptr) ? Heap.InternString(StrType.AsString(name.Ptr)) : name;

    /// <summary>
    /// <paramref name="name"/> as code inside class <paramref name="className"/> names it:
    /// a private name mangled (<see cref="Heap.MangledPrivateName"/>), as the compiler and
    /// type_new's <c>__slots__</c> do.
    /// </summary>
    public static string MangledPrivateName(string className, string name) => Heap.MangledPrivateName(className, name);
}
