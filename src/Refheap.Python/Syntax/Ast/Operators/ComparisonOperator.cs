namespace Refheap.Python.Syntax.Ast;

/// <summary>The operators of <see cref="CompareExpression"/>.</summary>
internal enum ComparisonOperator
{
    Equal,

    /// <summary><c>!=</c>, or 2.7's <c>&lt;&gt;</c>.</summary>
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Is,
    IsNot,
    In,
    NotIn,
}
