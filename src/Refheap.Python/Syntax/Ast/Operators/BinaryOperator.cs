namespace Refheap.Python.Syntax.Ast;

/// <summary>The operators of <see cref="BinaryExpression"/> and <see cref="AugmentedAssignStatement"/>.</summary>
internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,

    /// <summary>3.5+: <c>@</c>.</summary>
    MatrixMultiply,

    /// <summary><c>/</c>: floor division for 2.7's ints unless <see cref="FutureFeatures.Division"/>.</summary>
    Divide,
    Modulo,
    Power,
    LeftShift,
    RightShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDivide,
}
