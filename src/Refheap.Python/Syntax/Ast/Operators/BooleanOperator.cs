namespace Refheap.Python.Syntax.Ast;

/// <summary>The operators of <see cref="BooleanExpression"/>.</summary>
internal enum BooleanOperator
{
    And,
    Or,
}
