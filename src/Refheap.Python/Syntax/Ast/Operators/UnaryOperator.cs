namespace Refheap.Python.Syntax.Ast;

/// <summary>The operators of <see cref="UnaryExpression"/>.</summary>
internal enum UnaryOperator
{
    /// <summary><c>~</c>.</summary>
    Invert,
    Not,

    /// <summary>Unary <c>+</c>.</summary>
    Plus,

    /// <summary>Unary <c>-</c>.</summary>
    Minus,
}
