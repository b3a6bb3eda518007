using System.Globalization;
using System.Text;

namespace Refheap.Python.Syntax.Ast;

/// <summary>
/// A compact s-expression of a tree, one top-level statement per line, for tests and for
/// looking at what the parser made of a program:
/// <code>
/// (= [x] (+ 1 (call f a (kw k 2))))
/// (if (cmp x &lt; 1) [(pass)] [(print 'no')])
/// </code>
/// Names are bare, strings are quoted (<c>b'..'</c>, <c>u'..'</c> for bytes and 2.7's unicode),
/// blocks are square brackets; an absent part is <c>_</c>.
/// </summary>
internal sealed class AstDumper : IExpressionVisitor<string>, IStatementVisitor<string>
{
    private static readonly AstDumper s_instance = new();

    private AstDumper()
    {
    }

    public static string Dump(ModuleNode module) => string.Join("\n", module.Body.Select(s => s.Accept(s_instance)));

    public static string Dump(Statement statement) => statement.Accept(s_instance);

    public static string Dump(Expression expression) => expression.Accept(s_instance);

    private string D(Expression? expression) => expression is null ? "_" : expression.Accept(this);

    private string Ds(IEnumerable<Expression> expressions) => string.Join(" ", expressions.Select(D));

    private string Block(IReadOnlyList<Statement> body) => "[" + string.Join(" ", body.Select(s => s.Accept(this))) + "]";

    private static string S(params string?[] parts) => "(" + string.Join(" ", parts.Where(p => !string.IsNullOrEmpty(p))) + ")";

    // ----- expressions -----

    public string VisitName(NameExpression node) => node.Identifier;

    public string VisitIntegerLiteral(IntegerLiteral node) => node.Value.ToString(CultureInfo.InvariantCulture) + (node.IsLong ? "L" : string.Empty);

    public string VisitFloatLiteral(FloatLiteral node)
    {
        if (double.IsInfinity(node.Value) || double.IsNaN(node.Value))
        {
            return double.IsNaN(node.Value) ? "nan" : node.Value > 0 ? "inf" : "-inf";
        }

        var text = node.Value.ToString("R", CultureInfo.InvariantCulture);
        return double.IsFinite(node.Value) && !text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal) ? text + ".0" : text;
    }

    public string VisitImaginaryLiteral(ImaginaryLiteral node) => node.Value.ToString("R", CultureInfo.InvariantCulture) + "j";

    public string VisitStringLiteral(StringLiteral node) => node.Kind switch
    {
        StringKind.Bytes => "b" + Quote(node.Value, bytes: true),
        StringKind.Unicode => "u" + Quote(node.Value),
        _ => Quote(node.Value),
    };

    public string VisitFormattedString(FormattedString node) => S("f", Ds(node.Parts));

    public string VisitFormattedValue(FormattedValue node) =>
        S("fv", D(node.Value), node.Conversion is { } c ? "!" + c : null, node.FormatSpec is null ? null : ":" + D(node.FormatSpec));

    public string VisitNoneLiteral(NoneLiteral node) => "None";

    public string VisitBooleanLiteral(BooleanLiteral node) => node.Value ? "True" : "False";

    public string VisitEllipsisLiteral(EllipsisLiteral node) => "...";

    public string VisitTuple(TupleExpression node) => S("tuple", Ds(node.Elements));

    public string VisitList(ListExpression node) => S("list", Ds(node.Elements));

    public string VisitSet(SetExpression node) => S("set", Ds(node.Elements));

    public string VisitDict(DictExpression node) =>
        S("dict", string.Join(" ", node.Keys.Zip(node.Values, (k, v) => k is null ? S("**", D(v)) : S(D(k), D(v)))));

    public string VisitListComprehension(ListComprehension node) => S("listcomp", D(node.Element), Generators(node.Generators));

    public string VisitSetComprehension(SetComprehension node) => S("setcomp", D(node.Element), Generators(node.Generators));

    public string VisitDictComprehension(DictComprehension node) => S("dictcomp", D(node.Key), D(node.Value), Generators(node.Generators));

    public string VisitGenerator(GeneratorExpression node) => S("genexp", D(node.Element), Generators(node.Generators));

    private string Generators(IReadOnlyList<Comprehension> generators) =>
        string.Join(" ", generators.Select(g => S(g.IsAsync ? "async-for" : "for", D(g.Target), D(g.Iterable), string.Join(" ", g.Conditions.Select(c => S("if", D(c)))))));

    public string VisitAttribute(AttributeExpression node) => S(".", D(node.Value), node.Name);

    public string VisitSubscript(SubscriptExpression node) => S("[]", D(node.Value), D(node.Index));

    public string VisitSlice(SliceExpression node) => S(":", D(node.Lower), D(node.Upper), D(node.Step));

    public string VisitCall(CallExpression node) => S("call", D(node.Function), Ds(node.Arguments), Keywords(node.Keywords));

    private string Keywords(IReadOnlyList<KeywordArgument> keywords) =>
        string.Join(" ", keywords.Select(k => k.Name is null ? S("**", D(k.Value)) : S("kw", k.Name, D(k.Value))));

    public string VisitStarred(StarredExpression node) => S("*", D(node.Value));

    public string VisitUnary(UnaryExpression node) => S(node.Operator switch
    {
        UnaryOperator.Invert => "~",
        UnaryOperator.Not => "not",
        UnaryOperator.Plus => "pos",
        _ => "neg",
    }, D(node.Operand));

    public string VisitBinary(BinaryExpression node) => S(Spelling(node.Operator), D(node.Left), D(node.Right));

    public string VisitBoolean(BooleanExpression node) => S(node.Operator == BooleanOperator.And ? "and" : "or", Ds(node.Values));

    public string VisitCompare(CompareExpression node)
    {
        var parts = new List<string> { "cmp", D(node.Left) };
        for (var i = 0; i < node.Operators.Count; i++)
        {
            parts.Add(node.Operators[i] switch
            {
                ComparisonOperator.Equal => "==",
                ComparisonOperator.NotEqual => "!=",
                ComparisonOperator.Less => "<",
                ComparisonOperator.LessOrEqual => "<=",
                ComparisonOperator.Greater => ">",
                ComparisonOperator.GreaterOrEqual => ">=",
                ComparisonOperator.Is => "is",
                ComparisonOperator.IsNot => "is-not",
                ComparisonOperator.In => "in",
                _ => "not-in",
            });
            parts.Add(D(node.Comparators[i]));
        }

        return S([.. parts]);
    }

    public string VisitConditional(ConditionalExpression node) => S("if-exp", D(node.Test), D(node.Body), D(node.OrElse));

    public string VisitLambda(LambdaExpression node) => S("lambda", Parameters(node.Parameters), D(node.Body));

    public string VisitYield(YieldExpression node) => S("yield", node.Value is null ? null : D(node.Value));

    public string VisitYieldFrom(YieldFromExpression node) => S("yield-from", D(node.Value));

    public string VisitAwait(AwaitExpression node) => S("await", D(node.Value));

    public string VisitNamed(NamedExpression node) => S(":=", D(node.Target), D(node.Value));

    public string VisitRepr(ReprExpression node) => S("repr", D(node.Value));

    // ----- statements -----

    public string VisitExpressionStatement(ExpressionStatement node) => S("expr", D(node.Value));

    public string VisitAssignStatement(AssignStatement node) => S("=", "[" + Ds(node.Targets) + "]", D(node.Value));

    public string VisitAugmentedAssignStatement(AugmentedAssignStatement node) => S(Spelling(node.Operator) + "=", D(node.Target), D(node.Value));

    public string VisitAnnotatedAssignStatement(AnnotatedAssignStatement node) =>
        S("ann", D(node.Target), D(node.Annotation), node.Value is null ? null : D(node.Value), node.IsSimple ? null : "not-simple");

    public string VisitDeleteStatement(DeleteStatement node) => S("del", Ds(node.Targets));

    public string VisitPassStatement(PassStatement node) => "(pass)";

    public string VisitBreakStatement(BreakStatement node) => "(break)";

    public string VisitContinueStatement(ContinueStatement node) => "(continue)";

    public string VisitReturnStatement(ReturnStatement node) => S("return", node.Value is null ? null : D(node.Value));

    public string VisitGlobalStatement(GlobalStatement node) => S("global", string.Join(" ", node.Names));

    public string VisitNonlocalStatement(NonlocalStatement node) => S("nonlocal", string.Join(" ", node.Names));

    public string VisitIfStatement(IfStatement node) => S("if", D(node.Test), Block(node.Body), node.OrElse.Count > 0 ? Block(node.OrElse) : null);

    public string VisitWhileStatement(WhileStatement node) => S("while", D(node.Test), Block(node.Body), node.OrElse.Count > 0 ? Block(node.OrElse) : null);

    public string VisitForStatement(ForStatement node) =>
        S(node.IsAsync ? "async-for" : "for", D(node.Target), D(node.Iterable), Block(node.Body), node.OrElse.Count > 0 ? Block(node.OrElse) : null);

    public string VisitWithStatement(WithStatement node) =>
        S(node.IsAsync ? "async-with" : "with", string.Join(" ", node.Items.Select(i => i.Target is null ? D(i.Context) : S("as", D(i.Context), D(i.Target)))), Block(node.Body));

    public string VisitFunctionDefinition(FunctionDefinition node) =>
        S(node.IsAsync ? "async-def" : "def", node.Name, Parameters(node.Parameters), node.Returns is null ? null : S("->", D(node.Returns)), Block(node.Body), Decorators(node.Decorators));

    public string VisitClassDefinition(ClassDefinition node) =>
        S("class", node.Name, S(Ds(node.Bases), Keywords(node.Keywords)), Block(node.Body), Decorators(node.Decorators));

    private string Decorators(IReadOnlyList<Expression> decorators) => string.Join(" ", decorators.Select(d => "@" + D(d)));

    public string VisitTryStatement(TryStatement node) =>
        S("try", Block(node.Body),
            string.Join(" ", node.Handlers.Select(h => S("except", h.Type is null ? null : D(h.Type), h.Name is null ? null : D(h.Name), Block(h.Body)))),
            node.OrElse.Count > 0 ? S("else", Block(node.OrElse)) : null,
            node.FinalBody.Count > 0 ? S("finally", Block(node.FinalBody)) : null);

    public string VisitRaiseStatement(RaiseStatement node) =>
        S("raise", node.Exception is null ? null : D(node.Exception), node.Cause is null ? null : S("from", D(node.Cause)),
            node.LegacyValue is null ? null : D(node.LegacyValue), node.LegacyTraceback is null ? null : D(node.LegacyTraceback));

    public string VisitAssertStatement(AssertStatement node) => S("assert", D(node.Test), node.Message is null ? null : D(node.Message));

    public string VisitImportStatement(ImportStatement node) => S("import", Aliases(node.Names));

    public string VisitImportFromStatement(ImportFromStatement node) =>
        S("from", new string('.', node.Level) + (node.Module ?? string.Empty), Aliases(node.Names));

    private static string Aliases(IReadOnlyList<ImportAlias> names) =>
        string.Join(" ", names.Select(a => a.AsName is null ? a.Name : S("as", a.Name, a.AsName)));

    public string VisitPrintStatement(PrintStatement node) =>
        S("print", node.Destination is null ? null : ">>" + D(node.Destination), Ds(node.Values), node.Newline ? null : ",");

    public string VisitExecStatement(ExecStatement node) => S("exec", D(node.Code), node.Globals is null ? null : D(node.Globals), node.Locals is null ? null : D(node.Locals));

    private string Parameters(ParameterList parameters)
    {
        var parts = new List<string>();
        foreach (var p in parameters.PositionalOnly)
        {
            parts.Add(Parameter(p));
        }

        if (parameters.PositionalOnly.Count > 0)
        {
            parts.Add("/");
        }

        parts.AddRange(parameters.Positional.Select(Parameter));
        if (parameters.VarArgs is not null)
        {
            parts.Add(S("*", Parameter(parameters.VarArgs)));
        }
        else if (parameters.KeywordOnly.Count > 0)
        {
            parts.Add("*");
        }

        parts.AddRange(parameters.KeywordOnly.Select(Parameter));
        if (parameters.KeywordArgs is not null)
        {
            parts.Add(S("**", Parameter(parameters.KeywordArgs)));
        }

        return "(" + string.Join(" ", parts) + ")";
    }

    private string Parameter(Parameter parameter)
    {
        var name = parameter.Annotation is null ? parameter.Name : S(":", parameter.Name, D(parameter.Annotation));
        return parameter.Default is null ? name : S("=", name, D(parameter.Default));
    }

    private static string Spelling(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.MatrixMultiply => "@",
        BinaryOperator.Divide => "/",
        BinaryOperator.Modulo => "%",
        BinaryOperator.Power => "**",
        BinaryOperator.LeftShift => "<<",
        BinaryOperator.RightShift => ">>",
        BinaryOperator.BitOr => "|",
        BinaryOperator.BitXor => "^",
        BinaryOperator.BitAnd => "&",
        _ => "//",
    };

    /// <summary>A string's value in single quotes, with backslash escapes for quotes, backslashes and control characters.</summary>
    private static string Quote(string value, bool bytes = false)
    {
        var builder = new StringBuilder("'");
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '\'' => "\\'",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                < ' ' or '\x7f' => $"\\x{(int)c:x2}",
                > '\x7f' when bytes => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return builder.Append('\'').ToString();
    }
}
