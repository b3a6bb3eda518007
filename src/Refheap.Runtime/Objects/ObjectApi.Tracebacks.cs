using Refheap.Objects.Native.Traceback;

namespace Refheap.Objects;

/// <summary>The facade's part for reading traceback entries beyond their line.</summary>
internal sealed unsafe partial class ObjectApi
{
    /// <summary>The index of the instruction a traceback entry was made at (<c>tb_lasti</c>).</summary>
    public static int TracebackInstruction(PyRef tb) => TracebackType.Fields(tb.Ptr)->Lasti;
}
