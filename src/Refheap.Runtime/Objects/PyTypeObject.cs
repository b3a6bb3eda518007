using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Refheap.Objects;

/// <summary>A type object: a heap object whose behaviour lives in a managed <see cref="TypeDescriptor"/>.</summary>
/// <remarks>
/// <code>
///  0  RefCount, Type (the metatype, `type`)
/// 16  DescriptorHandle   GCHandle of the descriptor that describes this type's instances
/// 24  Flags              TypeFlags read on hot paths without reaching the descriptor
/// 32  Traverse           tp_traverse as a static function (the collector's hot path)
/// 40  BaseTraverse       for a user class: the solid base's traverse, or null
/// 48  RefOffsets         for a user class: offsets of its owned-reference fields (native);
///                        3.12 with a dict: one more entry, the inline values' offset
/// 56  RefOffsetCount, ValuesOffset (3.12: the dict-or-values word, or 0)
/// 64  Name               str
/// 72  Bases              tuple of types
/// 80  Mro                tuple of types, this type first
/// 88  Dict               the class dict
/// 96  WeakList           head of the weak references to this type (Weak/)
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

    /// <summary>The instances' traversal (tp_traverse), called by the collector without reaching the descriptor.</summary>
    public delegate*<PyObject*, delegate*<PyObject*, void*, int>, void*, int> Traverse;

    /// <summary>For a user class whose solid base owns references (an exception, ...): that base's traversal.</summary>
    public delegate*<PyObject*, delegate*<PyObject*, void*, int>, void*, int> BaseTraverse;

    /// <summary>For a user class: byte offsets of the instance fields that hold owned references (dict, slots).</summary>
    public int* RefOffsets;

    /// <summary>Entries in <see cref="RefOffsets"/>.</summary>
    public int RefOffsetCount;

    /// <summary>For a 3.12 user class with a dict: offset of the word holding the dict or the inline values' header (InstanceType), or 0.</summary>
    public int ValuesOffset;

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

    /// <summary>
    /// The version tag of this type's MRO dicts for the attribute cache (<see cref="TypeAttributeCache"/>),
    /// 0 while none is assigned; reset to 0 whenever this type's or a base's dict changes.
    /// </summary>
    public uint VersionTag;

    /// <summary>The descriptor of this type's instances.</summary>
    public readonly TypeDescriptor Descriptor
    {
        // Inlined everywhere: the JIT left this call in some hot callers (the evaluator's calls, dealloc).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            // Invariant: DescriptorHandle is a live normal GCHandle to a TypeDescriptor for as
            // long as the type object lives, so the cast needs no check (this is on every dealloc).
            return Unsafe.As<TypeDescriptor>(GCHandle.FromIntPtr(DescriptorHandle).Target!);
        }
    }
}
