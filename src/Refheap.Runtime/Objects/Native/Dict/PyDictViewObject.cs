using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Dict;

/// <summary>
/// A 3.x dict view (dict_keys, dict_values, dict_items): 24 bytes as CPython's _PyDictViewObject.
/// <code>
///  0 RefCount, Type   16 Dict (owned)
/// </code>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyDictViewObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>The dict seen through the view, owned.</summary>
    public PyObject* Dict;
}
