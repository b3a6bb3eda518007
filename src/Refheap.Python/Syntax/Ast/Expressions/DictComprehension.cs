namespace Refheap.Python.Syntax.Ast;

/// <summary><c>{key: value for ...}</c>.</summary>
internal sealed class DictComprehension : Expression
{
    public DictComprehension(Expression key, Expression value, IReadOnlyList<Comprehension> generators, SourceSpan span)
        : base(span)
    {
        Key = key;
        Value = value;
        Generators = generators;
    }

    public Expression Key { get; }

    public Expression Value { get; }

    public IReadOnlyList<Comprehension> Generators { get; }

    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitDictComprehension(this);
}
