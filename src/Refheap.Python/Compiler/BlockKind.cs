namespace Refheap.Python.Compiler;

/// <summary>Statements a <c>return</c>, <c>break</c> or <c>continue</c> may have to leave, each with its own clean-up.</summary>
internal enum BlockKind
{
    /// <summary>A <c>while</c> loop.</summary>
    WhileLoop,

    /// <summary>A <c>for</c> loop: its iterator is on the stack.</summary>
    ForLoop,

    /// <summary>The body of a <c>try</c> with a <c>finally</c>: leaving runs the finally body.</summary>
    TryFinally,

    /// <summary>An <c>except</c> clause's body: the previous handled exception is on the stack.</summary>
    ExceptHandler,

    /// <summary>The finally body run for an exception: the exception and the previous handled one are on the stack.</summary>
    FinallyException,

    /// <summary>A <c>with</c> body: the bound <c>__exit__</c> is on the stack.</summary>
    With,
}
