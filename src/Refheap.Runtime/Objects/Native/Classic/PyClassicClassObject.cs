using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Classic;

/// <summary>
/// A 2.7 classic class (<c>classobj</c>, CPython's PyClassObject):
/// <code>
///  0 RefCount, Type   16 Bases   24 Dict   32 Name   40 GetAttrHook   48 SetAttrHook   56 DelAttrHook   64 WeakList
/// </code>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyClassicClassObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>The base classes, a tuple of classic classes (owned).</summary>
    public PyObject* Bases;

    /// <summary>The class dict, the class statement's namespace itself (owned).</summary>
    public PyObject* Dict;

    /// <summary>The class's name, a str (owned).</summary>
    public PyObject* Name;

    /// <summary>The class's (or a base's) <c>__getattr__</c> found when the class was made or the name set on it (owned), or null.</summary>
    public PyObject* GetAttrHook;

    /// <summary>Likewise <c>__setattr__</c> (owned), or null.</summary>
    public PyObject* SetAttrHook;

    /// <summary>Likewise <c>__delattr__</c> (owned), or null.</summary>
    public PyObject* DelAttrHook;

    /// <summary>Head of the weak references to the class.</summary>
    public PyObject* WeakList;
}
