using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Exceptions;

/// <summary>
/// An exception instance.
/// <code>
///  0 RefCount, Type   16 Dict   24 Args (tuple)   32 Traceback   40 Context   48 Cause   56 Message
/// </code>
/// All six slots are owned references or null; a subclass's fields follow at 64. Only 2.7
/// uses Message (3.x has no <c>message</c>).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyBaseExceptionObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>The instance dict, made on first attribute store.</summary>
    public PyObject* Dict;

    /// <summary>The constructor arguments (a tuple).</summary>
    public PyObject* Args;

    /// <summary>The traceback, once raised through Python frames.</summary>
    public PyObject* Traceback;

    /// <summary>The exception being handled when this one was raised (<c>__context__</c>).</summary>
    public PyObject* Context;

    /// <summary>The explicit cause (<c>raise X from Y</c>).</summary>
    public PyObject* Cause;

    /// <summary>2.7's <c>message</c>: the only argument of the last <c>__init__</c>, else <c>''</c>.</summary>
    public PyObject* Message;
}
