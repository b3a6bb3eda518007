using System.Runtime.CompilerServices;

namespace Refheap.Objects;

internal sealed unsafe partial class Heap
{
    private int _recursionDepth;

    /// <summary>sys.getrecursionlimit(): how deep repr, comparison and calls may nest (1000, as CPython's default).</summary>
    public int RecursionLimit { get; set; } = 1000;

    /// <summary>
    /// Py_EnterRecursiveCall: counts one more nesting level of a recursive protocol; false
    /// with the profile's recursion error set (<paramref name="where"/> completes its message)
    /// when the limit is passed or the thread's stack runs low — a deep structure raises
    /// instead of overflowing the .NET stack. Pair a true result with <see cref="LeaveRecursiveCall"/>.
    /// </summary>
    public bool EnterRecursiveCall(string where)
    {
        if (++_recursionDepth > RecursionLimit || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            _recursionDepth--;
            Raise(Types.Exceptions.RecursionError, "maximum recursion depth exceeded" + where);
            return false;
        }

        return true;
    }

    /// <summary>
    /// <see cref="EnterRecursiveCall"/> for a level entered in the same C# frame right after one
    /// that passed (the evaluator's call of a class enters the levels of three nested calls at
    /// once): the count against the limit alone, the stack's room having just been checked.
    /// Pair a true result with <see cref="LeaveRecursiveCall"/>.
    /// </summary>
    public bool EnterNestedRecursiveCall(string where)
    {
        if (++_recursionDepth > RecursionLimit)
        {
            _recursionDepth--;
            Raise(Types.Exceptions.RecursionError, "maximum recursion depth exceeded" + where);
            return false;
        }

        return true;
    }

    /// <summary>Ends a level entered by <see cref="EnterRecursiveCall"/>.</summary>
    public void LeaveRecursiveCall() => _recursionDepth--;

    /// <summary>
    /// Stack-only guard for protocols CPython does not count (hash of nested tuples): false
    /// with the recursion error set when the thread's stack runs low.
    /// </summary>
    public bool HasStackFor(string where)
    {
        if (RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return true;
        }

        Raise(Types.Exceptions.RecursionError, "maximum recursion depth exceeded" + where);
        return false;
    }
}
