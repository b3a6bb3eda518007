using System.Globalization;
using System.Numerics;
using System.Text;
using Refheap.Python.Syntax.Ast;

namespace Refheap.Python.Tests.AstCrossCheck;

/// <summary>
/// Writes a Refheap tree of a 2.7 program the way CPython 2.7's
/// <c>ast.dump(node, include_attributes=True)</c> writes CPython 2.7's tree, with line numbers
/// only (generate.sh drops 2.7's columns, whose conventions Refheap does not follow): 2.7's
/// node shapes — Print, Exec, Repr, Num, Str, TryExcept inside TryFinally, one With per item,
/// starargs and kwargs in calls, Index/Slice/ExtSlice subscripts — built from Refheap's.
/// </summary>
internal static class CPython27AstDump
{
    public static string Statement(Statement statement) => Stmt(statement);

    /// <summary>2.7's dump: fields, then (after ", " or, with no fields, " ") the line.</summary>
    private static string Node(string name, int? line, params (string Field, string Value)[] fields)
    {
        var text = name + "(" + string.Join(", ", fields.Select(f => f.Field + "=" + f.Value));
        if (line is { } l)
        {
            text += (fields.Length > 0 ? ", " : " ") + "lineno=" + l.ToString(CultureInfo.InvariantCulture);
        }

        return text + ")";
    }

    /// <summary>
    /// 2.7's line for a node: its first line, or, when it starts with a string literal, the
    /// line where that literal's first token ends (<see cref="StringLiteral.LegacyLine"/>).
    /// </summary>
    private static int Line27(Syntax.Ast.Node node) => Leftmost(node) is StringLiteral literal ? literal.LegacyLine : node.Line;

    private static Syntax.Ast.Node Leftmost(Syntax.Ast.Node node) => node switch
    {
        ExpressionStatement s => Leftmost(s.Value),
        AssignStatement s => Leftmost(s.Targets[0]),
        AugmentedAssignStatement s => Leftmost(s.Target),
        BinaryExpression e => Leftmost(e.Left),
        CompareExpression e => Leftmost(e.Left),
        BooleanExpression e => Leftmost(e.Values[0]),
        ConditionalExpression e => Leftmost(e.Body),
        CallExpression e when e.Function.Span.Line == e.Line && e.Function.Span.Column == e.Column => Leftmost(e.Function),
        AttributeExpression e when e.Value.Span.Line == e.Line && e.Value.Span.Column == e.Column => Leftmost(e.Value),
        SubscriptExpression e when e.Value.Span.Line == e.Line && e.Value.Span.Column == e.Column => Leftmost(e.Value),
        TupleExpression e when e.Elements.Count > 0 && e.Elements[0].Span.Line == e.Line && e.Elements[0].Span.Column == e.Column => Leftmost(e.Elements[0]),
        _ => node,
    };

    private static string List<T>(IEnumerable<T> items, Func<T, string> format) => "[" + string.Join(", ", items.Select(format)) + "]";

    private static string Block(IReadOnlyList<Statement> body) => List(body, Stmt);

    private static string Opt(Expression? expression, string ctx = "Load") => expression is null ? "None" : Expr(expression, ctx);

    private static string Stmt(Statement statement) => statement switch
    {
        ExpressionStatement s => Node("Expr", Line27(s), ("value", Expr(s.Value))),
        AssignStatement s => Node("Assign", Line27(s), ("targets", List(s.Targets, t => Expr(t, "Store"))), ("value", Expr(s.Value))),
        AugmentedAssignStatement s => Node("AugAssign", Line27(s), ("target", Expr(s.Target, "Store")), ("op", Operator(s.Operator)), ("value", Expr(s.Value))),
        DeleteStatement s => Node("Delete", Line27(s), ("targets", List(s.Targets, t => Expr(t, "Del")))),
        PassStatement s => Node("Pass", Line27(s)),
        BreakStatement s => Node("Break", Line27(s)),
        ContinueStatement s => Node("Continue", Line27(s)),
        ReturnStatement s => Node("Return", Line27(s), ("value", Opt(s.Value))),
        GlobalStatement s => Node("Global", Line27(s), ("names", List(s.Names, Repr))),
        IfStatement s => Node("If", Line27(s), ("test", Expr(s.Test)), ("body", Block(s.Body)), ("orelse", Block(s.OrElse))),
        WhileStatement s => Node("While", Line27(s), ("test", Expr(s.Test)), ("body", Block(s.Body)), ("orelse", Block(s.OrElse))),
        ForStatement s => Node("For", Line27(s), ("target", Expr(s.Target, "Store")), ("iter", Expr(s.Iterable)), ("body", Block(s.Body)), ("orelse", Block(s.OrElse))),
        WithStatement s => With(s, 0),
        FunctionDefinition s => Node("FunctionDef", Line27(s), ("name", Repr(s.Name)), ("args", Arguments(s.Parameters)), ("body", Block(s.Body)), ("decorator_list", List(s.Decorators, d => Expr(d)))),
        ClassDefinition s => Node("ClassDef", Line27(s), ("name", Repr(s.Name)), ("bases", List(s.Bases, b => Expr(b))), ("body", Block(s.Body)), ("decorator_list", List(s.Decorators, d => Expr(d)))),
        TryStatement s => Try(s),
        RaiseStatement s => Node("Raise", Line27(s), ("type", Opt(s.Exception)), ("inst", Opt(s.LegacyValue)), ("tback", Opt(s.LegacyTraceback))),
        AssertStatement s => Node("Assert", Line27(s), ("test", Expr(s.Test)), ("msg", Opt(s.Message))),
        ImportStatement s => Node("Import", Line27(s), ("names", List(s.Names, Alias))),
        ImportFromStatement s => Node("ImportFrom", Line27(s), ("module", s.Module is null ? "None" : Repr(s.Module)), ("names", List(s.Names, Alias)), ("level", s.Level.ToString(CultureInfo.InvariantCulture))),
        PrintStatement s => Node("Print", Line27(s), ("dest", Opt(s.Destination)), ("values", List(s.Values, v => Expr(v))), ("nl", s.Newline ? "True" : "False")),
        ExecStatement s => Node("Exec", Line27(s), ("body", Expr(s.Code)), ("globals", Opt(s.Globals)), ("locals", Opt(s.Locals))),
        _ => throw new NotSupportedException(statement.GetType().Name),
    };

    /// <summary>2.7 has one With per item, each the body of the one before.</summary>
    private static string With(WithStatement statement, int item)
    {
        var withItem = statement.Items[item];
        var body = item + 1 < statement.Items.Count ? "[" + With(statement, item + 1) + "]" : Block(statement.Body);
        return Node("With", statement.Line, ("context_expr", Expr(withItem.Context)), ("optional_vars", Opt(withItem.Target, "Store")), ("body", body));
    }

    /// <summary>2.7's try-except-finally is a TryExcept inside a TryFinally.</summary>
    private static string Try(TryStatement statement)
    {
        var tryExcept = statement.Handlers.Count == 0
            ? null
            : Node("TryExcept", statement.Line,
                ("body", Block(statement.Body)),
                ("handlers", List(statement.Handlers, h => Node("ExceptHandler", h.Line, ("type", Opt(h.Type)), ("name", Opt(h.Name, "Store")), ("body", Block(h.Body))))),
                ("orelse", Block(statement.OrElse)));
        if (statement.FinalBody.Count == 0)
        {
            return tryExcept!;
        }

        return Node("TryFinally", statement.Line, ("body", tryExcept is null ? Block(statement.Body) : "[" + tryExcept + "]"), ("finalbody", Block(statement.FinalBody)));
    }

    private static string Alias(ImportAlias alias) => Node("alias", null, ("name", Repr(alias.Name)), ("asname", alias.AsName is null ? "None" : Repr(alias.AsName)));

    private static string Arguments(ParameterList parameters) => Node("arguments", null,
        ("args", List(parameters.Positional, p => Node("Name", p.Line, ("id", Repr(p.Name)), ("ctx", "Param()")))),
        ("vararg", parameters.VarArgs is null ? "None" : Repr(parameters.VarArgs.Name)),
        ("kwarg", parameters.KeywordArgs is null ? "None" : Repr(parameters.KeywordArgs.Name)),
        ("defaults", List(parameters.Positional.Where(p => p.Default is not null), p => Expr(p.Default!))));

    private static string Expr(Expression expression, string ctx = "Load") => expression switch
    {
        NameExpression e => Node("Name", Line27(e), ("id", Repr(e.Identifier)), ("ctx", ctx + "()")),
        IntegerLiteral e => Node("Num", Line27(e), ("n", Integer(e.Value, e.IsLong))),
        FloatLiteral e => Node("Num", Line27(e), ("n", CPythonAstDump.FloatRepr(e.Value))),
        ImaginaryLiteral e => Node("Num", Line27(e), ("n", CPythonAstDump.FloatRepr(e.Value).Replace(".0", string.Empty, StringComparison.Ordinal) + "j")),
        StringLiteral e => Node("Str", Line27(e), ("s", e.Kind == StringKind.Unicode ? "u" + Repr(e.Value, unicode: true) : Repr(e.Value))),
        TupleExpression e => Node("Tuple", Line27(e), ("elts", List(e.Elements, x => Expr(x, ctx))), ("ctx", ctx + "()")),
        ListExpression e => Node("List", Line27(e), ("elts", List(e.Elements, x => Expr(x, ctx))), ("ctx", ctx + "()")),
        SetExpression e => Node("Set", Line27(e), ("elts", List(e.Elements, x => Expr(x)))),
        DictExpression e => Node("Dict", Line27(e), ("keys", List(e.Keys, k => Expr(k!))), ("values", List(e.Values, v => Expr(v)))),
        ListComprehension e => Node("ListComp", Line27(e), ("elt", Expr(e.Element)), ("generators", Generators(e.Generators))),
        SetComprehension e => Node("SetComp", Line27(e), ("elt", Expr(e.Element)), ("generators", Generators(e.Generators))),
        DictComprehension e => Node("DictComp", Line27(e), ("key", Expr(e.Key)), ("value", Expr(e.Value)), ("generators", Generators(e.Generators))),
        GeneratorExpression e => Node("GeneratorExp", Line27(e), ("elt", Expr(e.Element)), ("generators", Generators(e.Generators))),
        AttributeExpression e => Node("Attribute", Line27(e), ("value", Expr(e.Value)), ("attr", Repr(e.Name)), ("ctx", ctx + "()")),
        SubscriptExpression e => Node("Subscript", Line27(e), ("value", Expr(e.Value)), ("slice", Slice(e.Index)), ("ctx", ctx + "()")),
        CallExpression e => Call(e),
        UnaryExpression e => Node("UnaryOp", Line27(e), ("op", e.Operator switch
        {
            UnaryOperator.Invert => "Invert()",
            UnaryOperator.Not => "Not()",
            UnaryOperator.Plus => "UAdd()",
            _ => "USub()",
        }), ("operand", Expr(e.Operand))),
        BinaryExpression e => Node("BinOp", Line27(e), ("left", Expr(e.Left)), ("op", Operator(e.Operator)), ("right", Expr(e.Right))),
        BooleanExpression e => Node("BoolOp", Line27(e), ("op", e.Operator == BooleanOperator.And ? "And()" : "Or()"), ("values", List(e.Values, v => Expr(v)))),
        CompareExpression e => Node("Compare", Line27(e), ("left", Expr(e.Left)), ("ops", List(e.Operators, o => o switch
        {
            ComparisonOperator.Equal => "Eq()",
            ComparisonOperator.NotEqual => "NotEq()",
            ComparisonOperator.Less => "Lt()",
            ComparisonOperator.LessOrEqual => "LtE()",
            ComparisonOperator.Greater => "Gt()",
            ComparisonOperator.GreaterOrEqual => "GtE()",
            ComparisonOperator.Is => "Is()",
            ComparisonOperator.IsNot => "IsNot()",
            ComparisonOperator.In => "In()",
            _ => "NotIn()",
        })), ("comparators", List(e.Comparators, c => Expr(c)))),
        ConditionalExpression e => Node("IfExp", Line27(e), ("test", Expr(e.Test)), ("body", Expr(e.Body)), ("orelse", Expr(e.OrElse))),
        LambdaExpression e => Node("Lambda", Line27(e), ("args", Arguments(e.Parameters)), ("body", Expr(e.Body))),
        YieldExpression e => Node("Yield", Line27(e), ("value", Opt(e.Value))),
        ReprExpression e => Node("Repr", Line27(e), ("value", Expr(e.Value))),
        _ => throw new NotSupportedException(expression.GetType().Name),
    };

    private static string Call(CallExpression call)
    {
        var starred = call.Arguments.OfType<StarredExpression>().FirstOrDefault();
        var doubleStarred = call.Keywords.FirstOrDefault(k => k.Name is null);
        return Node("Call", call.Line,
            ("func", Expr(call.Function)),
            ("args", List(call.Arguments.Where(a => a is not StarredExpression), a => Expr(a))),
            ("keywords", List(call.Keywords.Where(k => k.Name is not null), k => Node("keyword", null, ("arg", Repr(k.Name!)), ("value", Expr(k.Value))))),
            ("starargs", starred is null ? "None" : Expr(starred.Value)),
            ("kwargs", doubleStarred is null ? "None" : Expr(doubleStarred.Value)));
    }

    /// <summary>2.7 wraps a subscript: Index(value), Slice, Ellipsis, or ExtSlice when a tuple holds a slice or an ellipsis.</summary>
    private static string Slice(Expression index) => index switch
    {
        EllipsisLiteral => "Ellipsis()",
        SliceExpression s => Node("Slice", null, ("lower", Opt(s.Lower)), ("upper", Opt(s.Upper)), ("step", Opt(s.Step))),
        TupleExpression t when t.Elements.Any(e => e is SliceExpression or EllipsisLiteral) => Node("ExtSlice", null, ("dims", List(t.Elements, Slice))),
        _ => Node("Index", null, ("value", Expr(index))),
    };

    private static string Generators(IReadOnlyList<Comprehension> generators) =>
        List(generators, g => Node("comprehension", null, ("target", Expr(g.Target, "Store")), ("iter", Expr(g.Iterable)), ("ifs", List(g.Conditions, c => Expr(c)))));

    private static string Integer(BigInteger value, bool isLong) =>
        value.ToString(CultureInfo.InvariantCulture) + (isLong || value > long.MaxValue || value < long.MinValue ? "L" : string.Empty);

    private static string Operator(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "Add()",
        BinaryOperator.Subtract => "Sub()",
        BinaryOperator.Multiply => "Mult()",
        BinaryOperator.Divide => "Div()",
        BinaryOperator.Modulo => "Mod()",
        BinaryOperator.Power => "Pow()",
        BinaryOperator.LeftShift => "LShift()",
        BinaryOperator.RightShift => "RShift()",
        BinaryOperator.BitOr => "BitOr()",
        BinaryOperator.BitXor => "BitXor()",
        BinaryOperator.BitAnd => "BitAnd()",
        _ => "FloorDiv()",
    };

    /// <summary>2.7's repr of a str (bytes: \xNN from 0x7f) or of a unicode's text (\xNN, \uNNNN past ASCII).</summary>
    private static string Repr(string value) => Repr(value, unicode: false);

    private static string Repr(string value, bool unicode)
    {
        var quote = value.Contains('\'', StringComparison.Ordinal) && !value.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var builder = new StringBuilder().Append(quote);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c == quote => "\\" + c,
                < ' ' or (>= '\x7f' and <= '\xff') => $"\\x{(int)c:x2}",
                > '\xff' when unicode => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.Append(quote).ToString();
    }
}
