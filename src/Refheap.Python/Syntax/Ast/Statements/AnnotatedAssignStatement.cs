namespace Refheap.Python.Syntax.Ast;

/// <summary>3.6+: <c>target: annotation = value</c>. Refheap evaluates no annotations; the value, if any, is assigned.</summary>
internal sealed class AnnotatedAssignStatement : Statement
{
    public AnnotatedAssignStatement(Expression target, Expression annotation, Expression? value, bool isSimple, SourceSpan span)
        : base(span)
    {
        Target = target;
        Annotation = annotation;
        Value = value;
        IsSimple = isSimple;
    }

    public Expression Target { get; }

    public Expression Annotation { get; }

    public Expression? Value { get; }

    /// <summary>The target is a bare name, not parenthesized.</summary>
    public bool IsSimple { get; }

    public override TResult Accept<TResult>(IStatementVisitor<TResult> visitor) => visitor.VisitAnnotatedAssignStatement(this);
}
