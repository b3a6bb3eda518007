using System.Runtime.InteropServices;

namespace Refheap.Objects;

/// <summary>The header every heap object starts with, laid out as CPython's on 64-bit.</summary>
/// <remarks>
/// <code>
///  tracked (GC) object:                          untracked-type object:
///  block ─► ┌──────────────────────┐ -16         block ─► ┌──────────────────────┐ 0
///           │ GcHead.Next          │                      │ RefCount  (nint)     │
///           │ GcHead.Prev          │                      │ Type      (type*)    │
///  obj ───► ├──────────────────────┤  0                   ├──────────────────────┤ 16
///           │ RefCount  (nint)     │                      │ type-specific fields │
///           │ Type      (type*)    │                      └──────────────────────┘
///           ├──────────────────────┤ 16
///           │ type-specific fields │
///           └──────────────────────┘
/// </code>
/// An object's address is its identity (<c>id()</c>) and never changes during its life.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyObject
{
    /// <summary>Number of owned references; the object is deallocated when it reaches zero.</summary>
    public nint RefCount;

    /// <summary>The object's type object (owned for heap types, as CPython 3 does).</summary>
    public PyTypeObject* Type;
}
