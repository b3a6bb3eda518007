using System.Globalization;
using System.Text;
using Refheap.Python.Syntax;
using Refheap.Python.Syntax.Ast;

namespace Refheap.Python.Tests.AstCrossCheck;

/// <summary>
/// Writes a Refheap tree the way CPython 3.12's <c>ast.dump(node, include_attributes=True)</c>
/// writes CPython's tree for the same source, so that the two can be compared text for text:
/// node and field names, load/store/delete contexts (which Refheap derives from position),
/// and every node's line and column span.
/// </summary>
internal static class CPythonAstDump
{
    private enum Context
    {
        Load,
        Store,
        Del,
    }

    public static string Statement(Statement statement) => Stmt(statement);

    /// <summary>
    /// Maps a (line, column) to CPython's column, which counts UTF-8 bytes where Refheap counts
    /// characters; the samples are ASCII, so the tests leave it null.
    /// </summary>
    internal static Func<int, int, int>? MapColumn { get; set; }

    private static string Node(string name, params (string Field, string? Value)[] fields) =>
        name + "(" + string.Join(", ", fields.Where(f => f.Value is not null).Select(f => f.Field + "=" + f.Value)) + ")";

    private static (string, string?)[] Attributes(Syntax.Ast.Node node) => Attributes(node.Span);

    private static (string, string?)[] Attributes(SourceSpan span) =>
    [
        ("lineno", span.Line.ToString(CultureInfo.InvariantCulture)),
        ("col_offset", (MapColumn?.Invoke(span.Line, span.Column) ?? span.Column).ToString(CultureInfo.InvariantCulture)),
        ("end_lineno", span.EndLine.ToString(CultureInfo.InvariantCulture)),
        ("end_col_offset", (MapColumn?.Invoke(span.EndLine, span.EndColumn) ?? span.EndColumn).ToString(CultureInfo.InvariantCulture)),
    ];

    private static string Located(string name, Syntax.Ast.Node node, params (string, string?)[] fields) => Node(name, [.. fields, .. Attributes(node)]);

    private static string List<T>(IEnumerable<T> items, Func<T, string> format) => "[" + string.Join(", ", items.Select(format)) + "]";

    private static string Block(IReadOnlyList<Statement> body) => List(body, Stmt);

    private static string Stmt(Statement statement) => statement switch
    {
        ExpressionStatement s => Located("Expr", s, ("value", Expr(s.Value))),
        AssignStatement s => Located("Assign", s, ("targets", List(s.Targets, t => Expr(t, Context.Store))), ("value", Expr(s.Value))),
        AugmentedAssignStatement s => Located("AugAssign", s, ("target", Expr(s.Target, Context.Store)), ("op", Operator(s.Operator)), ("value", Expr(s.Value))),
        AnnotatedAssignStatement s => Located("AnnAssign", s, ("target", Expr(s.Target, Context.Store)), ("annotation", Expr(s.Annotation)), ("value", Opt(s.Value)), ("simple", s.IsSimple ? "1" : "0")),
        DeleteStatement s => Located("Delete", s, ("targets", List(s.Targets, t => Expr(t, Context.Del)))),
        PassStatement s => Located("Pass", s),
        BreakStatement s => Located("Break", s),
        ContinueStatement s => Located("Continue", s),
        ReturnStatement s => Located("Return", s, ("value", Opt(s.Value))),
        GlobalStatement s => Located("Global", s, ("names", List(s.Names, n => Repr(n)))),
        NonlocalStatement s => Located("Nonlocal", s, ("names", List(s.Names, n => Repr(n)))),
        IfStatement s => Located("If", s, ("test", Expr(s.Test)), ("body", Block(s.Body)), ("orelse", Block(s.OrElse))),
        WhileStatement s => Located("While", s, ("test", Expr(s.Test)), ("body", Block(s.Body)), ("orelse", Block(s.OrElse))),
        ForStatement s => Located(s.IsAsync ? "AsyncFor" : "For", s, ("target", Expr(s.Target, Context.Store)), ("iter", Expr(s.Iterable)), ("body", Block(s.Body)), ("orelse", Block(s.OrElse))),
        WithStatement s => Located(s.IsAsync ? "AsyncWith" : "With", s, ("items", List(s.Items, i => Node("withitem", ("context_expr", Expr(i.Context)), ("optional_vars", i.Target is null ? null : Expr(i.Target, Context.Store))))), ("body", Block(s.Body))),
        FunctionDefinition s => Located(s.IsAsync ? "AsyncFunctionDef" : "FunctionDef", s, ("name", Repr(s.Name)), ("args", Arguments(s.Parameters)), ("body", Block(s.Body)), ("decorator_list", List(s.Decorators, d => Expr(d))), ("returns", Opt(s.Returns)), ("type_params", "[]")),
        ClassDefinition s => Located("ClassDef", s, ("name", Repr(s.Name)), ("bases", List(s.Bases, b => Expr(b))), ("keywords", List(s.Keywords, Keyword)), ("body", Block(s.Body)), ("decorator_list", List(s.Decorators, d => Expr(d))), ("type_params", "[]")),
        TryStatement s => Located("Try", s, ("body", Block(s.Body)), ("handlers", List(s.Handlers, h => Located("ExceptHandler", h, ("type", Opt(h.Type)), ("name", h.Name is NameExpression n ? Repr(n.Identifier) : null), ("body", Block(h.Body))))), ("orelse", Block(s.OrElse)), ("finalbody", Block(s.FinalBody))),
        RaiseStatement s => Located("Raise", s, ("exc", Opt(s.Exception)), ("cause", Opt(s.Cause))),
        AssertStatement s => Located("Assert", s, ("test", Expr(s.Test)), ("msg", Opt(s.Message))),
        ImportStatement s => Located("Import", s, ("names", List(s.Names, Alias))),
        ImportFromStatement s => Located("ImportFrom", s, ("module", s.Module is null ? null : Repr(s.Module)), ("names", List(s.Names, Alias)), ("level", s.Level.ToString(CultureInfo.InvariantCulture))),
        _ => throw new NotSupportedException(statement.GetType().Name),
    };

    private static string Alias(ImportAlias alias) => Located("alias", alias, ("name", Repr(alias.Name)), ("asname", alias.AsName is null ? null : Repr(alias.AsName)));

    private static string Keyword(KeywordArgument keyword) => Located("keyword", keyword, ("arg", keyword.Name is null ? null : Repr(keyword.Name)), ("value", Expr(keyword.Value)));

    private static string Arguments(ParameterList parameters)
    {
        var positional = parameters.PositionalOnly.Concat(parameters.Positional).ToList();
        return Node("arguments",
            ("posonlyargs", List(parameters.PositionalOnly, Arg)),
            ("args", List(parameters.Positional, Arg)),
            ("vararg", parameters.VarArgs is null ? null : Arg(parameters.VarArgs)),
            ("kwonlyargs", List(parameters.KeywordOnly, Arg)),
            ("kw_defaults", List(parameters.KeywordOnly, p => p.Default is null ? "None" : Expr(p.Default))),
            ("kwarg", parameters.KeywordArgs is null ? null : Arg(parameters.KeywordArgs)),
            ("defaults", List(positional.Where(p => p.Default is not null), p => Expr(p.Default!))));
    }

    private static string Arg(Parameter parameter) => Located("arg", parameter, ("arg", Repr(parameter.Name)), ("annotation", Opt(parameter.Annotation)));

    private static string? Opt(Expression? expression) => expression is null ? null : Expr(expression);

    private static string Ctx(Context context) => context + "()";

    private static string Expr(Expression expression) => Expr(expression, Context.Load);

    private static string Expr(Expression expression, Context ctx) => expression switch
    {
        NameExpression e => Located("Name", e, ("id", Repr(e.Identifier)), ("ctx", Ctx(ctx))),
        IntegerLiteral e => Located("Constant", e, ("value", e.Value.ToString(CultureInfo.InvariantCulture))),
        FloatLiteral e => Located("Constant", e, ("value", FloatRepr(e.Value))),
        ImaginaryLiteral e => Located("Constant", e, ("value", FloatRepr(e.Value).Replace(".0", string.Empty, StringComparison.Ordinal) + "j")),
        StringLiteral e => Located("Constant", e, ("value", e.Kind == StringKind.Bytes ? "b" + Repr(e.Value, bytes: true) : Repr(e.Value))),
        NoneLiteral e => Located("Constant", e, ("value", "None")),
        BooleanLiteral e => Located("Constant", e, ("value", e.Value ? "True" : "False")),
        EllipsisLiteral e => Located("Constant", e, ("value", "Ellipsis")),
        FormattedString e => Located("JoinedStr", e, ("values", List(e.Parts, p => Expr(p)))),
        FormattedValue e => Located("FormattedValue", e, ("value", Expr(e.Value)), ("conversion", e.Conversion is { } c ? ((int)c).ToString(CultureInfo.InvariantCulture) : "-1"), ("format_spec", Opt(e.FormatSpec))),
        TupleExpression e => Located("Tuple", e, ("elts", List(e.Elements, x => Expr(x, ctx))), ("ctx", Ctx(ctx))),
        ListExpression e => Located("List", e, ("elts", List(e.Elements, x => Expr(x, ctx))), ("ctx", Ctx(ctx))),
        SetExpression e => Located("Set", e, ("elts", List(e.Elements, x => Expr(x)))),
        DictExpression e => Located("Dict", e, ("keys", List(e.Keys, k => k is null ? "None" : Expr(k))), ("values", List(e.Values, v => Expr(v)))),
        ListComprehension e => Located("ListComp", e, ("elt", Expr(e.Element)), ("generators", Generators(e.Generators))),
        SetComprehension e => Located("SetComp", e, ("elt", Expr(e.Element)), ("generators", Generators(e.Generators))),
        DictComprehension e => Located("DictComp", e, ("key", Expr(e.Key)), ("value", Expr(e.Value)), ("generators", Generators(e.Generators))),
        GeneratorExpression e => Located("GeneratorExp", e, ("elt", Expr(e.Element)), ("generators", Generators(e.Generators))),
        AttributeExpression e => Located("Attribute", e, ("value", Expr(e.Value)), ("attr", Repr(e.Name)), ("ctx", Ctx(ctx))),
        SubscriptExpression e => Located("Subscript", e, ("value", Expr(e.Value)), ("slice", Expr(e.Index)), ("ctx", Ctx(ctx))),
        SliceExpression e => Located("Slice", e, ("lower", Opt(e.Lower)), ("upper", Opt(e.Upper)), ("step", Opt(e.Step))),
        CallExpression e => Located("Call", e, ("func", Expr(e.Function)), ("args", List(e.Arguments, a => Expr(a))), ("keywords", List(e.Keywords, Keyword))),
        StarredExpression e => Located("Starred", e, ("value", Expr(e.Value, ctx)), ("ctx", Ctx(ctx))),
        UnaryExpression e => Located("UnaryOp", e, ("op", e.Operator switch
        {
            UnaryOperator.Invert => "Invert()",
            UnaryOperator.Not => "Not()",
            UnaryOperator.Plus => "UAdd()",
            _ => "USub()",
        }), ("operand", Expr(e.Operand))),
        BinaryExpression e => Located("BinOp", e, ("left", Expr(e.Left)), ("op", Operator(e.Operator)), ("right", Expr(e.Right))),
        BooleanExpression e => Located("BoolOp", e, ("op", e.Operator == BooleanOperator.And ? "And()" : "Or()"), ("values", List(e.Values, v => Expr(v)))),
        CompareExpression e => Located("Compare", e, ("left", Expr(e.Left)), ("ops", List(e.Operators, o => o switch
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
        ConditionalExpression e => Located("IfExp", e, ("test", Expr(e.Test)), ("body", Expr(e.Body)), ("orelse", Expr(e.OrElse))),
        LambdaExpression e => Located("Lambda", e, ("args", Arguments(e.Parameters)), ("body", Expr(e.Body))),
        YieldExpression e => Located("Yield", e, ("value", Opt(e.Value))),
        YieldFromExpression e => Located("YieldFrom", e, ("value", Expr(e.Value))),
        AwaitExpression e => Located("Await", e, ("value", Expr(e.Value))),
        NamedExpression e => Located("NamedExpr", e, ("target", Expr(e.Target, Context.Store)), ("value", Expr(e.Value))),
        _ => throw new NotSupportedException(expression.GetType().Name),
    };

    private static string Generators(IReadOnlyList<Comprehension> generators) =>
        List(generators, g => Node("comprehension", ("target", Expr(g.Target, Context.Store)), ("iter", Expr(g.Iterable)), ("ifs", List(g.Conditions, c => Expr(c))), ("is_async", g.IsAsync ? "1" : "0")));

    private static string Operator(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "Add()",
        BinaryOperator.Subtract => "Sub()",
        BinaryOperator.Multiply => "Mult()",
        BinaryOperator.MatrixMultiply => "MatMult()",
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

    /// <summary>Python's repr of a str: single quotes unless the text has one and no double quote.</summary>
    internal static string Repr(string value, bool bytes = false)
    {
        var quote = value.Contains('\'', StringComparison.Ordinal) && !value.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var builder = new StringBuilder().Append(quote);
        foreach (var rune in value.EnumerateRunes())
        {
            var c = rune.Value;
            builder.Append(c switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c == quote => "\\" + (char)c,
                < ' ' or 0x7f => $"\\x{c:x2}",
                > 0x7f when bytes => $"\\x{c:x2}",
                > 0x7f when !IsPrintable(rune) => c < 0x100 ? $"\\x{c:x2}" : c < 0x10000 ? $"\\u{c:x4}" : $"\\U{c:x8}",
                _ => rune.ToString(),
            });
        }

        return builder.Append(quote).ToString();
    }

    /// <summary>Python's str.isprintable for one character: not "Other" nor "Separator" (space aside).</summary>
    private static bool IsPrintable(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.SpaceSeparator => false,
        _ => true,
    };

    /// <summary>Python's repr of a float: the shortest round-trip digits, scientific below 1e-4 and from 1e16.</summary>
    internal static string FloatRepr(double value)
    {
        if (double.IsPositiveInfinity(value))
        {
            return "inf";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        // The shortest round-trip digits and the decimal exponent of the first one.
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture).Split('E');
        var mantissa = shortest[0].Split('.');
        var all = mantissa[0] + (mantissa.Length > 1 ? mantissa[1] : string.Empty);
        var point = mantissa[0].Length + (shortest.Length > 1 ? int.Parse(shortest[1], CultureInfo.InvariantCulture) : 0);
        var leadingZeros = all.Length - all.TrimStart('0').Length;
        var digits = all.TrimStart('0').TrimEnd('0');
        var exponent = point - leadingZeros - 1;
        string text;
        if (exponent < -4 || exponent >= 16)
        {
            var scientific = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
            text = scientific + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        }
        else if (exponent < 0)
        {
            text = "0." + new string('0', -exponent - 1) + digits;
        }
        else if (digits.Length <= exponent + 1)
        {
            text = digits + new string('0', exponent + 1 - digits.Length) + ".0";
        }
        else
        {
            text = digits[..(exponent + 1)] + "." + digits[(exponent + 1)..];
        }

        return value < 0 ? "-" + text : text;
    }
}
