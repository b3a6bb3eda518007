using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Generator;

/// <summary>
/// A generator: a suspended frame.
/// <code>
///  0 RefCount, Type   16 Frame (null once finished)   24 Name   32 QualName
/// 40 Code   48 WeakList   56 Running   64 Function (3.12)
/// </code>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyGeneratorObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>The generator's frame (owned), or null once it finished.</summary>
    public PyObject* Frame;

    /// <summary><c>__name__</c> (owned).</summary>
    public PyObject* Name;

    /// <summary><c>__qualname__</c> (owned).</summary>
    public PyObject* QualName;

    /// <summary><c>gi_code</c> (owned).</summary>
    public PyObject* Code;

    /// <summary>Head of the weak references to this generator.</summary>
    public PyObject* WeakList;

    /// <summary>1 while its frame runs (re-entering raises ValueError).</summary>
    public nint Running;

    /// <summary>3.12: the function whose call made the generator (owned; the embedded frame's <c>f_funcobj</c>), until the frame is released; null in 2.7.</summary>
    public PyObject* Function;
}
