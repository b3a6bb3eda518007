namespace Refheap.Python.Syntax.Ast;

/// <summary>An f-string (CPython's JoinedStr), joined with any adjacent literals: literal parts are <see cref="StringLiteral"/>s, fields are <see cref="FormattedValue"/>s.</summary>
internal sealed class FormattedString : Expression
{
    public FormattedString(IReadOnlyList<Expression> parts, SourceSpan span)
        : base(span)
    {
        Parts = parts;
    }

    public IReadOnlyList<Expression> Parts { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitFormattedString(this);
}
