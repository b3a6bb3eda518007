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
        var og = new ObjectGraph(rt, TextWriter.Null);
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
        var og = new ObjectGraph(rt, TextWriter.Null);
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

    [Theory]
    [MemberData(nameof(TestHeaps.Profiles), MemberType = typeof(TestHeaps))]
    public void Show_chain_draws_only_the_objects_of_the_chain(string profile) => TestHeaps.Check(profile, rt =>
    {
        var (taskClass, subtaskClass) = (rt.DefineClass("Task"), rt.DefineClass("Subtask"));
        var task = TestHeaps.NewTask(rt, taskClass, subtaskClass, 3);
        var sub = TestHeaps.Subtask(rt, task, 0);
        var og = new ObjectGraph(rt, TextWriter.Null);
        var chain = og.FindBackrefChain(sub);
        var dot = new StringWriter();
        var result = og.ShowChain(chain, options: new GraphOptions { Output = dot });
        Assert.Equal(chain.Count, result.Nodes);
        var text = dot.ToString();
        Assert.All(chain, h => Assert.Contains($"o{h.Id}[label=", text, StringComparison.Ordinal));
        Assert.Equal(chain.Count - 1, text.Split('\n').Count(l => l.Contains(" -> ", StringComparison.Ordinal)));
    });

    [Fact]
    public void Without_dot_on_path_the_dot_file_is_written_and_one_line_says_how_to_render_it() => TestHeaps.Check("py312", rt =>
    {
        var list = rt.List(rt.List());
        var messages = new StringWriter();
        var og = new ObjectGraph(rt, messages) { FindProgram = _ => null };
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
    public void With_dot_on_path_the_image_asked_for_is_rendered() => TestHeaps.Check("py27", rt =>
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var dir = Directory.CreateTempSubdirectory("refheap-objgraph-");
        try
        {
            // A stand-in for Graphviz: records its arguments in the -o file it is given.
            var fake = Path.Combine(dir.FullName, "dot");
            File.WriteAllText(fake, "#!/bin/sh\nfor a; do case \"$a\" in -o*) out=\"${a#-o}\";; esac; done\necho \"$@\" > \"$out\"\n");
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var messages = new StringWriter();
            var og = new ObjectGraph(rt, messages) { FindProgram = name => name == "dot" ? fake : null };
            var svg = Path.Combine(dir.FullName, "refs.svg");
            var result = og.ShowRefs([rt.List()], new GraphOptions { FileName = svg });
            Assert.Equal(svg, result.ImageFile);
            Assert.Equal($"-Tsvg -o{svg} {result.DotFile}\n", File.ReadAllText(svg));
            Assert.EndsWith($"Image generated as {svg}\n", messages.ToString(), StringComparison.Ordinal);
            File.Delete(result.DotFile!);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    });

    [Theory]
    [MemberData(nameof(TestHeaps.Profiles), MemberType = typeof(TestHeaps))]
    public void Classes_and_builtin_functions_are_labelled_by_name_and_containers_by_size(string profile) => TestHeaps.Check(profile, rt =>
    {
        var cls = rt.DefineClass("Task");
        var f = rt.Function("schedule", _ => rt.None);
        var list = rt.List(cls, f, rt.Tuple(rt.Int(1), rt.Int(2)));
        var dot = new StringWriter();
        new ObjectGraph(rt, TextWriter.Null).ShowRefs([list], new GraphOptions { MaxDepth = 1, Output = dot });
        var text = dot.ToString();
        Assert.Contains($"o{list.Id}[label=\"list\\n3 items\"];", text, StringComparison.Ordinal);
        Assert.Contains($"o{cls.Id}[label=\"type\\nTask\"];", text, StringComparison.Ordinal);
        Assert.Contains($"o{f.Id}[label=\"builtin_function_or_method\\nschedule\"];", text, StringComparison.Ordinal);
        Assert.Contains("[label=\"tuple\\n2 items\"];", text, StringComparison.Ordinal);
    });

    [Fact]
    public void A_dot_file_name_gets_only_the_dot_file() => TestHeaps.Check("py27", rt =>
    {
        var list = rt.List();
        var messages = new StringWriter();
        var og = new ObjectGraph(rt, messages) { FindProgram = _ => throw new InvalidOperationException("dot must not be looked for") };
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
