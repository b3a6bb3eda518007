using System.Diagnostics;
using System.Text;
using Refheap.Python.Syntax.Parsing;
using Xunit.Abstractions;

namespace Refheap.Python.Tests;

/// <summary>
/// A sanity run, not a benchmark: a generated 5,000-line program parses in both dialects (well
/// under a second on a laptop; the time is written to the test output, never asserted).
/// </summary>
public sealed class PerformanceTests(ITestOutputHelper output)
{
    /// <summary>A block of everyday code, repeated with fresh names until the file has <paramref name="lines"/> lines.</summary>
    internal static string GenerateProgram(int lines)
    {
        var builder = new StringBuilder();
        var count = 0;
        for (var i = 0; count < lines; i++)
        {
            var block = $$"""
                class Node{{i}}(object):
                    '''A node with children.'''
                    __slots__ = ('name', 'children', 'parent')

                    def __init__(self, name, parent=None, *children, **options):
                        self.name = name
                        self.parent = parent
                        self.children = [c for c in children if c is not None]
                        self.options = dict((k, v) for k, v in options.items() if v)

                    def walk(self, depth=0):
                        yield depth, self
                        for child in self.children:
                            for item in child.walk(depth + 1):
                                yield item

                def build{{i}}(n):
                    total = 0
                    nodes = {}
                    while n > 0:
                        n -= 1
                        try:
                            nodes[n] = Node{{i}}('n%d' % n, nodes.get(n + 1))
                        except (KeyError, ValueError) as error:
                            raise RuntimeError(str(error))
                        finally:
                            total += n * 2 ** 3 - (n // 7) % 5
                    if total > 100 and not nodes or total < -1:
                        return None
                    elif {{i}} % 2 == 0:
                        return sorted(nodes.values(), key=lambda node: (node.name, len(node.children)))[::-1]
                    else:
                        return [x for x in nodes if x] + [0x1F, 1.5e3, "done\n"]

                """;
            builder.Append(block);
            count += block.Count(c => c == '\n');
        }

        return builder.ToString();
    }

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void A_5000_line_program_parses(string profile)
    {
        var source = GenerateProgram(5000);
        PythonParser.Parse(source, "big.py", Py.Dialect(profile));
        var stopwatch = Stopwatch.StartNew();
        var module = PythonParser.Parse(source, "big.py", Py.Dialect(profile)).Module;
        stopwatch.Stop();
        Assert.True(module.Body.Count > 200);
        output.WriteLine($"{profile}: {source.Count(c => c == '\n')} lines, {module.Body.Count} top-level statements in {stopwatch.Elapsed.TotalMilliseconds:F1} ms");
    }
}
