using Refheap.Python.Execution;
using Refheap.Python.Tests.Execution;

namespace Refheap.Python.Tests.Diagnostics;

/// <summary>
/// <c>import tracemalloc</c> on the 3.12 front end against CPython 3.12.1: the expected output
/// is what <c>PYENV_VERSION=3.12.1 python prog.py</c> prints for the same program (its file's
/// path put back), sizes included: a <c>__slots__</c> instance is 40 bytes and the list of
/// 1,000 of them 8,856 in both. 2.7 has no tracemalloc.
/// </summary>
public sealed class TracemallocModuleTests
{
    private const string Program = @"import tracemalloc

class P(object):
    __slots__ = ('x',)

def make(n):
    return [P() for i in range(n)]

def own(snapshot):
    # Only this file: CPython's own library (abc, linecache, re) allocates too, Refheap has none.
    return snapshot.filter_traces([tracemalloc.Filter(True, '*prog.py'), tracemalloc.Filter(False, tracemalloc.__file__)])

print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory())
tracemalloc.start(2)
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
s1 = own(tracemalloc.take_snapshot())
keep = make(1000)
one = P()
two = P()
s2 = own(tracemalloc.take_snapshot())
for stat in s2.statistics('lineno'):
    print(stat)
print(s2.statistics('lineno', cumulative=True)[1])
for d in s2.compare_to(s1, 'lineno'):
    print(d)
print(tracemalloc.get_object_traceback(one))
print(repr(s2.statistics('lineno')[-1]))
one = None
s3 = own(tracemalloc.take_snapshot())
for d in s3.compare_to(s2, 'lineno'):
    print(d)
print(repr(s3.compare_to(s2, 'lineno')[-1]))
for stat in s2.statistics('traceback')[:1]:
    print(stat)
    print(repr(stat.traceback))
    for line in stat.traceback.format():
        print(line)
    print(stat.traceback.format(limit=1, most_recent_first=True))
only = s3.filter_traces([tracemalloc.Filter(True, '*prog.py', lineno=18)])
print(only.statistics('lineno'))
print(len(s3.filter_traces([tracemalloc.Filter(True, '*prog.py', lineno=16, all_frames=True)]).traces))
try:
    s3.statistics('bogus')
except ValueError as e:
    print(e)
try:
    s3.statistics('traceback', cumulative=True)
except ValueError as e:
    print(e)
tracemalloc.clear_traces()
print(tracemalloc.get_traced_memory())
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_object_traceback(two))
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print(e)
try:
    tracemalloc.start(0)
except ValueError as e:
    print(e)
";

    private const string CPythonOutput = @"False (0, 0)
True 2
{FILE}:7: size=47.7 KiB, count=1001, average=49 B
{FILE}:19: size=40 B, count=1, average=40 B
{FILE}:18: size=40 B, count=1, average=40 B
{FILE}:7: size=47.7 KiB, count=1001, average=49 B
{FILE}:7: size=47.7 KiB (+47.7 KiB), count=1001 (+1001), average=49 B
{FILE}:19: size=40 B (+40 B), count=1 (+1), average=40 B
{FILE}:18: size=40 B (+40 B), count=1 (+1), average=40 B
{FILE}:18
<Statistic traceback=<Traceback (<Frame filename='{FILE}' lineno=18>,)> size=40 count=1>
{FILE}:18: size=0 B (-40 B), count=0 (-1)
{FILE}:7: size=47.7 KiB (+0 B), count=1001 (+0), average=49 B
{FILE}:19: size=40 B (+0 B), count=1 (+0), average=40 B
<StatisticDiff traceback=<Traceback (<Frame filename='{FILE}' lineno=19>,)> size=40 (+0) count=1 (+0)>
{FILE}:17: size=47.7 KiB, count=1001, average=49 B
<Traceback (<Frame filename='{FILE}' lineno=17>, <Frame filename='{FILE}' lineno=7>)>
  File ""{FILE}"", line 17
    keep = make(1000)
  File ""{FILE}"", line 7
    return [P() for i in range(n)]
['  File ""{FILE}"", line 7', '    return [P() for i in range(n)]']
[]
0
unknown key_type: 'bogus'
cumulative mode cannot by used with key type 'traceback'
(0, 0)
False None
the tracemalloc module must be tracing memory allocations to take a snapshot
the number of frames must be in range [1; 65535]
";

    [Fact]
    public void StatisticsComparisonsAndFiltersPrintWhatCPython312Prints()
    {
        var run = ProgramRun.Of("py312", Program, "prog.py");
        Assert.Equal("", run.Stderr);
        Assert.Equal(CPythonOutput.Replace("{FILE}", Path.GetFullPath("prog.py"), StringComparison.Ordinal), run.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Py27HasNoTracemalloc()
    {
        var run = ProgramRun.Of("py27", "import tracemalloc\n");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("ImportError: No module named tracemalloc", run.LastErrorLine);
    }

    [Fact]
    public void TracingLeftOnEndsWithTheProgram()
    {
        using var runtime = new Refheap.Runtime(Profile.Py312, new RuntimeOptions { DebugAllocator = true });
        var stdout = new StringWriter();
        var exit = PythonProgram.Run(runtime, "import tracemalloc\ntracemalloc.start()\nx = [1, 2]\n", "<string>", ["-c"], stdout, new StringWriter());
        Assert.Equal(0, exit);
        Assert.Null(runtime.Api.Heap.AllocationObserver);
    }

    [Fact]
    public void AllocationsInFunctionsAreAttributedToTheLineRunning()
    {
        var run = ProgramRun.Of("py312", @"import tracemalloc
tracemalloc.start()
def f():
    a = 1
    b = [object(), object()]
    return b
x = f()
y = {}
stats = tracemalloc.take_snapshot().statistics('lineno')
for line, count in sorted((s.traceback[0].lineno, s.count) for s in stats if s.traceback[0].filename == '<string>'):
    print(line, count)
", "<string>");
        Assert.Equal("", run.Stderr);
        // As CPython 3.12.1 (its sizes, hence its order, differ): line 3 the function, line 5
        // the list and its two objects (not line 4's small int), line 8 the dict.
        Assert.Equal("3 1\n5 3\n8 1\n", run.Stdout);
    }
}
