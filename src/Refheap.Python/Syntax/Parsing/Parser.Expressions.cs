using Refheap.Python.Syntax.Ast;
using Refheap.Python.Syntax.Lexing;

namespace Refheap.Python.Syntax.Parsing;

/// <summary>
/// Expressions, from the loosest binding (<c>lambda</c>, conditional, <c>or</c>) to atoms, one
/// method per precedence level as in the grammar. A node's span starts at the first token of
/// its rule (so <c>(f)(a)</c> starts at the parenthesis) and ends at its last token.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Expressions that stood in parentheses of their own (a group or a tuple display).</summary>
    private readonly HashSet<Expression> _parenthesized = new(ReferenceEqualityComparer.Instance);

    /// <summary>Every yield read so far, with the scope it belongs to (a comprehension may not hold one).</summary>
    private readonly List<(Expression Yield, Scope Scope)> _yields = [];

    /// <summary>2.7: yields that belong to a generator expression's or set or dict comprehension's own function.</summary>
    private readonly HashSet<Expression> _comprehensionYields = new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether a yield makes <paramref name="scope"/>'s function a generator.</summary>
    private bool IsGenerator(Scope scope) => _yields.Any(y => y.Scope == scope && !_comprehensionYields.Contains(y.Yield));

    /// <summary>Set while parsing the right-hand expression of a 3.12 error check, which must not check again.</summary>
    private bool _noInvalidChecks;

    private bool IsParenthesized(Expression expression) => _parenthesized.Contains(expression);

    /// <summary>Whether <paramref name="token"/> can begin an expression.</summary>
    private bool StartsExpression(Token token) => token.Kind switch
    {
        TokenKind.Name => IsPlainName(token) || token.Keyword is Keyword.Not or Keyword.Lambda or Keyword.Await
            or Keyword.NoneValue or Keyword.True or Keyword.False,
        TokenKind.Integer or TokenKind.Float or TokenKind.Imaginary or TokenKind.String or TokenKind.FStringStart
            or TokenKind.LeftParen or TokenKind.LeftBracket or TokenKind.LeftBrace or TokenKind.Minus or TokenKind.Plus
            or TokenKind.Tilde or TokenKind.Ellipsis or TokenKind.Backquote => true,
        _ => false,
    };

    /// <summary>star_expressions (2.7: testlist): one expression, or a tuple when commas follow.</summary>
    private Expression ParseStarExpressions()
    {
        var start = Current;
        var first = ParseStarExpression();
        if (!At(TokenKind.Comma))
        {
            return first;
        }

        var elements = new List<Expression> { first };
        while (Accept(TokenKind.Comma))
        {
            if (!StartsExpression(Current) && !At(TokenKind.Star))
            {
                break;
            }

            elements.Add(ParseStarExpression());
        }

        return new TupleExpression(elements, SpanFrom(start));
    }

    private Expression ParseStarExpression()
    {
        if (At(TokenKind.Star) && _dialect.StarredTargets)
        {
            var star = Advance();
            var value = ParseBitwiseOr();
            return new StarredExpression(value, SpanFrom(star));
        }

        return ParseExpression();
    }

    /// <summary>star_named_expression: an element of a display.</summary>
    private Expression ParseStarNamedExpression() =>
        At(TokenKind.Star) && _dialect.StarredExpressions ? ParseStarExpression() : ParseNamedExpression();

    /// <summary>
    /// named_expression (2.7: test): <c>x := value</c> or an expression. In 3.12 a stray <c>=</c>
    /// after it gets the messages of CPython's invalid_named_expression.
    /// </summary>
    private Expression ParseNamedExpression()
    {
        if (_dialect.AssignmentExpressions && AtPlainName && Peek(1).Kind == TokenKind.ColonEqual)
        {
            var name = Advance();
            Advance();
            var value = ParseExpression();
            if (name.Text == "__debug__")
            {
                ForbiddenDebugName(name.Span);
            }

            return new NamedExpression(new NameExpression(name.Text, name.Span), value, SpanFrom(name));
        }

        var start = Current;
        var expression = ParseExpression();
        if (Is312 && !_noInvalidChecks)
        {
            if (At(TokenKind.ColonEqual))
            {
                throw ErrorAtSpan(expression.Span, $"cannot use assignment expressions with {ExpressionName312(expression)}");
            }

            if (At(TokenKind.Equal))
            {
                CheckStrayAssignment(start, expression);
            }
        }

        return expression;
    }

    /// <summary>
    /// 3.12: <c>if x = 1:</c> and the like. Raises when the <c>=</c> is followed by a value that
    /// no further <c>=</c> follows; otherwise leaves the parse where it was.
    /// </summary>
    private void CheckStrayAssignment(Token start, Expression target)
    {
        var singleName = target is NameExpression && target.Span == start.Span;
        var startsWithDisplay = start.Kind == TokenKind.LeftBracket
            || (start.Kind == TokenKind.LeftParen && LeftmostAtom(target) is TupleExpression or GeneratorExpression)
            || start.Keyword is Keyword.True or Keyword.False or Keyword.NoneValue;
        if (!singleName && (startsWithDisplay || !IsBitwiseOrLevel(target)))
        {
            return;
        }

        var speculation = Save();
        Expression? value = null;
        try
        {
            _noInvalidChecks = true;
            Advance();
            value = ParseBitwiseOr();
        }
        catch (PythonSyntaxError) when (_lexerError is null)
        {
        }
        finally
        {
            _noInvalidChecks = false;
        }

        if (value is not null && !At(TokenKind.Equal) && !At(TokenKind.ColonEqual))
        {
            throw singleName
                ? ErrorAtRange(target.Span, value.Span, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
                : ErrorAtSpan(target.Span, $"cannot assign to {ExpressionName312(target)} here. Maybe you meant '==' instead of '='?");
        }

        Restore(speculation);
    }

    private bool IsBitwiseOrLevel(Expression expression) =>
        IsParenthesized(expression) || expression is not (CompareExpression or BooleanExpression or ConditionalExpression
            or LambdaExpression or StarredExpression or NamedExpression or UnaryExpression { Operator: UnaryOperator.Not });

    private static Expression LeftmostAtom(Expression expression) => expression switch
    {
        AttributeExpression a => LeftmostAtom(a.Value),
        SubscriptExpression s => LeftmostAtom(s.Value),
        CallExpression c => LeftmostAtom(c.Function),
        BinaryExpression b => LeftmostAtom(b.Left),
        _ => expression,
    };

    /// <summary>expression (2.7: test): a lambda, a conditional expression, or a disjunction.</summary>
    private Expression ParseExpression()
    {
        if (At(Keyword.Lambda))
        {
            return ParseLambda();
        }

        var start = Current;
        var body = ParseDisjunction();
        if (At(Keyword.If))
        {
            Advance();
            var test = ParseDisjunction();
            if (!At(Keyword.Else))
            {
                if (Is312 && !At(TokenKind.Colon) && !_noInvalidChecks)
                {
                    throw ErrorAtRange(body.Span, test.Span, "expected 'else' after 'if' expression");
                }

                throw InvalidSyntax(Current);
            }

            Advance();
            var orElse = ParseExpression();
            return new ConditionalExpression(test, body, orElse, SpanFrom(start));
        }

        if (Is312 && !_noInvalidChecks)
        {
            CheckJuxtaposedExpression(start, body);
        }

        return body;
    }

    /// <summary>
    /// 3.12: an expression directly followed by another one. <c>print x</c> gets "Missing
    /// parentheses in call to 'print'" (invalid_legacy_expression); inside brackets,
    /// <c>f(a b)</c> gets "Perhaps you forgot a comma?" (invalid_expression).
    /// </summary>
    private void CheckJuxtaposedExpression(Token start, Expression first)
    {
        var next = Current;
        var startsAnother = next.Kind switch
        {
            TokenKind.Name => IsPlainName(next) || next.Keyword is Keyword.Not or Keyword.Lambda or Keyword.Await
                or Keyword.NoneValue or Keyword.True or Keyword.False,
            TokenKind.Integer or TokenKind.Float or TokenKind.Imaginary or TokenKind.String or TokenKind.FStringStart
                or TokenKind.LeftBrace or TokenKind.Tilde or TokenKind.Ellipsis => true,
            _ => false,
        };
        if (!startsAnother)
        {
            return;
        }

        var legacy = first is NameExpression { Identifier: "print" or "exec" } && first.Span == start.Span;
        var softKeyword = start.Kind == TokenKind.Name && start.Text is "match" or "case" or "_" or "type";
        var nameThenString = first is NameExpression && first.Span == start.Span && next.Kind == TokenKind.String;
        if (!legacy && (_bracketDepth == 0 || softKeyword || nameThenString))
        {
            return;
        }

        var speculation = Save();
        Expression? second = null;
        try
        {
            _noInvalidChecks = true;
            second = legacy ? ParseStarExpressions() : ParseExpression();
        }
        catch (PythonSyntaxError) when (_lexerError is null)
        {
        }
        finally
        {
            _noInvalidChecks = false;
        }

        if (second is not null)
        {
            if (legacy)
            {
                var name = ((NameExpression)first).Identifier;
                throw ErrorAtRange(first.Span, second.Span, $"Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
            }

            throw ErrorAtRange(first.Span, second.Span, "invalid syntax. Perhaps you forgot a comma?");
        }

        Restore(speculation);
    }

    private Expression ParseDisjunction()
    {
        var start = Current;
        var first = ParseConjunction();
        if (!At(Keyword.Or))
        {
            return first;
        }

        var values = new List<Expression> { first };
        while (Accept(Keyword.Or))
        {
            values.Add(ParseConjunction());
        }

        return new BooleanExpression(BooleanOperator.Or, values, SpanFrom(start));
    }

    private Expression ParseConjunction()
    {
        var start = Current;
        var first = ParseInversion();
        if (!At(Keyword.And))
        {
            return first;
        }

        var values = new List<Expression> { first };
        while (Accept(Keyword.And))
        {
            values.Add(ParseInversion());
        }

        return new BooleanExpression(BooleanOperator.And, values, SpanFrom(start));
    }

    private Expression ParseInversion()
    {
        if (At(Keyword.Not))
        {
            var not = Advance();
            var operand = ParseInversion();
            return new UnaryExpression(UnaryOperator.Not, operand, SpanFrom(not));
        }

        return ParseComparison();
    }

    private Expression ParseComparison()
    {
        var start = Current;
        var left = ParseBitwiseOr();
        List<ComparisonOperator>? operators = null;
        List<Expression>? comparators = null;
        while (true)
        {
            ComparisonOperator op;
            switch (Current.Kind)
            {
                case TokenKind.Less: op = ComparisonOperator.Less; break;
                case TokenKind.Greater: op = ComparisonOperator.Greater; break;
                case TokenKind.EqualEqual: op = ComparisonOperator.Equal; break;
                case TokenKind.GreaterEqual: op = ComparisonOperator.GreaterOrEqual; break;
                case TokenKind.LessEqual: op = ComparisonOperator.LessOrEqual; break;
                case TokenKind.NotEqual: op = ComparisonOperator.NotEqual; break;
                case TokenKind.Name when At(Keyword.In): op = ComparisonOperator.In; break;
                case TokenKind.Name when At(Keyword.Not) && Peek(1).Keyword == Keyword.In:
                    Advance();
                    op = ComparisonOperator.NotIn;
                    break;
                case TokenKind.Name when At(Keyword.Is):
                    if (Peek(1).Keyword == Keyword.Not)
                    {
                        Advance();
                        op = ComparisonOperator.IsNot;
                    }
                    else
                    {
                        op = ComparisonOperator.Is;
                    }

                    break;
                default:
                    if (operators is null)
                    {
                        return left;
                    }

                    var compare = new CompareExpression(left, operators, comparators!, SpanFrom(start));
                    CheckIsLiteral(compare);
                    return compare;
            }

            Advance();
            (operators ??= []).Add(op);
            (comparators ??= []).Add(ParseBitwiseOr());
        }
    }

    /// <summary>
    /// 3.8+'s compiler warns of <c>x is 1</c> (check_compare): <c>is</c> with a literal other
    /// than None, True, False or Ellipsis is almost always a mistake for <c>==</c>.
    /// </summary>
    private void CheckIsLiteral(CompareExpression compare)
    {
        if (!_dialect.AssignmentExpressions)
        {
            return;
        }

        var left = compare.Left;
        for (var i = 0; i < compare.Operators.Count; i++)
        {
            var right = compare.Comparators[i];
            if (compare.Operators[i] is ComparisonOperator.Is or ComparisonOperator.IsNot
                && (LiteralTypeName(left) ?? LiteralTypeName(right)) is { } typeName)
            {
                CompilerWarning(compare.Line, compare.Operators[i] == ComparisonOperator.Is
                    ? $"\"is\" with '{typeName}' literal. Did you mean \"==\"?"
                    : $"\"is not\" with '{typeName}' literal. Did you mean \"!=\"?");
                return;
            }

            left = right;
        }
    }

    /// <summary>The type of a constant the AST optimizer would fold <paramref name="expression"/> into, unless a singleton.</summary>
    private static string? LiteralTypeName(Expression expression) => expression switch
    {
        IntegerLiteral => "int",
        FloatLiteral => "float",
        ImaginaryLiteral => "complex",
        StringLiteral { Kind: StringKind.Bytes } => "bytes",
        StringLiteral => "str",
        UnaryExpression { Operator: UnaryOperator.Minus or UnaryOperator.Plus or UnaryOperator.Invert, Operand: var operand } => LiteralTypeName(operand),
        TupleExpression tuple when tuple.Elements.All(e => e is NoneLiteral or BooleanLiteral or EllipsisLiteral || LiteralTypeName(e) is not null) => "tuple",
        _ => null,
    };

    private Expression ParseBitwiseOr() => ParseBinaryLevel(0);

    /// <summary>The binary operators from <c>|</c> (level 0) to <c>* / // % @</c> (level 5), all left-associative.</summary>
    private Expression ParseBinaryLevel(int level)
    {
        if (level == 6)
        {
            return ParseFactor();
        }

        var start = Current;
        var left = ParseBinaryLevel(level + 1);
        while (BinaryOperatorAt(level, Current.Kind) is { } op)
        {
            Advance();
            var right = ParseBinaryLevel(level + 1);
            left = new BinaryExpression(op, left, right, SpanFrom(start));
        }

        return left;
    }

    private BinaryOperator? BinaryOperatorAt(int level, TokenKind kind) => (level, kind) switch
    {
        (0, TokenKind.VerticalBar) => BinaryOperator.BitOr,
        (1, TokenKind.Circumflex) => BinaryOperator.BitXor,
        (2, TokenKind.Ampersand) => BinaryOperator.BitAnd,
        (3, TokenKind.LeftShift) => BinaryOperator.LeftShift,
        (3, TokenKind.RightShift) => BinaryOperator.RightShift,
        (4, TokenKind.Plus) => BinaryOperator.Add,
        (4, TokenKind.Minus) => BinaryOperator.Subtract,
        (5, TokenKind.Star) => BinaryOperator.Multiply,
        (5, TokenKind.Slash) => BinaryOperator.Divide,
        (5, TokenKind.DoubleSlash) => BinaryOperator.FloorDivide,
        (5, TokenKind.Percent) => BinaryOperator.Modulo,
        (5, TokenKind.At) when _dialect.MatrixMultiplication => BinaryOperator.MatrixMultiply,
        _ => null,
    };

    /// <summary>
    /// Unary <c>+ - ~</c>. 2.7 folds <c>-</c> applied directly to a number literal into a
    /// negative literal (ast.c's ast_for_factor), so <c>-9223372036854775808</c> is an int.
    /// </summary>
    private Expression ParseFactor()
    {
        var op = Current.Kind switch
        {
            TokenKind.Plus => UnaryOperator.Plus,
            TokenKind.Minus => UnaryOperator.Minus,
            TokenKind.Tilde => UnaryOperator.Invert,
            _ => (UnaryOperator?)null,
        };
        if (op is null)
        {
            return ParsePower();
        }

        var opToken = Advance();
        var operandToken = Current;
        var operand = ParseFactor();
        if (op == UnaryOperator.Minus && !_dialect.UnderscoresInNumbers
            && operandToken.Kind is TokenKind.Integer or TokenKind.Float or TokenKind.Imaginary
            && operand.Span == operandToken.Span)
        {
            return NegatedLiteral(operand, SpanFrom(opToken));
        }

        return new UnaryExpression(op.Value, operand, SpanFrom(opToken));
    }

    private static Expression NegatedLiteral(Expression literal, SourceSpan span) => literal switch
    {
        IntegerLiteral i => new IntegerLiteral(-i.Value, i.IsLong, span),
        FloatLiteral f => new FloatLiteral(-f.Value, span),
        ImaginaryLiteral j => new ImaginaryLiteral(-j.Value, span),
        _ => literal,
    };

    /// <summary><c>primary ** factor</c> (right-associative through the factor); 3.x's <c>await</c>.</summary>
    private Expression ParsePower()
    {
        var start = Current;
        Expression operand;
        if (At(Keyword.Await))
        {
            var await = Advance();
            var value = ParsePrimary();
            operand = new AwaitExpression(value, SpanFrom(await));
            Unsupported("await expressions", operand.Span);
        }
        else
        {
            operand = ParsePrimary();
        }

        if (Accept(TokenKind.DoubleStar))
        {
            var exponent = ParseFactor();
            return new BinaryExpression(BinaryOperator.Power, operand, exponent, SpanFrom(start));
        }

        return operand;
    }

    /// <summary>An atom followed by attribute references, calls and subscripts.</summary>
    private Expression ParsePrimary()
    {
        var start = Current;
        var expression = ParseAtom();
        while (true)
        {
            switch (Current.Kind)
            {
                case TokenKind.Dot:
                    Advance();
                    var name = ExpectName();
                    expression = new AttributeExpression(expression, name.Text, SpanFrom(start));
                    break;
                case TokenKind.LeftParen:
                    expression = ParseCall(expression, start.Span);
                    break;
                case TokenKind.LeftBracket:
                    expression = ParseSubscript(expression, start.Span);
                    break;
                default:
                    return expression;
            }
        }
    }

    private Expression ParseAtom()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Name when IsPlainName(token):
                Advance();
                return new NameExpression(token.Text, token.Span);
            case TokenKind.Name when token.Keyword == Keyword.NoneValue:
                Advance();
                return new NoneLiteral(token.Span);
            case TokenKind.Name when token.Keyword is Keyword.True or Keyword.False:
                Advance();
                return new BooleanLiteral(token.Keyword == Keyword.True, token.Span);
            case TokenKind.Integer or TokenKind.Float or TokenKind.Imaginary:
                Advance();
                return NumberLiteral(token);
            case TokenKind.String or TokenKind.FStringStart:
                return ParseStrings();
            case TokenKind.LeftParen:
                return ParseParenthesized();
            case TokenKind.LeftBracket:
                return ParseListDisplay();
            case TokenKind.LeftBrace:
                return ParseBraceDisplay();
            case TokenKind.Ellipsis:
                Advance();
                return new EllipsisLiteral(token.Span);
            case TokenKind.Backquote:
                return ParseBackquoteRepr();
            default:
                throw InvalidSyntax(token);
        }
    }

    /// <summary>2.7: <c>`a, b`</c>.</summary>
    private Expression ParseBackquoteRepr()
    {
        var open = Advance();
        var start = Current;
        var value = ParseExpression();
        if (At(TokenKind.Comma))
        {
            var elements = new List<Expression> { value };
            while (Accept(TokenKind.Comma) && !At(TokenKind.Backquote))
            {
                elements.Add(ParseExpression());
            }

            value = new TupleExpression(elements, SpanFrom(start));
        }

        Expect(TokenKind.Backquote);
        return new ReprExpression(value, SpanFrom(open));
    }

    /// <summary><c>( )</c>: an empty tuple, a group, a tuple, a generator expression, a parenthesized yield.</summary>
    private Expression ParseParenthesized()
    {
        var open = Advance();
        _bracketDepth++;
        if (At(TokenKind.RightParen))
        {
            Advance();
            _bracketDepth--;
            return Parenthesized(new TupleExpression([], SpanFrom(open)));
        }

        if (At(Keyword.Yield))
        {
            var yield = ParseYieldExpression();
            Expect(TokenKind.RightParen);
            _bracketDepth--;
            return Parenthesized(yield);
        }

        var first = _dialect.AssignmentExpressions ? ParseStarNamedExpression() : ParseExpression();
        if (AtComprehension())
        {
            var generators = ParseComprehensionClauses(listComprehension: false);
            Expect(TokenKind.RightParen);
            _bracketDepth--;
            CheckComprehensionElement(first);
            return CheckYieldInComprehension(new GeneratorExpression(first, generators, SpanFrom(open)), generators, "generator expression");
        }

        if (At(TokenKind.Comma))
        {
            var elements = new List<Expression> { first };
            while (Accept(TokenKind.Comma) && !At(TokenKind.RightParen))
            {
                elements.Add(_dialect.AssignmentExpressions ? ParseStarNamedExpression() : ParseExpression());
            }

            Expect(TokenKind.RightParen);
            _bracketDepth--;
            return Parenthesized(new TupleExpression(elements, SpanFrom(open)));
        }

        Expect(TokenKind.RightParen);
        _bracketDepth--;
        if (first is StarredExpression)
        {
            Defer(CheckPhase.Compiler, ErrorAtSpan(first.Span, "cannot use starred expression here"));
        }

        return Parenthesized(first);
    }

    private Expression Parenthesized(Expression expression)
    {
        _parenthesized.Add(expression);
        return expression;
    }

    private Expression ParseListDisplay()
    {
        var open = Advance();
        _bracketDepth++;
        var elements = new List<Expression>();
        if (!At(TokenKind.RightBracket))
        {
            var first = ParseDisplayElement();
            if (AtComprehension())
            {
                var generators = ParseComprehensionClauses(listComprehension: true);
                Expect(TokenKind.RightBracket);
                _bracketDepth--;
                CheckComprehensionElement(first);
                return CheckYieldInComprehension(new ListComprehension(first, generators, SpanFrom(open)), generators, "list comprehension");
            }

            elements.Add(first);
            while (Accept(TokenKind.Comma) && !At(TokenKind.RightBracket))
            {
                elements.Add(ParseDisplayElement());
            }

            CheckUnparenthesizedComprehensionTarget(elements);
        }

        Expect(TokenKind.RightBracket);
        _bracketDepth--;
        return new ListExpression(elements, SpanFrom(open));
    }

    private Expression ParseDisplayElement() => _dialect.AssignmentExpressions ? ParseStarNamedExpression() : ParseExpression();

    /// <summary><c>{ }</c>: a dict or set display or comprehension.</summary>
    private Expression ParseBraceDisplay()
    {
        var open = Advance();
        _bracketDepth++;
        if (Accept(TokenKind.RightBrace))
        {
            _bracketDepth--;
            return new DictExpression([], [], SpanFrom(open));
        }

        if (At(TokenKind.DoubleStar) && _dialect.StarredExpressions)
        {
            return ParseDictDisplayRest(open, null, null);
        }

        var first = ParseDisplayElement();
        if (Accept(TokenKind.Colon))
        {
            CheckDictionaryValueFollows();
            CheckStarredDictionaryValue();
            var value = ParseExpression();
            if (AtComprehension())
            {
                var generators = ParseComprehensionClauses(listComprehension: false);
                Expect(TokenKind.RightBrace);
                _bracketDepth--;
                return CheckYieldInComprehension(new DictComprehension(first, value, generators, SpanFrom(open)), generators, "dict comprehension");
            }

            return ParseDictDisplayRest(open, first, value);
        }

        if (AtComprehension())
        {
            var generators = ParseComprehensionClauses(listComprehension: false);
            Expect(TokenKind.RightBrace);
            _bracketDepth--;
            CheckComprehensionElement(first);
            return CheckYieldInComprehension(new SetComprehension(first, generators, SpanFrom(open)), generators, "set comprehension");
        }

        var elements = new List<Expression> { first };
        while (Accept(TokenKind.Comma) && !At(TokenKind.RightBrace))
        {
            elements.Add(ParseDisplayElement());
        }

        CheckUnparenthesizedComprehensionTarget(elements);
        Expect(TokenKind.RightBrace);
        _bracketDepth--;
        return new SetExpression(elements, SpanFrom(open));
    }

    /// <summary>The rest of a dict display after its first entry (or, with a null key, at a <c>**</c>).</summary>
    private Expression ParseDictDisplayRest(Token open, Expression? firstKey, Expression? firstValue)
    {
        var keys = new List<Expression?>();
        var values = new List<Expression>();
        if (firstValue is not null)
        {
            keys.Add(firstKey);
            values.Add(firstValue);
            if (!Accept(TokenKind.Comma))
            {
                Expect(TokenKind.RightBrace);
                _bracketDepth--;
                return new DictExpression(keys, values, SpanFrom(open));
            }
        }

        while (!At(TokenKind.RightBrace))
        {
            if (At(TokenKind.DoubleStar) && _dialect.StarredExpressions)
            {
                Advance();
                var mapping = ParseBitwiseOr();
                keys.Add(null);
                values.Add(mapping);
            }
            else
            {
                var key = ParseExpression();
                if (!At(TokenKind.Colon) && Is312)
                {
                    // 3.12's invalid_kvpair: at the key's last character.
                    throw new PythonSyntaxError(_dialect, "SyntaxError", "':' expected after dictionary key", _source.FileName,
                        key.Span.Line, key.Span.EndColumn, key.Span.EndLine, 0, _source.LineWithNewline(key.Span.Line));
                }

                keys.Add(key);
                Expect(TokenKind.Colon);
                CheckDictionaryValueFollows();
                CheckStarredDictionaryValue();
                values.Add(ParseExpression());
            }

            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        Expect(TokenKind.RightBrace);
        _bracketDepth--;
        return new DictExpression(keys, values, SpanFrom(open));
    }

    /// <summary>3.12's invalid_comprehension: <c>[x, y for ...]</c>.</summary>
    private void CheckUnparenthesizedComprehensionTarget(List<Expression> elements)
    {
        if (Is312 && elements.Count > 1 && AtComprehension())
        {
            throw ErrorAtRange(elements[0].Span, elements[^1].Span, "did you forget parentheses around the comprehension target?");
        }
    }

    /// <summary>3.12: <c>{1: *a}</c> (invalid_double_starred_kvpairs), at the starred value.</summary>
    private void CheckStarredDictionaryValue()
    {
        if (Is312 && At(TokenKind.Star))
        {
            var starred = ParseStarExpression();
            throw ErrorAtSpan(starred.Span, "cannot use a starred expression in a dictionary value");
        }
    }

    /// <summary>3.12's invalid_kvpair: <c>{1:}</c>, at the colon.</summary>
    private void CheckDictionaryValueFollows()
    {
        if (Is312 && (At(TokenKind.RightBrace) || At(TokenKind.Comma)))
        {
            throw ErrorAtSpan(Previous.Span, "expression expected after dictionary key and ':'");
        }
    }

    /// <summary>
    /// 3.8+: a comprehension is a function of its own, so a <c>yield</c> in it — anywhere but
    /// its first iterable, which the enclosing scope evaluates — is an error (symtable.c).
    /// </summary>
    private T CheckYieldInComprehension<T>(T comprehension, List<Comprehension> generators, string kind)
        where T : Expression
    {
        var outerIterable = generators[0].Iterable.Span;
        foreach (var (yield, scope) in _yields)
        {
            if (scope != _scope || !Contains(comprehension.Span, yield.Span) || Contains(outerIterable, yield.Span))
            {
                continue;
            }

            if (_dialect.AssignmentExpressions)
            {
                Defer(CheckPhase.SymbolTable, ErrorAtSpan(yield.Span, $"'yield' inside {kind}"));
                break;
            }

            // 2.7: the yield makes the comprehension's own function a generator, not the
            // enclosing one (a list comprehension has no function of its own in 2.7).
            if (kind != "list comprehension")
            {
                _comprehensionYields.Add(yield);
            }
        }

        return comprehension;
    }

    private static bool Contains(SourceSpan outer, SourceSpan inner) =>
        (outer.Line, outer.Column).CompareTo((inner.Line, inner.Column)) <= 0
        && (inner.EndLine, inner.EndColumn).CompareTo((outer.EndLine, outer.EndColumn)) <= 0;

    private bool AtComprehension() => At(Keyword.For) || (At(Keyword.Async) && Peek(1).Keyword == Keyword.For);

    /// <summary>
    /// The <c>for ... in ... if ...</c> clauses of a comprehension. 2.7's list comprehensions
    /// iterate over an unparenthesized tuple too (<c>[x for x in 1, 2]</c>).
    /// </summary>
    private List<Comprehension> ParseComprehensionClauses(bool listComprehension)
    {
        var generators = new List<Comprehension>();
        while (AtComprehension())
        {
            var start = Current;
            var isAsync = Accept(Keyword.Async);
            Advance();
            var target = ParseTargetList();
            CheckForTarget(target);
            Expect(Keyword.In);
            var iterableStart = Current;
            var iterable = ParseDisjunction();
            if (listComprehension && _dialect.ListComprehensionOverBareTuple && At(TokenKind.Comma))
            {
                var elements = new List<Expression> { iterable };
                while (Accept(TokenKind.Comma) && StartsExpression(Current))
                {
                    elements.Add(ParseDisjunction());
                }

                iterable = new TupleExpression(elements, SpanFrom(iterableStart));
            }

            var conditions = new List<Expression>();
            while (Accept(Keyword.If))
            {
                conditions.Add(ParseDisjunction());
            }

            var clause = new Comprehension(target, iterable, conditions, isAsync, SpanFrom(start));
            if (isAsync)
            {
                Unsupported("async comprehensions", clause.Span);
            }

            generators.Add(clause);
        }

        return generators;
    }

    private void CheckComprehensionElement(Expression element)
    {
        if (element is StarredExpression)
        {
            throw ErrorAtSpan(element.Span, "iterable unpacking cannot be used in comprehension");
        }
    }

    /// <summary>
    /// A call's parentheses and arguments. The order rules (positional, then keywords, with
    /// <c>*</c> before <c>**</c>) are checked as each CPython checks them: 3.12 in its parser,
    /// 2.7 partly in its grammar and partly in ast.c.
    /// </summary>
    private CallExpression ParseCall(Expression function, SourceSpan start, bool allowGenerator = true)
    {
        var open = Advance();
        _bracketDepth++;
        var arguments = new List<Expression>();
        var keywords = new List<KeywordArgument>();
        var seenKeyword = false;
        var seenStar = false;
        var seenDoubleStar = false;
        string? lateError = null;
        var generatorArguments = new List<(GeneratorExpression Expression, int Index)>();
        var count = 0;
        var commaAfterGenerator = false;
        while (!At(TokenKind.RightParen))
        {
            count++;
            if (At(TokenKind.Star))
            {
                var star = Advance();
                if (seenDoubleStar && Is312)
                {
                    throw ErrorAtToken(star, "iterable argument unpacking follows keyword argument unpacking");
                }

                if ((seenStar || seenDoubleStar) && !Is312)
                {
                    throw InvalidSyntax(star);
                }

                var value = ParseExpression();
                CheckUnpackingNotAssigned(star, "cannot assign to iterable argument unpacking");
                arguments.Add(new StarredExpression(value, SpanFrom(star)));
                seenStar = true;
            }
            else if (At(TokenKind.DoubleStar))
            {
                var stars = Advance();
                if (seenDoubleStar && !Is312)
                {
                    throw InvalidSyntax(stars);
                }

                var value = ParseExpression();
                CheckUnpackingNotAssigned(stars, "cannot assign to keyword argument unpacking");
                keywords.Add(new KeywordArgument(null, value, SpanFrom(stars)));
                seenDoubleStar = true;
            }
            else if (AtPlainName && Peek(1).Kind == TokenKind.Equal)
            {
                var name = Advance();
                var equal = Advance();
                if (Is312 && (At(TokenKind.Comma) || At(TokenKind.RightParen)))
                {
                    throw ErrorAtRange(name.Span, equal.Span, "expected argument value expression");
                }

                var value = ParseExpression();
                keywords.Add(new KeywordArgument(name.Text, value, SpanFrom(name)));
                CheckNotNone27(name.Text, name.Line);
                if (name.Text == "__debug__")
                {
                    ForbiddenDebugName(keywords[^1].Span);
                }

                seenKeyword = true;
            }
            else if (Is312 && Current.Keyword is Keyword.True or Keyword.False or Keyword.NoneValue && Peek(1).Kind == TokenKind.Equal)
            {
                throw ErrorAtRange(Current.Span, Peek(1).Span, $"cannot assign to {Current.Text}");
            }
            else
            {
                var argumentStart = Current;
                var value = _dialect.AssignmentExpressions && AtPlainName && Peek(1).Kind == TokenKind.ColonEqual
                    ? ParseNamedExpression()
                    : ParseExpression();
                if (At(TokenKind.Equal))
                {
                    if (Is312)
                    {
                        throw ErrorAtRange(value.Span, Current.Span, "expression cannot contain assignment, perhaps you meant \"==\"?");
                    }

                    // 2.7's grammar takes "test '=' test"; ast.c rejects a keyword that is not a name.
                    Advance();
                    var keywordValue = ParseExpression();
                    Defer(CheckPhase.Ast, ErrorOnLine27(value.Line, value is LambdaExpression ? "lambda cannot contain assignment" : "keyword can't be an expression"));
                    keywords.Add(new KeywordArgument("?", keywordValue, SpanFrom(argumentStart)));
                    seenKeyword = true;
                }
                else
                {
                    if (AtComprehension())
                    {
                        if (!allowGenerator && Is312)
                        {
                            throw InvalidSyntax(Current);
                        }

                        var generators = ParseComprehensionClauses(listComprehension: false);
                        CheckComprehensionElement(value);
                        var generator = new GeneratorExpression(value, generators, SpanFrom(argumentStart));
                        CheckYieldInComprehension(generator, generators, "generator expression");
                        generatorArguments.Add((generator, count));
                        value = generator;
                    }

                    if (seenDoubleStar)
                    {
                        lateError ??= Is312
                            ? "positional argument follows keyword argument unpacking"
                            : null;
                        if (!Is312)
                        {
                            throw InvalidSyntax(argumentStart);
                        }
                    }
                    else if (seenKeyword)
                    {
                        if (Is312)
                        {
                            lateError ??= "positional argument follows keyword argument";
                        }
                        else
                        {
                            Defer(CheckPhase.Ast, ErrorOnLine27(value.Line, "non-keyword arg after keyword arg"));
                        }
                    }
                    else if (seenStar && !Is312)
                    {
                        Defer(CheckPhase.Ast, ErrorOnLine27(value.Line, "only named arguments may follow *expression"));
                    }

                    arguments.Add(value);
                }
            }

            if (!At(TokenKind.Comma))
            {
                break;
            }

            // 3.12: a generator argument followed by a comma, even a trailing one, needs parentheses.
            commaAfterGenerator |= generatorArguments.Count > 0 && Is312;
            if (!Is312 && seenDoubleStar)
            {
                throw InvalidSyntax(Current);
            }

            Advance();
            if (!Is312 && seenStar && At(TokenKind.RightParen))
            {
                throw InvalidSyntax(Current);
            }
        }

        if (lateError is not null)
        {
            throw ErrorAtToken(Current, lateError);
        }

        var close = Expect(TokenKind.RightParen);
        _bracketDepth--;
        var span = new SourceSpan(start.Line, start.Column, close.Span.EndLine, close.Span.EndColumn);
        if (generatorArguments.Count > 0 && (count > 1 || commaAfterGenerator))
        {
            var (generator, _) = generatorArguments[0];
            if (Is312)
            {
                var clauses = generator.Generators;
                throw ErrorAtRange(generator.Span, clauses[^1].Span, "Generator expression must be parenthesized");
            }

            Defer(CheckPhase.Ast, ErrorOnLine27(generator.Line, "Generator expression must be parenthesized if not sole argument"));
        }
        else if (generatorArguments.Count == 1 && Is312)
        {
            // A sole generator argument spans the call's parentheses, as in CPython.
            var generator = generatorArguments[0].Expression;
            arguments[0] = new GeneratorExpression(generator.Element, generator.Generators, SourceSpan.Cover(open.Span, close.Span));
        }

        CheckRepeatedKeywords(keywords);
        if (!Is312 && arguments.Count(a => a is not StarredExpression) + keywords.Count(k => k.Name is not null) > 255)
        {
            Defer(CheckPhase.Ast, ErrorOnLine27(start.Line, "more than 255 arguments"));
        }

        return new CallExpression(function, arguments, keywords, span);
    }

    /// <summary>3.12: <c>f(*a=1)</c>, from the star to the value.</summary>
    private void CheckUnpackingNotAssigned(Token star, string message)
    {
        if (Is312 && At(TokenKind.Equal))
        {
            Advance();
            var value = ParseExpression();
            throw ErrorAtRange(star.Span, value.Span, message);
        }
    }

    /// <summary>"keyword argument repeated": 3.12's compiler (over the repeated keyword), 2.7's ast.c.</summary>
    private void CheckRepeatedKeywords(List<KeywordArgument> keywords)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var keyword in keywords)
        {
            if (keyword.Name is { } name && name != "?" && !seen.Add(name))
            {
                if (Is312)
                {
                    Defer(CheckPhase.Compiler, ErrorAtSpan(keyword.Span, $"keyword argument repeated: {name}"));
                }
                else
                {
                    Defer(CheckPhase.Ast, ErrorOnLine27(keyword.Line, "keyword argument repeated"));
                }

                return;
            }
        }
    }

    /// <summary><c>value[...]</c>: an index, a slice, or a tuple of them (an extended slice).</summary>
    private Expression ParseSubscript(Expression value, SourceSpan start)
    {
        Advance();
        _bracketDepth++;
        var indexStart = Current;
        var first = ParseSliceItem();
        Expression index = first;
        if (At(TokenKind.Comma))
        {
            var elements = new List<Expression> { first };
            while (Accept(TokenKind.Comma) && !At(TokenKind.RightBracket))
            {
                elements.Add(ParseSliceItem());
            }

            index = new TupleExpression(elements, SpanFrom(indexStart));
        }

        var close = Expect(TokenKind.RightBracket);
        _bracketDepth--;
        return new SubscriptExpression(value, index, new SourceSpan(start.Line, start.Column, close.Span.EndLine, close.Span.EndColumn));
    }

    /// <summary>
    /// One item of a subscript: an expression, <c>lower:upper:step</c>, or 2.7's <c>...</c>
    /// (three dot tokens there). 2.7 gives <c>a:b:</c> a step of the name <c>None</c>, as its
    /// ast.c does.
    /// </summary>
    private Expression ParseSliceItem()
    {
        var start = Current;
        if (!_dialect.EllipsisOutsideSubscripts && At(TokenKind.Dot) && Peek(1).Kind == TokenKind.Dot && Peek(2).Kind == TokenKind.Dot)
        {
            Advance();
            Advance();
            Advance();
            return new EllipsisLiteral(SpanFrom(start));
        }

        if (At(TokenKind.Star) && _dialect.StarredExpressions)
        {
            var starred = ParseStarExpression();
            Unsupported("starred expressions in subscripts", starred.Span);
            return starred;
        }

        Expression? lower = null;
        if (!At(TokenKind.Colon))
        {
            lower = ParseNamedExpression();
            if (!At(TokenKind.Colon))
            {
                return lower;
            }
        }

        Advance();
        Expression? upper = StartsExpression(Current) ? ParseExpression() : null;
        Expression? step = null;
        if (At(TokenKind.Colon))
        {
            var colon = Advance();
            step = StartsExpression(Current) ? ParseExpression()
                : _dialect.EllipsisOutsideSubscripts ? null
                : new NameExpression("None", colon.Span);
        }

        return new SliceExpression(lower, upper, step, SpanFrom(start));
    }

    private Expression ParseLambda()
    {
        var keyword = Advance();
        var parameters = ParseParameters(TokenKind.Colon, allowAnnotations: false, keyword);
        var colon = Expect(TokenKind.Colon);
        if (_fieldDepth > 0 && Is312 && At(TokenKind.FStringMiddle))
        {
            // In an f-string field the colon started a format spec.
            throw ErrorAtRange(keyword.Span, colon.Span, "f-string: lambda expressions are not allowed without parentheses");
        }

        var outer = _scope;
        _scope = new Scope(isFunction: true);
        var body = ParseExpression();
        _scope = outer;
        return new LambdaExpression(parameters, body, SpanFrom(keyword));
    }

    /// <summary><c>yield</c>, <c>yield value</c>, 3.x's <c>yield from value</c>.</summary>
    private Expression ParseYieldExpression()
    {
        var keyword = Advance();
        Expression yield;
        if (_dialect.YieldFrom && Accept(Keyword.From))
        {
            var value = ParseExpression();
            yield = new YieldFromExpression(value, SpanFrom(keyword));
        }
        else
        {
            var value = StartsExpression(Current) || (At(TokenKind.Star) && _dialect.StarredTargets) ? ParseStarExpressions() : null;
            if (value is not null)
            {
                CheckNoStarredValue(value);
            }

            yield = new YieldExpression(value, SpanFrom(keyword));
        }

        _yields.Add((yield, _scope));
        if (!_scope.IsFunction)
        {
            Defer(CheckPhase.Compiler, LaterError(yield.Span, "'yield' outside function", "'yield' outside function"));
        }

        return yield;
    }

    /// <summary>
    /// Parameters of a <c>def</c> (up to <paramref name="closing"/>) or <c>lambda</c>: the order
    /// rules of each dialect, defaults, 3.x's keyword-only and positional-only parameters.
    /// </summary>
    private ParameterList ParseParameters(TokenKind closing, bool allowAnnotations, Token? keyword = null)
    {
        var start = Current;
        var positionalOnly = new List<Parameter>();
        var positional = new List<Parameter>();
        var keywordOnly = new List<Parameter>();
        Parameter? varArgs = null, keywordArgs = null;
        var seenDefault = false;
        var seenStar = false;
        var seenSlash = false;
        while (!At(closing))
        {
            if (keywordArgs is not null)
            {
                throw ErrorAtToken(Current, "arguments cannot follow var-keyword argument");
            }

            if (At(TokenKind.Slash) && _dialect.KeywordOnlyParameters)
            {
                var slash = Advance();
                if (seenSlash)
                {
                    throw ErrorAtToken(slash, "/ may appear only once");
                }

                if (seenStar)
                {
                    throw ErrorAtToken(slash, "/ must be ahead of *");
                }

                if (positional.Count == 0)
                {
                    throw ErrorAtToken(slash, "at least one argument must precede /");
                }

                positionalOnly.AddRange(positional);
                positional.Clear();
                seenSlash = true;
                if (At(TokenKind.Star))
                {
                    throw ErrorAtToken(Current, "expected comma between / and *");
                }
            }
            else if (At(TokenKind.Star))
            {
                var star = Advance();
                if (seenStar)
                {
                    throw ErrorAtToken(star, "* argument may appear only once");
                }

                seenStar = true;
                if (AtPlainName || !_dialect.KeywordOnlyParameters)
                {
                    varArgs = ParseParameter(allowAnnotations, starredAnnotation: true);
                    if (At(TokenKind.Equal))
                    {
                        throw ErrorAtToken(Current, "var-positional argument cannot have default value");
                    }
                }
                else if (At(closing) || (At(TokenKind.Comma) && (Peek(1).Kind == closing || Peek(1).Kind == TokenKind.DoubleStar)))
                {
                    throw ErrorAtToken(star, "named arguments must follow bare *");
                }
            }
            else if (At(TokenKind.DoubleStar))
            {
                Advance();
                keywordArgs = ParseParameter(allowAnnotations);
                if (At(TokenKind.Equal))
                {
                    throw ErrorAtToken(Current, "var-keyword argument cannot have default value");
                }
            }
            else if (At(TokenKind.LeftParen))
            {
                ParseTupleParameter(closing);
            }
            else
            {
                if (seenStar && !_dialect.KeywordOnlyParameters)
                {
                    throw InvalidSyntax(Current);
                }

                var name = ExpectName();
                Expression? annotation = null;
                if (allowAnnotations && Accept(TokenKind.Colon))
                {
                    annotation = ParseExpression();
                }

                var nameSpan = SpanFrom(name);
                Expression? defaultValue = null;
                if (At(TokenKind.Equal))
                {
                    var equal = Advance();
                    if (Is312 && (At(TokenKind.Comma) || At(closing)))
                    {
                        throw ErrorAtToken(equal, "expected default value expression");
                    }

                    defaultValue = ParseExpression();
                    seenDefault |= !seenStar;
                }
                else if (seenDefault && !seenStar)
                {
                    if (Is312)
                    {
                        throw ErrorAtSpan(nameSpan, "parameter without a default follows parameter with a default");
                    }

                    Defer(CheckPhase.Ast, ErrorOnLine27(name.Line, "non-default argument follows default argument"));
                }

                var parameter = new Parameter(name.Text, annotation, defaultValue, nameSpan);
                (seenStar ? keywordOnly : positional).Add(parameter);
            }

            if (!At(TokenKind.Comma) || (keywordArgs is not null && !_dialect.KeywordOnlyParameters))
            {
                // 2.7's grammar allows nothing after **kwargs, not even a comma.
                break;
            }

            Advance();
            if (!_dialect.KeywordOnlyParameters && varArgs is not null && !At(TokenKind.DoubleStar))
            {
                throw InvalidSyntax(Current);
            }
        }

        var list = new ParameterList(positionalOnly, positional, varArgs, keywordOnly, keywordArgs, SpanFrom(start));
        CheckDuplicateParameters(list, keyword);
        return list;
    }

    private Parameter ParseParameter(bool allowAnnotations, bool starredAnnotation = false)
    {
        var name = ExpectName();
        Expression? annotation = null;
        if (allowAnnotations && Accept(TokenKind.Colon))
        {
            // 3.11+: *args: *Ts (PEP 646).
            annotation = starredAnnotation && At(TokenKind.Star) ? ParseStarExpression() : ParseExpression();
        }

        return new Parameter(name.Text, annotation, null, SpanFrom(name));
    }

    /// <summary>2.7's <c>def f(a, (b, c)):</c>, unsupported; 3.12 says parameters cannot be parenthesized.</summary>
    private void ParseTupleParameter(TokenKind closing)
    {
        var open = Current;
        if (Is312)
        {
            var depth = 0;
            do
            {
                var token = Advance();
                depth += token.Kind == TokenKind.LeftParen ? 1 : token.Kind == TokenKind.RightParen ? -1 : 0;
            }
            while (depth > 0 && !At(TokenKind.EndOfFile));
            var what = closing == TokenKind.Colon ? "Lambda expression parameters" : "Function parameters";
            throw ErrorAtSpan(SpanFrom(open), $"{what} cannot be parenthesized");
        }

        ParseTupleParameterPart();
        if (Accept(TokenKind.Equal))
        {
            ParseExpression();
        }

        Unsupported("tuple parameters", SpanFrom(open));
    }

    private void ParseTupleParameterPart()
    {
        if (Accept(TokenKind.LeftParen))
        {
            do
            {
                if (At(TokenKind.RightParen))
                {
                    break;
                }

                ParseTupleParameterPart();
            }
            while (Accept(TokenKind.Comma));
            Expect(TokenKind.RightParen);
            return;
        }

        ExpectName();
    }

    /// <summary>"duplicate argument 'x' in function definition" (symtable.c).</summary>
    private void CheckDuplicateParameters(ParameterList parameters, Token? keyword)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<Parameter?> all = [.. parameters.PositionalOnly, .. parameters.Positional, parameters.VarArgs, .. parameters.KeywordOnly, parameters.KeywordArgs];
        foreach (var parameter in all)
        {
            if (parameter?.Name == "__debug__")
            {
                ForbiddenDebugName(parameter.Span);
            }

            if (parameter is not null)
            {
                CheckNotNone27(parameter.Name, keyword?.Line ?? parameter.Line);
            }

            if (parameter is not null && !seen.Add(parameter.Name))
            {
                var message = $"duplicate argument '{parameter.Name}' in function definition";
                Defer(CheckPhase.SymbolTable, Is312 ? ErrorAtSpan(parameter.Span, message) : ErrorOnLine27(keyword?.Line ?? parameter.Line, message));
                return;
            }
        }
    }
}
