using System.Numerics;

namespace Refheap.Python.Syntax.Ast;

/// <summary>An integer literal: <c>42</c>, <c>0xff</c>, <c>0o17</c>, 2.7's <c>0777</c> and <c>10L</c>.</summary>
internal sealed class IntegerLiteral : Expression
{
    public IntegerLiteral(BigInteger value, bool isLong, SourceSpan span)
        : base(span)
    {
        Value = value;
        IsLong = isLong;
    }

    public BigInteger Value { get; }

    /// <summary>2.7: written with an <c>L</c> suffix, so a <c>long</c> even when small.</summary>
    public bool IsLong { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitIntegerLiteral(this);
}
