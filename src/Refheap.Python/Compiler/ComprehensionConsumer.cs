using Refheap.Python.Syntax.Ast;

namespace Refheap.Python.Compiler;

/// <summary>
/// The STORE_FAST an assignment applies to an inlined comprehension's result, which 3.12's
/// optimizer moves before the comprehension's restores.
/// </summary>
/// <param name="value">The comprehension whose result it takes.</param>
/// <param name="line">The line of the instruction.</param>
/// <param name="slot">The fast slot it stores to.</param>
/// <param name="emit">Emits the instruction.</param>
internal sealed class ComprehensionConsumer(Expression value, int line, int slot, Action emit)
{
    /// <summary>The comprehension whose result it takes.</summary>
    public Expression Value { get; } = value;

    /// <summary>The line of the instruction.</summary>
    public int Line { get; } = line;

    /// <summary>The fast slot it stores to.</summary>
    public int Slot { get; } = slot;

    /// <summary>Emits the instruction.</summary>
    public Action Emit { get; } = emit;

    /// <summary>Whether the comprehension emitted it.</summary>
    public bool Consumed { get; set; }
}
