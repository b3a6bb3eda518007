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

    private const string Slicing = @"class B:
    def __getitem__(self, k): return k
    def __setitem__(self, k, v): print 'set', k, v
    def __delitem__(self, k): print 'del', k
b = B()
print b[1:3], b[::2], b[1]
b[1:2] = [5]
del b[:]
class N: pass
try:
    N()[1:2]
except Exception as e:
    print type(e).__name__, e
class G:
    def __getslice__(self, i, j): return (i, j)
try:
    print G()[1:2]
except Exception as e:
    print type(e).__name__, e
class L:
    def __len__(self): return 10
    def __getitem__(self, k): return k
    def __getslice__(self, i, j): return ('gs', i, j)
    def __setslice__(self, i, j, v): print 'ss', i, j, v
    def __delslice__(self, i, j): print 'ds', i, j
l = L()
print l[1:2], l[-3:], l[:-1], l[:], l[::3], l[1:2:None], l['a':'b'], l[10**30:]
l[1:-1] = 'x'
del l[-2:]
class M:
    def __getitem__(self, k): return k
try:
    M()[-1:]
except AttributeError as e:
    print e
print M()[:]
";

    private const string SlicingOutput = @"slice(1, 3, None) slice(None, None, 2) 1
set slice(1, 2, None) [5]
del slice(0, 9223372036854775807, None)
AttributeError N instance has no attribute '__getitem__'
(1, 2)
('gs', 1, 2) ('gs', 7, 9223372036854775807) ('gs', 0, 9) ('gs', 0, 9223372036854775807) slice(None, None, 3) slice(1, 2, None) slice('a', 'b', None) ('gs', 9223372036854775807, 9223372036854775807)
ss 1 9 x
ds 8 9223372036854775807
M instance has no attribute '__len__'
slice(0, 9223372036854775807, None)
";

    [Fact]
    public void Simple_slices_of_classic_instances_go_through_getslice_or_getitem_with_2_7_bounds() =>
        Assert.Equal(SlicingOutput, ProgramRun.Of("py27", Slicing).Stdout);

    [Theory]
    [InlineData("class A:\n    pass\nclass B(A, object):\n    pass\n", "classes with both classic and new-style bases (prog.py, line 3)")]
    [InlineData("__metaclass__ = len\nclass A:\n    pass\n", "__metaclass__ (prog.py, line 2)")]
    [InlineData("class A:\n    pass\nraise A()\n", "raising old-style classes and their instances (prog.py, line 3)")]
    [InlineData("class A:\n    pass\nraise A\n", "raising old-style classes and their instances (prog.py, line 3)")]
    public void What_is_not_run_says_so(string source, string feature)
    {
        var run = ProgramRun.Of("py27", source);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"NotImplementedError: Refheap does not support {feature}", run.LastErrorLine);
    }
}
