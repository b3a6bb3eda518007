namespace Refheap.Python.Tests.Execution;

/// <summary>
/// Which class statements make 2.7 classic classes, and the parts of them Refheap refuses
/// with NotImplementedError rather than run differently (each checked against CPython 2.7.18).
/// The programs' object-level behaviour is in tests/conformance/oldstyle_*.py.
/// </summary>
public sealed class OldStyleClassTests
{
    private const string Kinds = @"from __future__ import print_function
class Classic:
    pass
class Derived(Classic):
    pass
class New(object):
    pass
print(type(Classic).__name__, type(Derived).__name__, type(New).__name__, type(Derived()).__name__)
";

    [Fact]
    public void A_class_without_new_style_bases_is_classic_in_py27() =>
        Assert.Equal("classobj classobj type instance\n", ProgramRun.Of("py27", Kinds).Stdout);

    [Fact]
    public void The_same_classes_are_new_style_in_py312() =>
        Assert.Equal("type type type Derived\n", ProgramRun.Of("py312", Kinds).Stdout);

    [Fact]
    public void A_module_metaclass_of_type_makes_new_style_classes_in_py27()
    {
        var run = ProgramRun.Of("py27", "__metaclass__ = type\nclass A:\n    pass\nprint type(A).__name__, type(A()).__name__\n");
        Assert.Equal("type A\n", run.Stdout);
    }

    [Fact]
    public void The_memory_tools_see_classic_instances_by_their_class()
    {
        const string source = @"import objgraph
from guppy import hpy
class B:
    pass
hp = hpy()
hp.setrelheap()
keep = [B() for i in range(3)]
print objgraph.count('instance'), objgraph.by_type('instance')[0].__class__.__name__
rows = str(hp.heap()).split('\n')[2:]
print sorted(' '.join(r.split()[7:]) for r in rows if r.strip())
";
        var run = ProgramRun.Of("py27", source);
        Assert.Equal("3 B\n['__main__.B', 'dict of __main__.B', 'list']\n", run.Stdout);
    }

    [Theory]
    [InlineData("class A:\n    pass\nclass B(A, object):\n    pass\n", "classes with both classic and new-style bases")]
    [InlineData("__metaclass__ = len\nclass A:\n    pass\n", "__metaclass__")]
    [InlineData("class A:\n    pass\nraise A()\n", "raising old-style classes and their instances")]
    [InlineData("class A:\n    pass\nraise A\n", "raising old-style classes and their instances")]
    public void What_is_not_run_says_so(string source, string feature)
    {
        var run = ProgramRun.Of("py27", source);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"NotImplementedError: Refheap does not support {feature}", run.LastErrorLine);
    }
}
