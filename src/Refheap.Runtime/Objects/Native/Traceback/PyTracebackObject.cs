using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Traceback;

/// <summary>
/// One entry of a traceback: a frame and where in it the exception passed.
/// <code>
///  0 RefCount, Type   16 Next (the entry one call deeper, or null)   24 Frame   32 Lasti, Line
/// </code>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyTracebackObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary><c>tb_next</c> (owned), or null.</summary>
    public PyObject* Next;

    /// <summary><c>tb_frame</c> (owned).</summary>
    public PyObject* Frame;

    /// <summary>The instruction index the exception passed at.</summary>
    public int Lasti;

    /// <summary><c>tb_lineno</c>.</summary>
    public int Line;
}
