using Refheap.Python.Compiler;

namespace Refheap.Python.Tests.Execution;

/// <summary>
/// What CPython leaves on its free lists and has made before a program's first line: start-up's
/// blocks, and the lists and dicts its compile of the program freed. Counts measured on CPython
/// 2.7.18 and 3.12.1.
/// </summary>
public sealed class StartupFreeListTests
{
    private static CompileFootprint Footprint(string profile, string source) =>
        Compilation.Compile(source, "x.py", Py.Dialect(profile)).Code.Footprint;

    [Theory]
    [InlineData("py27", "x = 1\n", 0, 0)]
    [InlineData("py27", "def f():\n    def g():\n        pass\n", 2, 2)]
    [InlineData("py27", "def f():\n    return [x for x in y]\n", 1, 1)]
    [InlineData("py27", "def f():\n    return {x for x in y}\n", 2, 2)]
    [InlineData("py312", "def f():\n    return [x for x in y]\n", 2, 1)]
    [InlineData("py312", "class C:\n    def m(self):\n        pass\nf = lambda: 1\ng = (x for x in y)\n", 4, 2)]
    public void FootprintCountsBlocksAndNestingOfCodeObjects(string profile, string source, int blocks, int depth) =>
        Assert.Equal(new CompileFootprint(blocks, depth), Footprint(profile, source));

    [Theory]
    [InlineData("py27", 0, 0, 5, 7)]
    [InlineData("py27", 3, 1, 11, 19)]
    [InlineData("py27", 2, 2, 9, 27)]
    [InlineData("py312", 0, 0, 9, 14)]
    [InlineData("py312", 3, 1, 11, 18)]
    [InlineData("py312", 3, 3, 11, 30)]
    [InlineData("py312", 60, 1, 80, 75)]
    public void ListsAndDictsAtTheFirstLineGrowWithTheCompile(string profile, int blocks, int depth, int lists, int dicts)
    {
        var dialect = Py.Dialect(profile);
        Assert.Equal(lists, dialect.StartupLists(new CompileFootprint(blocks, depth)));
        Assert.Equal(dicts, dialect.StartupDicts(new CompileFootprint(blocks, depth)));
    }

    [Theory]
    [InlineData("py27", "0 0 True\n")]
    [InlineData("py312", "2 2 False\n")]
    public void FirstSetsAndEmptyFrozensetsReuseWhatStartUpLeft(string profile, string expected)
    {
        var run = ProgramRun.Of(profile, "import gc\nfrozenset()\na = gc.get_count()[0]\ns1 = set()\ns2 = set()\nb = gc.get_count()[0]\nf1 = frozenset()\nf2 = frozenset()\nc = gc.get_count()[0]\nprint('%d %d %s' % (b - a, c - b, f1 is f2))\n");
        Assert.Equal(expected, run.Stdout);
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void SysIsImportedBeforeTheFirstLine(string profile)
    {
        var run = ProgramRun.Of(profile, "import gc\na = gc.get_count()[0]\nimport sys\nprint(gc.get_count()[0] - a)\n");
        Assert.Equal(profile == "py27" ? "1\n" : "0\n", run.Stdout);
    }

    [Fact]
    public void Py312LocalsOfAModuleFrameShowARunningComprehensionsVariablesInANewDict()
    {
        const string source = """
            import sys
            def above():
                try:
                    raise ValueError
                except ValueError:
                    return sys.exc_info()[2].tb_frame.f_back.f_back
            def peek():
                d = above().f_locals
                return '%s %s' % (d['x'], d is globals())
            x = 'outer'
            print('%s %s' % ([peek() for x in range(2)], x))
            """;
        Assert.Equal("['0 False', '1 False'] outer\n", ProgramRun.Of("py312", source).Stdout);
        Assert.Equal("['0 True', '1 True'] 1\n", ProgramRun.Of("py27", source).Stdout);
    }
}
