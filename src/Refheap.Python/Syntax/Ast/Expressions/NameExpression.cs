namespace Refheap.Python.Syntax.Ast;

/// <summary>A name: <c>x</c>. Whether it is read, assigned or deleted follows from where it stands.</summary>
internal sealed class NameExpression : Expression
{
    public NameExpression(string identifier, SourceSpan span)
        : base(span)
    {
        Identifier = identifier;
    }

    /// <summary>The name as written.</summary>
    public string Identifier { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitName(this);
}
