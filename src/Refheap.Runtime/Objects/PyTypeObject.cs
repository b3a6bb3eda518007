using System.Runtime.InteropServices;

namespace Refheap.Runtime.Objects;

/// <summary>A type object: a heap object whose behaviour lives in a managed <see cref="TypeDescriptor"/>.</summary>
/// <remarks>
/// <code>
///  0  RefCount, Type (the metatype, `type`)
/// 16  DescriptorHandle   GCHandle of the descriptor that describes this type's instances
/// 24  Flags              TypeFlags read on hot paths without reaching the descriptor
/// 32  Name               str
/// 40  Bases              tuple of types
/// 48  Mro                tuple of types, this type first
/// 56  Dict               the class dict
/// 64  WeakList           head of the weak references to this type (Weak/)
/// </code>
/// Built-in type objects are made when a runtime starts, are immortal and untracked (as
/// CPython's static types); user classes are tracked, so a class can sit in a cycle.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyTypeObject
{
    /// <summary>Reference count and metatype.</summary>
    public PyObject Base;

    /// <summary>A <see cref="GCHandle"/> (as an address) to the descriptor of this type's instances.</summary>
    public nint DescriptorHandle;

    /// <summary>Facts about the instances the collector needs per visited edge.</summary>
    public TypeFlags Flags;

    /// <summary>The type's name (a str); owned.</summary>
    public PyObject* Name;

    /// <summary>The base classes (a tuple); owned.</summary>
    public PyObject* Bases;

    /// <summary>The method resolution order (a tuple starting with this type); owned.</summary>
    public PyObject* Mro;

    /// <summary>The class dict; owned.</summary>
    public PyObject* Dict;

    /// <summary>Head of the list of weak references to this type, or null.</summary>
    public PyObject* WeakList;

    /// <summary>The descriptor of this type's instances.</summary>
    public readonly TypeDescriptor Descriptor
    {
        get
        {
            // Invariant: DescriptorHandle is a live normal GCHandle for as long as the type object lives.
            return (TypeDescriptor)GCHandle.FromIntPtr(DescriptorHandle).Target!;
        }
    }
}
