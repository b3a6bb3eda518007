using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Frame;

/// <summary>
/// An execution frame: one run of a code object, with its locals and value stack.
/// <code>
///  0 RefCount, Type   16 Back (the caller's frame)   24 Code   32 Globals   40 Builtins
/// 48 Locals (dict: module and class bodies; for functions made when f_locals is read)
/// 56 SavedException (2.7: the exception being handled when this frame first handled one)
/// 64 Pc, StackTop     72 SlotCount, State           80 Capacity, Counted   88 Slots[Capacity] ...
/// </code>
/// Slots hold the code's fast locals, then its cells and free variables, then the value
/// stack: every non-null slot is an owned reference the collector visits, so a suspended
/// generator's locals and the iterators on its stack stay alive and take part in cycles.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyFrameObject
{
    /// <summary>Byte offset of the first slot.</summary>
    public const int SlotsOffset = 88;

    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>The calling frame (owned), or null.</summary>
    public PyObject* Back;

    /// <summary>The code object run (owned).</summary>
    public PyObject* Code;

    /// <summary>The globals dict (owned).</summary>
    public PyObject* Globals;

    /// <summary>The builtins dict (owned).</summary>
    public PyObject* Builtins;

    /// <summary>The locals dict (owned) or null.</summary>
    public PyObject* Locals;

    /// <summary>2.7's f_exc_*: the exception state to restore when the frame ends (owned), or null.</summary>
    public PyObject* SavedException;

    /// <summary>The instruction to run next (or, while a call is out, the one making it).</summary>
    public int Pc;

    /// <summary>The value stack's height (only meaningful while suspended).</summary>
    public int StackTop;

    /// <summary>Fast locals, cells, free variables and stack slots.</summary>
    public int SlotCount;

    /// <summary><see cref="FrameState"/>.</summary>
    public int State;

    /// <summary>Slots the block has room for (at least <see cref="SlotCount"/>: a recycled frame may be larger).</summary>
    public int Capacity;

    /// <summary>Nonzero when the collector counted this frame as an allocation (see <see cref="FrameModel"/>).</summary>
    public int Counted;
}
