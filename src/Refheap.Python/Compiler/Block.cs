using Refheap.Python.Syntax.Ast;

namespace Refheap.Python.Compiler;

/// <summary>An enclosing statement that jumps out of it must clean up after (a frame block, resolved at compile time).</summary>
internal sealed class Block
{
    /// <summary>What kind of statement.</summary>
    public required BlockKind Kind { get; init; }

    /// <summary>Loops: where <c>continue</c> goes.</summary>
    public Label? Continue { get; init; }

    /// <summary>Loops: where <c>break</c> goes.</summary>
    public Label? Break { get; init; }

    /// <summary>TryFinally: the finally body to run when leaving.</summary>
    public IReadOnlyList<Statement>? FinalBody { get; init; }

    /// <summary>TryFinally: how many handlers were active outside the try (the inline copy runs under those).</summary>
    public int OuterHandlerDepth { get; init; }

    /// <summary>ExceptHandler: the <c>as</c> name 3.x unbinds on leaving, or null.</summary>
    public string? BoundName { get; init; }
}
