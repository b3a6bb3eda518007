namespace Refheap.Python.Syntax.Ast;

/// <summary>
/// One method per expression node, so that a pass over the tree (the compiler, the dumper)
/// cannot forget a kind of node: adding a node adds a method every visitor must implement.
/// </summary>
internal interface IExpressionVisitor<out TResult>
{
    TResult VisitName(NameExpression node);

    TResult VisitIntegerLiteral(IntegerLiteral node);

    TResult VisitFloatLiteral(FloatLiteral node);

    TResult VisitImaginaryLiteral(ImaginaryLiteral node);

    TResult VisitStringLiteral(StringLiteral node);

    TResult VisitFormattedString(FormattedString node);

    TResult VisitFormattedValue(FormattedValue node);

    TResult VisitNoneLiteral(NoneLiteral node);

    TResult VisitBooleanLiteral(BooleanLiteral node);

    TResult VisitEllipsisLiteral(EllipsisLiteral node);

    TResult VisitTuple(TupleExpression node);

    TResult VisitList(ListExpression node);

    TResult VisitSet(SetExpression node);

    TResult VisitDict(DictExpression node);

    TResult VisitListComprehension(ListComprehension node);

    TResult VisitSetComprehension(SetComprehension node);

    TResult VisitDictComprehension(DictComprehension node);

    TResult VisitGenerator(GeneratorExpression node);

    TResult VisitAttribute(AttributeExpression node);

    TResult VisitSubscript(SubscriptExpression node);

    TResult VisitSlice(SliceExpression node);

    TResult VisitCall(CallExpression node);

    TResult VisitStarred(StarredExpression node);

    TResult VisitUnary(UnaryExpression node);

    TResult VisitBinary(BinaryExpression node);

    TResult VisitBoolean(BooleanExpression node);

    TResult VisitCompare(CompareExpression node);

    TResult VisitConditional(ConditionalExpression node);

    TResult VisitLambda(LambdaExpression node);

    TResult VisitYield(YieldExpression node);

    TResult VisitYieldFrom(YieldFromExpression node);

    TResult VisitAwait(AwaitExpression node);

    TResult VisitNamed(NamedExpression node);

    TResult VisitRepr(ReprExpression node);
}
