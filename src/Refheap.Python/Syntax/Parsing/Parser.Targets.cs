using Refheap.Python.Syntax.Ast;
using Refheap.Python.Syntax.Lexing;

namespace Refheap.Python.Syntax.Parsing;

/// <summary>
/// Assignment, <c>for</c>, <c>with</c> and <c>del</c> targets. Targets are parsed as
/// expressions and then checked, which is where both CPythons word their errors: 3.12 in its
/// parser (with the "Maybe you meant '=='" variants of invalid_named_expression), 2.7 in ast.c
/// after the whole file has parsed.
/// </summary>
internal sealed partial class Parser
{
    private enum TargetUse
    {
        Assign,
        Delete,
    }

    /// <summary>A comma-separated list of targets (a <c>for</c> target, 2.7's exprlist): a tuple when commas appear.</summary>
    private Expression ParseTargetList()
    {
        var start = Current;
        var first = ParseTarget();
        if (!At(TokenKind.Comma))
        {
            return first;
        }

        var elements = new List<Expression> { first };
        while (Accept(TokenKind.Comma))
        {
            if (!StartsExpression(Current) && !(At(TokenKind.Star) && _dialect.StarredTargets))
            {
                break;
            }

            elements.Add(ParseTarget());
        }

        return new TupleExpression(elements, SpanFrom(start));
    }

    /// <summary>One target: an expression at the level of <c>|</c>, or 3.x's <c>*rest</c>.</summary>
    private Expression ParseTarget()
    {
        if (At(TokenKind.Star) && _dialect.StarredTargets)
        {
            var star = Advance();
            var value = ParseBitwiseOr();
            return new StarredExpression(value, SpanFrom(star));
        }

        return ParseBitwiseOr();
    }

    /// <summary>
    /// The first element of <paramref name="target"/> that cannot be assigned (or deleted), as
    /// CPython 3.12's _PyPegen_get_invalid_target finds it; null when all can.
    /// </summary>
    private static Expression? InvalidTarget(Expression target, TargetUse use) => target switch
    {
        TupleExpression tuple => tuple.Elements.Select(e => InvalidTarget(e, use)).FirstOrDefault(e => e is not null),
        ListExpression list => list.Elements.Select(e => InvalidTarget(e, use)).FirstOrDefault(e => e is not null),
        StarredExpression starred => use == TargetUse.Delete ? starred : InvalidTarget(starred.Value, use),
        NameExpression or AttributeExpression or SubscriptExpression => null,
        _ => target,
    };

    /// <summary>2.7's "can't assign to literal" / "cannot assign to None" for <paramref name="target"/>, or null.</summary>
    private static string? InvalidTargetMessage27(Expression target, TargetUse use)
    {
        var verb = use == TargetUse.Delete ? "delete" : "assign to";
        return target switch
        {
            TupleExpression { Elements.Count: 0 } => $"can't {verb} ()",
            TupleExpression tuple => tuple.Elements.Select(e => InvalidTargetMessage27(e, use)).FirstOrDefault(m => m is not null),
            ListExpression list => list.Elements.Select(e => InvalidTargetMessage27(e, use)).FirstOrDefault(m => m is not null),
            NameExpression { Identifier: "None" } or AttributeExpression { Name: "None" } => $"cannot {verb} None",
            NameExpression or AttributeExpression or SubscriptExpression => null,
            _ => $"can't {verb} {ExpressionName27(target)}",
        };
    }

    /// <summary>
    /// <c>t1 = t2 = value</c>. 3.12: a lone target's last element followed by <c>=</c> gets
    /// invalid_named_expression's messages ("cannot assign to literal here. Maybe you meant
    /// '==' instead of '='?"); otherwise the first invalid element gets "cannot assign to
    /// literal". 2.7: ast.c's "can't assign to literal", after the parse.
    /// </summary>
    private void CheckAssignmentTargets(List<Expression> targets, Expression value)
    {
        targets.ForEach(NoteTarget);
        if (!Is312)
        {
            foreach (var target in targets)
            {
                var message = target is YieldExpression && !IsParenthesized(target)
                    ? "assignment to yield expression not possible"
                    : InvalidTargetMessage27(target, TargetUse.Assign);
                if (message is not null)
                {
                    Defer(CheckPhase.Ast, ErrorOnLine27(target.Line, message));
                    return;
                }
            }

            return;
        }

        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            if (target is YieldExpression or YieldFromExpression && !IsParenthesized(target))
            {
                throw ErrorAtSpan(target.Span, "assignment to yield expression not possible");
            }

            var invalid = InvalidTarget(target, TargetUse.Assign);
            if (invalid is null)
            {
                continue;
            }

            if (targets.Count == 1)
            {
                CheckLoneInvalidAssignment(target, value);
            }

            throw ErrorAtSpan(invalid.Span, $"cannot assign to {ExpressionName312(invalid)}");
        }

        foreach (var target in targets)
        {
            CheckStarredTargets(target);
        }
    }

    /// <summary>Checks that <paramref name="target"/> binds no <c>__debug__</c>.</summary>
    private void NoteTarget(Expression target)
    {
        CheckDebugTarget(target, TargetUse.Assign);
        switch (target)
        {
            case TupleExpression tuple:
                tuple.Elements.ToList().ForEach(NoteTarget);
                break;
            case ListExpression list:
                list.Elements.ToList().ForEach(NoteTarget);
                break;
            case StarredExpression starred:
                NoteTarget(starred.Value);
                break;
        }
    }

    /// <summary>
    /// <c>__debug__</c> cannot be bound, as a name or an attribute, nor (3.x) deleted: 2.7's
    /// ast.c and 3.12's compiler check (forbidden_name).
    /// </summary>
    private void CheckDebugTarget(Expression target, TargetUse use)
    {
        switch (target)
        {
            case NameExpression { Identifier: "__debug__" }:
            case AttributeExpression { Name: "__debug__" }:
                if (use == TargetUse.Delete && !Is312)
                {
                    return;
                }

                ForbiddenDebugName(target.Span, use);
                break;
            case TupleExpression tuple:
                foreach (var element in tuple.Elements)
                {
                    CheckDebugTarget(element, use);
                }

                break;
            case ListExpression list:
                foreach (var element in list.Elements)
                {
                    CheckDebugTarget(element, use);
                }

                break;
            case StarredExpression starred:
                CheckDebugTarget(starred.Value, use);
                break;
        }
    }

    /// <summary>2.7's ast.c forbids binding the name <c>None</c> anywhere (3.x's None is a keyword).</summary>
    private void CheckNotNone27(string name, int line)
    {
        if (name == "None" && !_dialect.ConstantKeywords)
        {
            Defer(CheckPhase.Ast, ErrorOnLine27(line, "cannot assign to None"));
        }
    }

    private void ForbiddenDebugName(SourceSpan span, TargetUse use = TargetUse.Assign)
    {
        var message = use == TargetUse.Delete ? "cannot delete __debug__" : "cannot assign to __debug__";
        if (Is312)
        {
            Defer(CheckPhase.Compiler, ErrorAtSpan(span, message));
        }
        else
        {
            Defer(CheckPhase.Ast, ErrorOnLine27(span.Line, message));
        }
    }

    /// <summary>3.12's invalid_named_expression, reached through invalid_assignment for <c>a, 1 = x</c> and <c>1 = x</c>.</summary>
    private void CheckLoneInvalidAssignment(Expression target, Expression value)
    {
        var last = target is TupleExpression { Elements.Count: > 0 } tuple && !IsParenthesized(tuple) ? tuple.Elements[^1] : target;
        if (last is StarredExpression)
        {
            return;
        }

        var valuePrefix = LeadingBitwiseOr(value);
        if (valuePrefix is null)
        {
            return;
        }

        if (last is NameExpression name && !IsParenthesized(name) && last.Span.EndColumn - last.Span.Column == name.Identifier.Length)
        {
            throw ErrorAtRange(last.Span, valuePrefix.Span, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }

        var startsWithDisplay = last is ListExpression or ListComprehension
            || (IsParenthesized(LeftmostAtom(last)) && LeftmostAtom(last) is TupleExpression or GeneratorExpression)
            || LeftmostAtom(last) is GeneratorExpression or BooleanLiteral or NoneLiteral
            || (LeftmostAtom(last) is ListExpression or ListComprehension);
        if (!startsWithDisplay && IsBitwiseOrLevel(last))
        {
            throw ErrorAtSpan(last.Span, $"cannot assign to {ExpressionName312(last)} here. Maybe you meant '==' instead of '='?");
        }
    }

    /// <summary>What CPython's bitwise_or rule reads at the start of <paramref name="value"/>, or null when it reads nothing.</summary>
    private Expression? LeadingBitwiseOr(Expression value) => IsParenthesized(value) ? value : value switch
    {
        CompareExpression compare => LeadingBitwiseOr(compare.Left),
        BooleanExpression boolean => LeadingBitwiseOr(boolean.Values[0]),
        ConditionalExpression conditional => LeadingBitwiseOr(conditional.Body),
        TupleExpression { Elements.Count: > 0 } tuple => LeadingBitwiseOr(tuple.Elements[0]),
        UnaryExpression { Operator: UnaryOperator.Not } or LambdaExpression or YieldExpression or YieldFromExpression
            or StarredExpression or NamedExpression or TupleExpression => null,
        _ => value,
    };

    /// <summary>3.12's compiler: a starred target must sit in a tuple or list, at most one per level.</summary>
    private void CheckStarredTargets(Expression target)
    {
        if (!_dialect.StarredTargets)
        {
            return;
        }

        if (target is StarredExpression)
        {
            Defer(CheckPhase.Compiler, ErrorAtSpan(target.Span, "starred assignment target must be in a list or tuple"));
            return;
        }

        CheckStarredElements(target);
    }

    private void CheckStarredElements(Expression target)
    {
        var elements = target switch
        {
            TupleExpression tuple => tuple.Elements,
            ListExpression list => list.Elements,
            _ => null,
        };
        if (elements is null)
        {
            return;
        }

        if (elements.Count(e => e is StarredExpression) > 1)
        {
            Defer(CheckPhase.Compiler, ErrorAtSpan(target.Span, "multiple starred expressions in assignment"));
        }

        foreach (var element in elements)
        {
            CheckStarredElements(element is StarredExpression starred ? starred.Value : element);
        }
    }

    /// <summary><c>target op= value</c>: only a name, an attribute or a subscript.</summary>
    private void CheckAugmentedTarget(Expression target)
    {
        CheckDebugTarget(target, TargetUse.Assign);
        if (target is NameExpression or AttributeExpression or SubscriptExpression)
        {
            if (!Is312 && target is NameExpression { Identifier: "None" })
            {
                Defer(CheckPhase.Ast, ErrorOnLine27(target.Line, "cannot assign to None"));
            }

            return;
        }

        if (Is312)
        {
            throw ErrorAtSpan(target.Span, $"'{ExpressionName312(target)}' is an illegal expression for augmented assignment");
        }

        var message = InvalidTargetMessage27(target, TargetUse.Assign) ?? "illegal expression for augmented assignment";
        Defer(CheckPhase.Ast, ErrorOnLine27(target.Line, message));
    }

    /// <summary>A <c>for</c> or comprehension target.</summary>
    private void CheckForTarget(Expression target) => CheckAssignTarget(target);

    /// <summary>A target checked on its own (<c>for</c>, <c>with ... as</c>): "cannot assign to X" at the invalid element.</summary>
    private void CheckAssignTarget(Expression target)
    {
        NoteTarget(target);
        if (!Is312)
        {
            CheckAssignTarget27(target);
            return;
        }

        var invalid = InvalidTarget(target, TargetUse.Assign);
        if (invalid is not null)
        {
            throw ErrorAtSpan(invalid.Span, $"cannot assign to {ExpressionName312(invalid)}");
        }

        CheckStarredTargets(target);
    }

    private void CheckAssignTarget27(Expression target)
    {
        if (InvalidTargetMessage27(target, TargetUse.Assign) is { } message)
        {
            Defer(CheckPhase.Ast, ErrorOnLine27(target.Line, message));
        }
    }

    private void CheckDeleteTarget(Expression target)
    {
        CheckDebugTarget(target, TargetUse.Delete);
        if (Is312)
        {
            var invalid = InvalidTarget(target, TargetUse.Delete);
            if (invalid is not null)
            {
                throw ErrorAtSpan(invalid.Span, $"cannot delete {ExpressionName312(invalid)}");
            }

            return;
        }

        if (InvalidTargetMessage27(target, TargetUse.Delete) is { } message)
        {
            Defer(CheckPhase.Ast, ErrorOnLine27(target.Line, message));
        }
    }

    /// <summary>
    /// A value (right-hand side, return value, iterable, expression statement): a lone
    /// <c>*x</c> is 3.12's compile error "can't use starred expression here" (in a display it
    /// unpacks: PEP 448).
    /// </summary>
    private void CheckNoStarredValue(Expression value)
    {
        if (value is StarredExpression)
        {
            Defer(CheckPhase.Compiler, ErrorAtSpan(value.Span, "can't use starred expression here"));
            return;
        }

    }

    private void CheckExpressionStatement(Expression value) => CheckNoStarredValue(value);
}
