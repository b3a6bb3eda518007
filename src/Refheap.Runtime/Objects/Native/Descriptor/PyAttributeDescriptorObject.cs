using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Descriptor;

/// <summary>
/// A getset or member descriptor in a class dict (<c>__dict__</c>, <c>__weakref__</c>, a
/// <c>__slots__</c> member).
/// <code>
///  0 RefCount, Type   16 OwnerType (the class; owned)   24 Name (str; owned)   32 Offset (slot members)
/// </code>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyAttributeDescriptorObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>The class whose instances the descriptor reads (d_type); owned, so a class and its dict form a cycle, as in CPython.</summary>
    public PyObject* OwnerType;

    /// <summary>The attribute's name.</summary>
    public PyObject* Name;

    /// <summary>For a slot member: the field's offset in an instance.</summary>
    public nint Offset;
}
