using Refheap.Diagnostics.ObjGraph;

namespace Refheap.DiagnosticsTests.ObjGraph;

public class ShowRefsTests
{
    [Theory]
    [MemberData(nameof(TestHeaps.Profiles), MemberType = typeof(TestHeaps))]
    public void Show_refs_writes_objgraphs_dot(string profile) => TestHeaps.Check(profile, rt =>
    {
        var (taskClass, subtaskClass) = (rt.DefineClass("Task"), rt.DefineClass("Subtask"));
        var task = TestHeaps.NewTask(rt, taskClass, subtaskClass, 2);
        var og = new Refheap.Diagnostics.ObjGraph.ObjGraph(rt, TextWriter.Null);
        var dot = new StringWriter();
        var result = og.ShowRefs([task], new GraphOptions
        {
            MaxDepth = 2,
            Output = dot,
            Filter = h => h.TypeName != "type",
            Highlight = h => h.TypeName == "__main__.Subtask",
            RefCounts = true,
        });
        Assert.Null(result.DotFile);
        Golden.AssertMatches($"show_refs.{profile}.dot", dot.ToString());
    });

    [Theory]
    [MemberData(nameof(TestHeaps.Profiles), MemberType = typeof(TestHeaps))]
    public void Show_backrefs_writes_objgraphs_dot_with_too_many_and_extra_info(string profile) => TestHeaps.Check(profile, rt =>
    {
        var (taskClass, subtaskClass) = (rt.DefineClass("Task"), rt.DefineClass("Subtask"));
        var task = TestHeaps.NewTask(rt, taskClass, subtaskClass, 4);
        var og = new Refheap.Diagnostics.ObjGraph.ObjGraph(rt, TextWriter.Null);
        var dot = new StringWriter();
        og.ShowBackrefs([task], new GraphOptions
        {
            MaxDepth = 2,
            TooMany = 2,
            Output = dot,
            ExtraInfo = h => "refcount " + rt.RefCount(h),
            ShortNames = false,
        });
        Golden.AssertMatches($"show_backrefs.{profile}.dot", dot.ToString());
    });

    [Fact]
    public void Without_dot_on_path_the_dot_file_is_written_and_one_line_says_how_to_render_it() => TestHeaps.Check("py312", rt =>
    {
        var list = rt.List(rt.List());
        var messages = new StringWriter();
        var og = new Refheap.Diagnostics.ObjGraph.ObjGraph(rt, messages) { FindProgram = _ => null };
        var dir = Directory.CreateTempSubdirectory("refheap-objgraph-");
        try
        {
            var png = Path.Combine(dir.FullName, "refs.png");
            var result = og.ShowRefs([list], new GraphOptions { FileName = png });
            Assert.NotNull(result.DotFile);
            Assert.Null(result.ImageFile);
            Assert.StartsWith("digraph ObjectGraph {", File.ReadAllText(result.DotFile!), StringComparison.Ordinal);
            var lines = messages.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.Equal($"Graph written to {result.DotFile} (2 nodes)", lines[0]);
            Assert.Contains($"dot -Tpng -o {png} {result.DotFile}", lines[1], StringComparison.Ordinal);
            File.Delete(result.DotFile!);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    });

    [Fact]
    public void A_dot_file_name_gets_only_the_dot_file() => TestHeaps.Check("py27", rt =>
    {
        var list = rt.List();
        var messages = new StringWriter();
        var og = new Refheap.Diagnostics.ObjGraph.ObjGraph(rt, messages) { FindProgram = _ => throw new InvalidOperationException("dot must not be looked for") };
        var path = Path.Combine(Path.GetTempPath(), $"refheap-{Guid.NewGuid():N}.dot");
        try
        {
            var result = og.ShowRefs([list], new GraphOptions { FileName = path });
            Assert.Equal(path, result.DotFile);
            Assert.Equal($"Graph written to {path} (1 nodes)\n", messages.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    });
}
