using Refheap.Python.Syntax.Ast;
using Refheap.Python.Syntax.Lexing;

namespace Refheap.Python.Syntax.Parsing;

/// <summary>Statements: simple ones up to their NEWLINE, compound ones with their blocks.</summary>
internal sealed partial class Parser
{
    /// <summary>How a compound statement's header reports a missing colon in 3.12.</summary>
    private enum ColonRule
    {
        /// <summary>"expected ':'" only when the line ends where the colon should be (<c>if x</c>).</summary>
        BeforeNewline,

        /// <summary>"expected ':'" whatever stands there (the grammar's forced <c>&amp;&amp;':'</c>).</summary>
        Forced,
    }

    private void ParseStatementInto(List<Statement> body)
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Indent or TokenKind.Dedent:
                throw InvalidSyntax(token);
            case TokenKind.At:
                body.Add(ParseDecorated());
                return;
            case TokenKind.Name when !IsPlainName(token):
                var compound = token.Keyword switch
                {
                    Keyword.If => ParseIf(),
                    Keyword.While => ParseWhile(),
                    Keyword.For => ParseFor(isAsync: false, Advance()),
                    Keyword.Try => ParseTry(),
                    Keyword.With => ParseWith(isAsync: false, Advance()),
                    Keyword.Def => ParseFunctionDefinition([], isAsync: false, Advance()),
                    Keyword.Class => ParseClassDefinition([], Advance()),
                    Keyword.Async when Peek(1).Keyword is Keyword.Def or Keyword.For or Keyword.With => ParseAsync(),
                    _ => null,
                };
                if (compound is not null)
                {
                    body.Add(compound);
                    return;
                }

                break;
            case TokenKind.Name when _dialect.SoftKeywordStatements && TrySkipSoftKeywordStatement(token):
                body.Add(new PassStatement(SpanFrom(token)));
                return;
        }

        ParseSimpleStatements(body);
    }

    // ----- simple statements -----

    private void ParseSimpleStatements(List<Statement> body)
    {
        while (true)
        {
            body.Add(ParseSimpleStatement());
            if (!Accept(TokenKind.Semicolon) || At(TokenKind.Newline))
            {
                break;
            }
        }

        if (!At(TokenKind.Newline))
        {
            throw InvalidSyntax(Current);
        }

        Advance();
    }

    private Statement ParseSimpleStatement()
    {
        var token = Current;
        if (token.Kind == TokenKind.Name && !IsPlainName(token))
        {
            switch (token.Keyword)
            {
                case Keyword.Pass:
                    Advance();
                    return new PassStatement(token.Span);
                case Keyword.Break:
                    Advance();
                    CheckInLoop(token.Span, "'break' outside loop");
                    return new BreakStatement(token.Span);
                case Keyword.Continue:
                    Advance();
                    CheckContinue(token.Span);
                    return new ContinueStatement(token.Span);
                case Keyword.Return:
                    return ParseReturn();
                case Keyword.Raise:
                    return ParseRaise();
                case Keyword.Global:
                    return ParseGlobal();
                case Keyword.Nonlocal:
                    return ParseNonlocal();
                case Keyword.Del:
                    return ParseDelete();
                case Keyword.Assert:
                    return ParseAssert();
                case Keyword.Import:
                    return ParseImport();
                case Keyword.From:
                    return ParseImportFrom();
                case Keyword.Print when _dialect.PrintIsStatement:
                    return ParsePrint();
                case Keyword.Exec when _dialect.ExecIsStatement:
                    return ParseExec();
            }
        }

        return ParseExpressionStatement();
    }

    /// <summary>An expression statement, an assignment (chained, annotated or augmented).</summary>
    private Statement ParseExpressionStatement()
    {
        var start = Current;
        var first = At(Keyword.Yield) ? ParseYieldExpression() : ParseStarExpressions();

        if (At(TokenKind.Colon) && _dialect.Annotations)
        {
            return ParseAnnotatedAssignment(start, first);
        }

        if (AugmentedOperator(Current.Kind) is { } op)
        {
            CheckAugmentedTarget(first);
            Advance();
            var value = At(Keyword.Yield) ? ParseYieldExpression() : ParseStarExpressions();
            CheckNoStarredValue(value);
            return new AugmentedAssignStatement(first, op, value, SpanFrom(start));
        }

        if (At(TokenKind.Equal))
        {
            var parts = new List<Expression> { first };
            while (Accept(TokenKind.Equal))
            {
                parts.Add(At(Keyword.Yield) ? ParseYieldExpression() : ParseStarExpressions());
            }

            var targets = parts.GetRange(0, parts.Count - 1);
            CheckAssignmentTargets(targets, parts[^1]);
            CheckNoStarredValue(parts[^1]);
            return new AssignStatement(targets, parts[^1], SpanFrom(start));
        }

        CheckExpressionStatement(first);
        return new ExpressionStatement(first, SpanFrom(start));
    }

    private Statement ParseAnnotatedAssignment(Token start, Expression target)
    {
        var isSimple = target is NameExpression && start.Kind == TokenKind.Name;
        if (target is not (NameExpression or AttributeExpression or SubscriptExpression))
        {
            throw target is TupleExpression
                ? ErrorAtSpan(target.Span, "only single target (not tuple) can be annotated")
                : target is ListExpression
                    ? ErrorAtSpan(target.Span, "only single target (not list) can be annotated")
                    : ErrorAtSpan(target.Span, "illegal target for annotation");
        }

        Advance();
        var annotation = ParseExpression();
        CheckDebugTarget(target, TargetUse.Assign);
        Expression? value = null;
        if (Accept(TokenKind.Equal))
        {
            value = At(Keyword.Yield) ? ParseYieldExpression() : ParseStarExpressions();
        }

        return new AnnotatedAssignStatement(target, annotation, value, isSimple, SpanFrom(start));
    }

    private static BinaryOperator? AugmentedOperator(TokenKind kind) => kind switch
    {
        TokenKind.PlusEqual => BinaryOperator.Add,
        TokenKind.MinusEqual => BinaryOperator.Subtract,
        TokenKind.StarEqual => BinaryOperator.Multiply,
        TokenKind.AtEqual => BinaryOperator.MatrixMultiply,
        TokenKind.SlashEqual => BinaryOperator.Divide,
        TokenKind.PercentEqual => BinaryOperator.Modulo,
        TokenKind.AmpersandEqual => BinaryOperator.BitAnd,
        TokenKind.VerticalBarEqual => BinaryOperator.BitOr,
        TokenKind.CircumflexEqual => BinaryOperator.BitXor,
        TokenKind.LeftShiftEqual => BinaryOperator.LeftShift,
        TokenKind.RightShiftEqual => BinaryOperator.RightShift,
        TokenKind.DoubleStarEqual => BinaryOperator.Power,
        TokenKind.DoubleSlashEqual => BinaryOperator.FloorDivide,
        _ => null,
    };

    private Statement ParseReturn()
    {
        var keyword = Advance();
        Expression? value = null;
        if (StartsExpression(Current) || At(TokenKind.Star))
        {
            value = ParseStarExpressions();
            CheckNoStarredValue(value);
        }

        var span = SpanFrom(keyword);
        if (!_scope.IsFunction)
        {
            Defer(CheckPhase.Compiler, LaterError(span, "'return' outside function", "'return' outside function"));
        }
        else if (value is not null)
        {
            _scope.ReturnsWithValue.Add(span);
        }

        return new ReturnStatement(value, span);
    }

    private Statement ParseRaise()
    {
        var keyword = Advance();
        Expression? exception = null, cause = null, value = null, traceback = null;
        if (StartsExpression(Current))
        {
            exception = ParseExpression();
            if (_dialect.RaiseFrom && Accept(Keyword.From))
            {
                cause = ParseExpression();
            }
            else if (_dialect.LegacyRaiseArguments && Accept(TokenKind.Comma))
            {
                value = ParseExpression();
                if (Accept(TokenKind.Comma))
                {
                    traceback = ParseExpression();
                }
            }
        }

        return new RaiseStatement(exception, cause, value, traceback, SpanFrom(keyword));
    }

    private Statement ParseGlobal()
    {
        var keyword = Advance();
        var names = ParseNameList();
        return new GlobalStatement(names, SpanFrom(keyword));
    }

    private Statement ParseNonlocal()
    {
        var keyword = Advance();
        var names = ParseNameList();
        var span = SpanFrom(keyword);
        if (!_scope.IsFunction)
        {
            Defer(CheckPhase.SymbolTable, ErrorAtSpan(span, "nonlocal declaration not allowed at module level"));
        }

        return new NonlocalStatement(names, span);
    }

    private List<string> ParseNameList()
    {
        var names = new List<string> { ExpectName().Text };
        while (Accept(TokenKind.Comma))
        {
            names.Add(ExpectName().Text);
        }

        return names;
    }

    private Statement ParseDelete()
    {
        var keyword = Advance();

        // 3.12 reads whole expressions (to name what cannot be deleted); 2.7 reads its exprlist.
        var target = Is312 ? ParseStarExpressions() : ParseTargetList();
        var targets = target is TupleExpression tuple && !IsParenthesized(tuple) ? tuple.Elements : [target];
        foreach (var t in targets)
        {
            CheckDeleteTarget(t);
        }

        return new DeleteStatement(targets, SpanFrom(keyword));
    }

    private Statement ParseAssert()
    {
        var keyword = Advance();
        var test = ParseExpression();
        Expression? message = null;
        if (Accept(TokenKind.Comma))
        {
            message = ParseExpression();
        }

        if (test is TupleExpression { Elements.Count: > 0 })
        {
            CompilerWarning(keyword.Line, "assertion is always true, perhaps remove parentheses?");
        }

        return new AssertStatement(test, message, SpanFrom(keyword));
    }

    private Statement ParseImport()
    {
        var keyword = Advance();
        var names = new List<ImportAlias>();
        do
        {
            var start = Current;
            var name = ParseDottedName();
            string? asName = null;
            if (Accept(Keyword.As))
            {
                asName = ExpectName().Text;
            }

            names.Add(new ImportAlias(name, asName, SpanFrom(start)));
        }
        while (Accept(TokenKind.Comma));

        if (At(Keyword.From) && Is312)
        {
            // 3.12's invalid_import: "import a from b".
            Advance();
            ParseDottedName();
            throw ErrorAtSpan(new SourceSpan(keyword.Line, keyword.Column, Current.Line, Current.Column), "Did you mean to use 'from ... import ...' instead?");
        }

        var statement = new ImportStatement(names, SpanFrom(keyword));
        CheckDebugImport(statement, names);
        return statement;
    }

    private string ParseDottedName()
    {
        var name = ExpectName().Text;
        while (At(TokenKind.Dot))
        {
            Advance();
            name += "." + ExpectName().Text;
        }

        return name;
    }

    private Statement ParseImportFrom()
    {
        var keyword = Advance();
        var level = 0;
        while (At(TokenKind.Dot) || At(TokenKind.Ellipsis))
        {
            level += Advance().Kind == TokenKind.Dot ? 1 : 3;
        }

        string? module = null;
        if (level == 0 || !At(Keyword.Import))
        {
            module = ParseDottedName();
        }

        Expect(Keyword.Import);
        var names = new List<ImportAlias>();
        if (At(TokenKind.Star))
        {
            var star = Advance();
            names.Add(new ImportAlias("*", null, star.Span));
        }
        else
        {
            var parenthesized = At(TokenKind.LeftParen);
            if (parenthesized)
            {
                Advance();
                _bracketDepth++;
            }

            while (true)
            {
                var start = Current;
                var name = ExpectName().Text;
                string? asName = null;
                if (Accept(Keyword.As))
                {
                    asName = ExpectName().Text;
                }

                names.Add(new ImportAlias(name, asName, SpanFrom(start)));
                if (!Accept(TokenKind.Comma))
                {
                    break;
                }

                if (parenthesized ? At(TokenKind.RightParen) : At(TokenKind.Newline) || At(TokenKind.Semicolon))
                {
                    if (!parenthesized)
                    {
                        const string message = "trailing comma not allowed without surrounding parentheses";
                        if (Is312)
                        {
                            throw ErrorAtToken(Current, message);
                        }

                        Defer(CheckPhase.Ast, ErrorOnLine27(keyword.Line, message));
                    }

                    break;
                }
            }

            if (parenthesized)
            {
                Expect(TokenKind.RightParen);
                _bracketDepth--;
            }
        }

        var statement = new ImportFromStatement(module, names, level, SpanFrom(keyword));
        CheckDebugImport(statement, names);
        if (module == "__future__" && level == 0)
        {
            ApplyFutureImport(statement);
        }

        return statement;
    }

    /// <summary><c>import x as __debug__</c> binds <c>__debug__</c>: reported at the statement.</summary>
    private void CheckDebugImport(Statement statement, List<ImportAlias> names)
    {
        if (names.Any(a => (a.AsName ?? a.Name) == "__debug__"))
        {
            ForbiddenDebugName(statement.Span);
        }
    }

    /// <summary>Turns on the <c>__future__</c> features the parser itself applies; unknown ones are errors (future.c).</summary>
    private void ApplyFutureImport(ImportFromStatement statement)
    {
        foreach (var alias in statement.Names)
        {
            switch (alias.Name)
            {
                case "print_function":
                    _future |= FutureFeatures.PrintFunction;
                    break;
                case "unicode_literals":
                    _future |= FutureFeatures.UnicodeLiterals;
                    break;
                case "division":
                    _future |= FutureFeatures.Division;
                    break;
                case "absolute_import":
                    _future |= FutureFeatures.AbsoluteImport;
                    break;
                case "nested_scopes" or "generators" or "with_statement" or "generator_stop" or "annotations":
                    break;
                case "braces":
                    Defer(CheckPhase.Future, FutureError(statement, "not a chance"));
                    break;
                default:
                    Defer(CheckPhase.Future, FutureError(statement, $"future feature {alias.Name} is not defined"));
                    break;
            }
        }
    }

    /// <summary>future.c reports at the start of the import statement (3.12: one caret there).</summary>
    private PythonSyntaxError FutureError(Statement statement, string message) =>
        LaterError(new SourceSpan(statement.Line, statement.Column, statement.Line, statement.Column), message, message);

    /// <summary>
    /// <c>from __future__</c> imports may follow only a docstring and other future imports;
    /// returns whether one may still come after <paramref name="statement"/>.
    /// </summary>
    private bool CheckFutureImport(Statement statement, bool allowed, bool isFirst)
    {
        if (statement is ImportFromStatement { Module: "__future__", Level: 0 })
        {
            if (!allowed)
            {
                const string message = "from __future__ imports must occur at the beginning of the file";
                Defer(CheckPhase.Future, LaterError(statement.Span, message, message));
            }

            return allowed;
        }

        return isFirst && statement is ExpressionStatement { Value: StringLiteral };
    }

    /// <summary>2.7: <c>print</c>, <c>print a, b,</c>, <c>print &gt;&gt;f, a</c>.</summary>
    private Statement ParsePrint()
    {
        var keyword = Advance();
        Expression? destination = null;
        var values = new List<Expression>();
        var newline = true;
        if (Accept(TokenKind.RightShift))
        {
            destination = ParseExpression();
            if (!At(TokenKind.Comma))
            {
                return new PrintStatement(destination, values, newline, SpanFrom(keyword));
            }

            Advance();
            values.Add(ParseExpression());
            newline = true;
        }
        else if (StartsExpression(Current))
        {
            values.Add(ParseExpression());
        }
        else
        {
            return new PrintStatement(null, values, newline, SpanFrom(keyword));
        }

        while (Accept(TokenKind.Comma))
        {
            if (!StartsExpression(Current))
            {
                newline = false;
                break;
            }

            values.Add(ParseExpression());
        }

        return new PrintStatement(destination, values, newline, SpanFrom(keyword));
    }

    /// <summary>2.7: <c>exec code in globals, locals</c>, parsed and then reported as unsupported.</summary>
    private Statement ParseExec()
    {
        var keyword = Advance();
        var code = ParseBitwiseOr();
        Expression? globals = null, locals = null;
        if (Accept(Keyword.In))
        {
            globals = ParseExpression();
            if (Accept(TokenKind.Comma))
            {
                locals = ParseExpression();
            }
        }

        var span = SpanFrom(keyword);
        Unsupported("the exec statement", span);
        return new ExecStatement(code, globals, locals, span);
    }

    // ----- compound statements -----

    /// <summary>The colon ending a compound statement's header.</summary>
    private void ExpectColon(ColonRule rule)
    {
        if (At(TokenKind.Colon))
        {
            Advance();
            return;
        }

        if (Is312 && (rule == ColonRule.Forced || At(TokenKind.Newline)))
        {
            throw ErrorAtToken(Current, "expected ':'");
        }

        throw InvalidSyntax(Current);
    }

    /// <summary>
    /// A block after its header's colon: an indented suite, or simple statements on the same
    /// line. <paramref name="header"/> names the statement for 3.12's "expected an indented
    /// block after ...".
    /// </summary>
    private List<Statement> ParseBlock(string header, int headerLine)
    {
        var body = new List<Statement>();
        if (!At(TokenKind.Newline))
        {
            ParseSimpleStatements(body);
            return body;
        }

        Advance();
        if (!At(TokenKind.Indent))
        {
            var message = Is312 ? $"expected an indented block after {header} on line {headerLine}" : "expected an indented block";
            throw ErrorAtToken(Current, message, "IndentationError");
        }

        Advance();
        while (!At(TokenKind.Dedent) && !At(TokenKind.EndOfFile))
        {
            ParseStatementInto(body);
        }

        Accept(TokenKind.Dedent);
        return body;
    }

    private Statement ParseIf()
    {
        var keyword = Advance();
        var test = ParseNamedExpression();
        ExpectColon(ColonRule.BeforeNewline);
        var body = ParseBlock("'if' statement", keyword.Line);
        var orElse = ParseElifOrElse();
        return new IfStatement(test, body, orElse, SpanOfBlocks(keyword, body, orElse));
    }

    /// <summary>An <c>elif</c> becomes an <see cref="IfStatement"/> alone in the else part, as in CPython.</summary>
    private List<Statement> ParseElifOrElse()
    {
        if (At(Keyword.Elif))
        {
            var keyword = Advance();
            var test = ParseNamedExpression();
            ExpectColon(ColonRule.BeforeNewline);
            var body = ParseBlock("'elif' statement", keyword.Line);
            var orElse = ParseElifOrElse();
            return [new IfStatement(test, body, orElse, SpanOfBlocks(keyword, body, orElse))];
        }

        return ParseElse();
    }

    private List<Statement> ParseElse()
    {
        if (!At(Keyword.Else))
        {
            return [];
        }

        var keyword = Advance();
        ExpectColon(ColonRule.Forced);
        return ParseBlock("'else' statement", keyword.Line);
    }

    private Statement ParseWhile()
    {
        var keyword = Advance();
        var test = ParseNamedExpression();
        ExpectColon(ColonRule.BeforeNewline);
        _scope.Blocks.Add(true);
        var body = ParseBlock("'while' statement", keyword.Line);
        _scope.Blocks.RemoveAt(_scope.Blocks.Count - 1);
        var orElse = ParseElse();
        return new WhileStatement(test, body, orElse, SpanOfBlocks(keyword, body, orElse));
    }

    private Statement ParseFor(bool isAsync, Token keyword)
    {
        var forKeyword = isAsync ? Advance() : keyword;
        var target = ParseTargetList();
        CheckForTarget(target);
        Expect(Keyword.In);
        var iterable = ParseStarExpressions();
        CheckNoStarredValue(iterable);
        ExpectColon(ColonRule.BeforeNewline);
        _scope.Blocks.Add(true);
        var body = ParseBlock("'for' statement", forKeyword.Line);
        _scope.Blocks.RemoveAt(_scope.Blocks.Count - 1);
        var orElse = ParseElse();
        var span = SpanOfBlocks(keyword, body, orElse);
        if (isAsync)
        {
            Unsupported("async for loops", span);
        }

        return new ForStatement(target, iterable, body, orElse, isAsync, span);
    }

    private Statement ParseTry()
    {
        var keyword = Advance();
        ExpectColon(ColonRule.Forced);
        var body = ParseBlock("'try' statement", keyword.Line);
        var handlers = new List<ExceptHandler>();
        while (At(Keyword.Except))
        {
            handlers.Add(ParseExceptHandler());
        }

        var orElse = handlers.Count > 0 ? ParseElse() : [];
        var finalBody = new List<Statement>();
        if (At(Keyword.Finally))
        {
            var finallyKeyword = Advance();
            ExpectColon(ColonRule.Forced);
            _scope.Blocks.Add(false);
            finalBody = ParseBlock("'finally' statement", finallyKeyword.Line);
            _scope.Blocks.RemoveAt(_scope.Blocks.Count - 1);
        }
        else if (handlers.Count == 0)
        {
            throw Is312 ? ErrorAtToken(Current, "expected 'except' or 'finally' block") : InvalidSyntax(Current);
        }

        var last = finalBody.Count > 0 ? finalBody : orElse.Count > 0 ? orElse : null;
        var end = last is not null ? last[^1].Span : handlers[^1].Span;
        return new TryStatement(body, handlers, orElse, finalBody, SourceSpan.Cover(keyword.Span, end));
    }

    private ExceptHandler ParseExceptHandler()
    {
        var keyword = Advance();
        if (At(TokenKind.Star) && Is312)
        {
            Advance();
            Unsupported("except* clauses", keyword.Span);
        }

        Expression? type = null, name = null;
        if (!At(TokenKind.Colon) && !At(TokenKind.Newline))
        {
            type = ParseExpression();
            if (Accept(Keyword.As))
            {
                if (_dialect.ExceptComma)
                {
                    name = ParseExpression();
                    CheckAssignTarget27(name);
                }
                else
                {
                    var nameToken = ExpectName();
                    name = new NameExpression(nameToken.Text, nameToken.Span);
                }
            }
            else if (At(TokenKind.Comma))
            {
                if (_dialect.ExceptComma)
                {
                    Advance();
                    name = ParseExpression();
                    CheckAssignTarget27(name);
                }
                else
                {
                    // 3.12's invalid_except_stmt: "except A, B:".
                    var speculation = Save();
                    Advance();
                    ParseStarExpressions();
                    if (At(Keyword.As))
                    {
                        Advance();
                        ExpectName();
                    }

                    if (At(TokenKind.Colon))
                    {
                        throw ErrorAtSpan(new SourceSpan(type.Line, type.Column, Current.Line, Current.Column), "multiple exception types must be parenthesized");
                    }

                    Restore(speculation);
                }
            }
        }

        ExpectColon(ColonRule.BeforeNewline);
        var body = ParseBlock("'except' statement", keyword.Line);
        return new ExceptHandler(type, name, body, SourceSpan.Cover(keyword.Span, body[^1].Span));
    }

    private Statement ParseWith(bool isAsync, Token keyword)
    {
        var withKeyword = isAsync ? Advance() : keyword;
        var items = (_dialect.ParenthesizedWithItems && At(TokenKind.LeftParen) ? TryParseParenthesizedWithItems() : null)
            ?? ParseWithItems();
        ExpectColon(ColonRule.BeforeNewline);
        var body = ParseBlock("'with' statement", withKeyword.Line);
        var span = SourceSpan.Cover(keyword.Span, body[^1].Span);
        if (isAsync)
        {
            Unsupported("async with statements", span);
        }

        return new WithStatement(items, body, isAsync, span);
    }

    private List<WithItem> ParseWithItems()
    {
        var items = new List<WithItem>();
        do
        {
            items.Add(ParseWithItem());
        }
        while (Accept(TokenKind.Comma));
        return items;
    }

    private WithItem ParseWithItem()
    {
        var context = ParseExpression();
        Expression? target = null;
        if (Accept(Keyword.As))
        {
            target = ParseTarget();
            CheckAssignTarget(target);
        }

        return new WithItem(context, target, SpanFrom(context.Span));
    }

    /// <summary>
    /// 3.9+: <c>with (a as b, c):</c>. Tried first, as CPython's PEG parser does: <c>with (a, b):</c>
    /// is two items; if the parenthesized form does not end in <c>):</c>, the parenthesis starts
    /// an expression instead (<c>with (a) as b:</c>).
    /// </summary>
    private List<WithItem>? TryParseParenthesizedWithItems()
    {
        var speculation = Save();
        var missingColon = false;
        try
        {
            Advance();
            _bracketDepth++;
            var items = new List<WithItem>();
            while (true)
            {
                items.Add(ParseWithItem());
                if (!Accept(TokenKind.Comma) || At(TokenKind.RightParen))
                {
                    break;
                }
            }

            if (At(TokenKind.RightParen) && Peek(1).Kind == TokenKind.Colon)
            {
                Advance();
                _bracketDepth--;
                return items;
            }

            // 3.12's invalid_with_stmt: the items' parenthesis closed at the end of the line.
            missingColon = At(TokenKind.RightParen) && Peek(1).Kind == TokenKind.Newline;
        }
        catch (PythonSyntaxError) when (_lexerError is null)
        {
        }

        if (missingColon)
        {
            throw ErrorAtToken(Peek(1), "expected ':'");
        }

        Restore(speculation);
        return null;
    }

    private Statement ParseDecorated()
    {
        var decorators = new List<Expression>();
        while (At(TokenKind.At))
        {
            Advance();
            decorators.Add(_dialect.AssignmentExpressions ? ParseNamedExpression() : ParseDecorator27());
            if (!At(TokenKind.Newline))
            {
                throw InvalidSyntax(Current);
            }

            Advance();
        }

        if (At(Keyword.Def))
        {
            return ParseFunctionDefinition(decorators, isAsync: false, Advance());
        }

        if (At(Keyword.Class))
        {
            return ParseClassDefinition(decorators, Advance());
        }

        if (At(Keyword.Async) && Peek(1).Keyword == Keyword.Def)
        {
            var asyncKeyword = Advance();
            return ParseFunctionDefinition(decorators, isAsync: true, asyncKeyword);
        }

        throw InvalidSyntax(Current);
    }

    /// <summary>2.7: a decorator is a dotted name, optionally called.</summary>
    private Expression ParseDecorator27()
    {
        var first = ExpectName();
        Expression expression = new NameExpression(first.Text, first.Span);
        while (At(TokenKind.Dot))
        {
            Advance();
            var name = ExpectName();
            expression = new AttributeExpression(expression, name.Text, SpanFrom(first));
        }

        if (At(TokenKind.LeftParen))
        {
            expression = ParseCall(expression, first.Span);
        }

        return expression;
    }

    private Statement ParseAsync()
    {
        var keyword = Current;
        var next = Peek(1);
        if (next.Keyword == Keyword.Def)
        {
            Advance();
            return ParseFunctionDefinition([], isAsync: true, keyword);
        }

        return next.Keyword == Keyword.For ? ParseFor(isAsync: true, Advance()) : ParseWith(isAsync: true, Advance());
    }

    private Statement ParseFunctionDefinition(List<Expression> decorators, bool isAsync, Token keyword)
    {
        var defKeyword = isAsync ? Advance() : keyword;
        var name = ExpectName();
        CheckNotNone27(name.Text, name.Line);
        if (At(TokenKind.LeftBracket) && Is312)
        {
            SkipTypeParameters();
        }

        if (Is312 && !At(TokenKind.LeftParen))
        {
            throw ErrorAtToken(Current, "expected '('");
        }

        Expect(TokenKind.LeftParen);
        _bracketDepth++;
        var parameters = ParseParameters(TokenKind.RightParen, allowAnnotations: _dialect.Annotations);
        Expect(TokenKind.RightParen);
        _bracketDepth--;
        Expression? returns = null;
        if (_dialect.Annotations && Accept(TokenKind.RightArrow))
        {
            returns = ParseExpression();
        }

        ExpectColon(ColonRule.Forced);
        var outer = _scope;
        _scope = new Scope(isFunction: true);
        var body = ParseBlock("function definition", defKeyword.Line);
        var functionScope = _scope;
        _scope = outer;
        if (!_dialect.YieldFrom && IsGenerator(functionScope))
        {
            foreach (var returnSpan in functionScope.ReturnsWithValue)
            {
                Defer(CheckPhase.Compiler, ErrorOnLine27(returnSpan.Line, "'return' with argument inside generator"));
            }
        }

        var span = SourceSpan.Cover(keyword.Span, body[^1].Span);
        if (isAsync)
        {
            Unsupported("async functions", span);
        }

        return new FunctionDefinition(name.Text, parameters, body, decorators, returns, isAsync, span);
    }

    private Statement ParseClassDefinition(List<Expression> decorators, Token keyword)
    {
        var name = ExpectName();
        CheckNotNone27(name.Text, name.Line);
        if (At(TokenKind.LeftBracket) && Is312)
        {
            SkipTypeParameters();
        }

        IReadOnlyList<Expression> bases = [];
        IReadOnlyList<KeywordArgument> keywords = [];
        if (At(TokenKind.LeftParen))
        {
            if (_dialect.ClassKeywords)
            {
                var call = ParseCall(new NameExpression(name.Text, name.Span), name.Span, allowGenerator: false);
                bases = call.Arguments;
                keywords = call.Keywords;
            }
            else
            {
                Advance();
                _bracketDepth++;
                var list = new List<Expression>();
                while (!At(TokenKind.RightParen))
                {
                    list.Add(ParseExpression());
                    if (!Accept(TokenKind.Comma))
                    {
                        break;
                    }
                }

                Expect(TokenKind.RightParen);
                _bracketDepth--;
                bases = list;
            }
        }

        ExpectColon(ColonRule.BeforeNewline);
        var outer = _scope;
        _scope = new Scope(isFunction: false);
        var body = ParseBlock("class definition", keyword.Line);
        _scope = outer;
        return new ClassDefinition(name.Text, bases, keywords, body, decorators, SourceSpan.Cover(keyword.Span, body[^1].Span));
    }

    /// <summary>3.12's generic parameters <c>def f[T](...)</c>: skipped and reported as unsupported.</summary>
    private void SkipTypeParameters()
    {
        var open = Advance();
        var depth = 1;
        while (depth > 0 && !At(TokenKind.EndOfFile))
        {
            var token = Advance();
            depth += token.Kind switch
            {
                TokenKind.LeftBracket => 1,
                TokenKind.RightBracket => -1,
                _ => 0,
            };
        }

        Unsupported("type parameter lists", open.Span);
    }

    /// <summary>
    /// 3.10+'s <c>match</c> and 3.12's <c>type</c> statements begin with a soft keyword: a name
    /// that starts such a statement only when what follows fits. Refheap runs neither; the
    /// statement is skipped (with its block) and reported as unsupported.
    /// </summary>
    private bool TrySkipSoftKeywordStatement(Token token)
    {
        if (token.Text == "type" && Peek(1).Kind == TokenKind.Name && Peek(2).Kind is TokenKind.Equal or TokenKind.LeftBracket)
        {
            while (!At(TokenKind.Newline) && !At(TokenKind.EndOfFile))
            {
                Advance();
            }

            Advance();
            Unsupported("type alias statements", token.Span);
            return true;
        }

        if (token.Text != "match" || !StartsExpression(Peek(1)) && Peek(1).Kind != TokenKind.Star)
        {
            return false;
        }

        // A match statement's header ends with a colon at the end of the line.
        var ahead = 1;
        while (Peek(ahead).Kind is not (TokenKind.Newline or TokenKind.EndOfFile))
        {
            ahead++;
        }

        if (Peek(ahead - 1).Kind != TokenKind.Colon || Peek(ahead + 1).Kind != TokenKind.Indent)
        {
            return false;
        }

        _index += ahead + 2;
        var depth = 1;
        while (depth > 0 && !At(TokenKind.EndOfFile))
        {
            depth += Advance().Kind switch
            {
                TokenKind.Indent => 1,
                TokenKind.Dedent => -1,
                _ => 0,
            };
        }

        Unsupported("match statements", token.Span);
        return true;
    }

    private SourceSpan SpanOfBlocks(Token keyword, List<Statement> body, List<Statement> orElse) =>
        SourceSpan.Cover(keyword.Span, (orElse.Count > 0 ? orElse : body)[^1].Span);

    /// <summary>
    /// <c>continue</c> needs a loop; 2.7's compiler also cannot continue from a finally block
    /// (3.8+ can): walking out from the statement, a finally block met before any loop is an
    /// error of its own, even with no loop around it.
    /// </summary>
    private void CheckContinue(SourceSpan span)
    {
        var innermostLoop = _scope.Blocks.LastIndexOf(true);
        if (!_dialect.YieldFrom && _scope.Blocks.LastIndexOf(false) > innermostLoop)
        {
            Defer(CheckPhase.Compiler, ErrorOnLine27(span.Line, "'continue' not supported inside 'finally' clause"));
            return;
        }

        CheckInLoop(span, "'continue' not properly in loop");
    }

    /// <summary><c>break</c> and <c>continue</c> belong in a loop of the same function (compile.c checks).</summary>
    private void CheckInLoop(SourceSpan span, string message)
    {
        if (_scope.LoopDepth == 0)
        {
            Defer(CheckPhase.Compiler, LaterError(span, message, message));
        }
    }
}
