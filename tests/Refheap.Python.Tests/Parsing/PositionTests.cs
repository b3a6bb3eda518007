using System.Reflection;
using Refheap.Python.Syntax;
using Refheap.Python.Syntax.Ast;
using Refheap.Python.Syntax.Parsing;

namespace Refheap.Python.Tests.Parsing;

/// <summary>
/// Round trips of positions: every node's span lies inside its parent's, and the source text
/// under an expression's or a simple statement's span parses back to the same tree.
/// </summary>
public sealed class PositionTests
{
    private static readonly string s_samples = Path.Combine(AppContext.BaseDirectory, "AstCrossCheck", "samples");

    public static TheoryData<string, string> Samples()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(s_samples, "*.py").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (name != "py27_only")
            {
                data.Add(name, "py312");
            }

            if (name is "py27_only" or "layout")
            {
                data.Add(name, "py27");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_span_lies_within_its_parent(string name, string profile)
    {
        var source = File.ReadAllText(Path.Combine(s_samples, name + ".py"));
        var module = PythonParser.Parse(source, name + ".py", Py.Dialect(profile), treeOnly: true).Module;
        var lineCount = new SourceText(source, name + ".py").LineCount;
        foreach (var statement in module.Body)
        {
            CheckWithin(statement, statement.Span, lineCount);
        }
    }

    private static void CheckWithin(Node node, SourceSpan parent, int lineCount)
    {
        var span = node.Span;
        Assert.True(span.Line >= 1 && span.EndLine <= lineCount, $"{node.GetType().Name} {span} outside the file");
        Assert.True((span.Line, span.Column).CompareTo((span.EndLine, span.EndColumn)) <= 0, $"{node.GetType().Name} {span} ends before it starts");
        Assert.True((parent.Line, parent.Column).CompareTo((span.Line, span.Column)) <= 0, $"{node.GetType().Name} {span} starts before its parent {parent}");
        Assert.True((span.EndLine, span.EndColumn).CompareTo((parent.EndLine, parent.EndColumn)) <= 0, $"{node.GetType().Name} {span} ends after its parent {parent}");
        foreach (var child in Children(node))
        {
            // A parameter's span is its name and annotation (CPython's arg), its default stands after
            // it; a definition's span starts at def or class (as in 3.8+), after its decorators.
            var outside = (node is Parameter parameter && child == parameter.Default)
                || (node is FunctionDefinition function && function.Decorators.Contains(child))
                || (node is ClassDefinition @class && @class.Decorators.Contains(child));
            CheckWithin(child, outside ? SpanOfFile(lineCount) : span, lineCount);
        }
    }

    private static SourceSpan SpanOfFile(int lineCount) => new(1, 0, lineCount, int.MaxValue);

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_text_under_a_span_parses_back_to_the_same_tree(string name, string profile)
    {
        var dialect = Py.Dialect(profile);
        var source = File.ReadAllText(Path.Combine(s_samples, name + ".py"));
        var text = new SourceText(source, name + ".py");
        var module = PythonParser.Parse(source, name + ".py", dialect, treeOnly: true).Module;
        var checkedCount = 0;
        foreach (var node in module.Body.SelectMany(Descendants))
        {
            var slice = Slice(text, node.Span);
            string? reparsed;
            try
            {
                reparsed = node switch
                {
                    Expression expression when Reparsable(expression, slice, dialect) =>
                        AstDumper.Dump(Assert.IsType<ExpressionStatement>(Assert.Single(PythonParser.Parse("(" + slice + "\n)", "slice.py", dialect, treeOnly: true).Module.Body)).Value),
                    Statement statement and not (IfStatement or WhileStatement or ForStatement or TryStatement or WithStatement or FunctionDefinition or ClassDefinition) =>
                        AstDumper.Dump(Assert.Single(PythonParser.Parse(slice, "slice.py", dialect, treeOnly: true).Module.Body)),
                    _ => null,
                };
            }
            catch (PythonSyntaxError error)
            {
                throw new InvalidOperationException($"{node.GetType().Name} at {node.Span}: \"{slice}\" does not parse: {error.Message}", error);
            }
            if (reparsed is null)
            {
                continue;
            }

            var original = node is Expression e ? AstDumper.Dump(e) : AstDumper.Dump((Statement)node);
            Assert.Equal(original, reparsed);
            checkedCount++;
        }

        Assert.True(checkedCount > 10, $"only {checkedCount} nodes checked");
    }

    /// <summary>
    /// Whether an expression's text stands alone as an expression: not a part of an f-string,
    /// not a slice, a starred element or 2.7's synthesized <c>None</c> step, and (statements'
    /// multi-line strings aside) on lines the parentheses can join.
    /// </summary>
    private static bool Reparsable(Expression expression, string slice, PythonDialect dialect) =>
        slice.Length > 0
        && expression is not (SliceExpression or StarredExpression or FormattedValue or YieldExpression or YieldFromExpression)
        && !(expression is TupleExpression tuple && tuple.Elements.Any(e => e is SliceExpression or EllipsisLiteral))
        && !(expression is StringLiteral && slice.Length > 0 && slice[0] is not ('\'' or '"' or 'r' or 'b' or 'u' or 'R' or 'B' or 'U' or '('))
        && !(expression is FormattedString && slice.Length > 0 && slice[0] is not ('f' or 'F' or 'r' or 'R' or '\'' or '"'))
        && !(expression is EllipsisLiteral && !dialect.EllipsisOutsideSubscripts)
        && !(expression is NameExpression name && name.Identifier != slice);

    private static string Slice(SourceText text, SourceSpan span)
    {
        var start = text.LineStart(span.Line) + span.Column;
        var end = text.LineStart(span.EndLine) + span.EndColumn;
        return text.Text[start..end];
    }

    private static IEnumerable<Node> Descendants(Node node) => Children(node).SelectMany(Descendants).Prepend(node);

    /// <summary>A node's children, found through its properties (so no kind of node can be forgotten).</summary>
    private static IEnumerable<Node> Children(Node node)
    {
        foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(node);
            if (value is Node child)
            {
                yield return child;
            }
            else if (value is System.Collections.IEnumerable items and not string)
            {
                foreach (var item in items)
                {
                    if (item is Node itemNode)
                    {
                        yield return itemNode;
                    }
                }
            }
        }
    }
}
