using System.Runtime.CompilerServices;
using Refheap.Objects;
using Refheap.Python.Compiler;

namespace Refheap.Python.Execution;

/// <summary>
/// The loop's instructions that work on a range of the value stack (calls, displays,
/// unpacking), out of line: a slice of the stack made inside <see cref="Loop"/> is a
/// GC-tracked temporary of its own in Loop's frame, which the JIT zeroes in Loop's prologue —
/// on every call of every Python function, whichever instructions the function runs. Made
/// here, the slices live in these small frames instead.
/// </summary>
internal sealed partial class Interpreter
{
    /// <summary>CALL: the callable under <paramref name="arg"/> arguments at the stack's top (borrowed); see <see cref="CallValue(PyRef, ReadOnlySpan{PyRef}, PyRef, Span{PyRef}, bool)"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private PyRef CallFromStack(Span<PyRef> slots, int sp, int arg, bool specialized)
    {
        var args = slots.Slice(sp - arg, arg);
        return CallValue(slots[sp - arg - 1], args, default, Py27 ? default : args, specialized);
    }

    /// <summary>CALL with keyword names: the callable, <paramref name="arg"/> values, then the names tuple at the top (borrowed).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private PyRef CallKeywordsFromStack(Span<PyRef> slots, int sp, int arg)
    {
        var args = slots.Slice(sp - arg - 1, arg);
        return CallValue(slots[sp - arg - 2], args, slots[sp - 1], Py27 ? default : args);
    }

    /// <summary>CALL after LOAD_ATTR's method form: the callable, self (or null), <paramref name="arg"/> arguments (see <see cref="CallMethod"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private PyRef CallMethodFromStack(Span<PyRef> slots, int sp, int arg) =>
        CallMethod(slots[sp - arg - 2], slots[sp - arg - 1], slots.Slice(sp - arg, arg), slots.Slice(sp - arg - 1, arg + 1));

    /// <summary><see cref="CallMethodFromStack"/> with a keyword names tuple at the top.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private PyRef CallMethodKeywordsFromStack(Span<PyRef> slots, int sp, int arg) =>
        CallMethod(slots[sp - arg - 3], slots[sp - arg - 2], slots.Slice(sp - arg - 1, arg), slots.Slice(sp - arg - 2, arg + 1), slots[sp - 1]);

    /// <summary>
    /// A tuple, list, set or dict of the top <paramref name="count"/> stack items, which it takes
    /// over (their slots cleared; the caller moves sp down), or a str joined from them (borrowed:
    /// the caller pops them).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private PyRef BuildFromStack(OpCode op, Span<PyRef> slots, int sp, int count)
    {
        var items = slots.Slice(sp - count, count);
        var r = op switch
        {
            OpCode.BuildTuple => _api.TupleSteal(items),
            OpCode.BuildList => _api.ListSteal(items),
            OpCode.BuildSet => BuildSet(items),
            OpCode.BuildMap => BuildMap(items),
            _ => JoinStrings(items),
        };
        if (op != OpCode.BuildString)
        {
            items.Clear();
        }

        return r;
    }

    /// <summary>UNPACK_SEQUENCE: <paramref name="count"/> items of <paramref name="sequence"/> onto the stack from <paramref name="sp"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int UnpackOntoStack(PyRef sequence, int count, Span<PyRef> slots, int sp) => Unpack(sequence, count, slots.Slice(sp, count));

    /// <summary>UNPACK_EX: <paramref name="arg"/> packs the counts before (low byte) and after (high bits) the starred target.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int UnpackExtendedOntoStack(PyRef sequence, int arg, Span<PyRef> slots, int sp) =>
        UnpackExtended(sequence, arg & 0xFF, arg >> 8, slots.Slice(sp, (arg & 0xFF) + (arg >> 8) + 1));
}
