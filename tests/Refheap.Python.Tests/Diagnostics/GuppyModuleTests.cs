using Refheap.Diagnostics.Heapy;
using Refheap.Python.Tests.Execution;

namespace Refheap.Python.Tests.Diagnostics;

/// <summary>
/// <c>from guppy import hpy</c> on the front end: the relative heap after <c>setrelheap()</c>
/// holds exactly what the program made since (4 Tasks with their dicts and the list; the
/// frames of the call in progress are left out, as heapy hides its own), printed as heapy's table; rows index into sets; the dump is the snapshot file.
/// Sizes are Refheap's (docs/diagnostics.md): 2.7's instance 48 bytes, its dicts 264; 3.12's
/// instance 48 (CPython 3.12's sys.getsizeof), its empty dict 64.
/// </summary>
public sealed class GuppyModuleTests
{
    private const string Program = @"from __future__ import print_function
from guppy import hpy

class Task(object):
    def __init__(self):
        self._subtasks = {}

h = hpy()
heap = h.heap
h.setrelheap()
tasks = [Task() for i in range(4)]
x = heap()
print(x)
print(x.count, len(x), x.size, x[0].size + x[1].size)
print(x.bytype)
print(x[1])
print(x.byrcs[0].count)
del x
print(heap().count)
";

    private const string Py27Output = @"Partition of a set of 13 objects. Total size = 2392 bytes.
 Index  Count   %     Size   % Cumulative  % Kind (class / dict of class)
     0      4  31     1056  44      1056  44 dict (no owner)
     1      4  31     1056  44      2112  88 dict of __main__.Task
     2      4  31      192   8      2304  96 __main__.Task
     3      1   8       88   4      2392 100 list
13 13 2392 2112
Partition of a set of 13 objects. Total size = 2392 bytes.
 Index  Count   %     Size   % Cumulative  % Type
     0      8  62     2112  88      2112  88 dict
     1      4  31      192   8      2304  96 __main__.Task
     2      1   8       88   4      2392 100 list
Partition of a set of 4 objects. Total size = 1056 bytes.
 Index  Count   %     Size   % Cumulative  % Kind (class / dict of class)
     0      4 100     1056 100      1056 100 dict of __main__.Task
4
13
";

    private const string Py312Output = @"Partition of a set of 9 objects. Total size = 536 bytes.
 Index  Count   %     Size   % Cumulative  % Kind (class / dict of class)
     0      4  44      256  48       256  48 dict (no owner)
     1      4  44      192  36       448  84 __main__.Task
     2      1  11       88  16       536 100 list
9 9 536 448
Partition of a set of 9 objects. Total size = 536 bytes.
 Index  Count   %     Size   % Cumulative  % Type
     0      4  44      256  48       256  48 dict
     1      4  44      192  36       448  84 __main__.Task
     2      1  11       88  16       536 100 list
Partition of a set of 4 objects. Total size = 192 bytes.
 Index  Count   %     Size   % Cumulative  % Kind (class / dict of class)
     0      4 100      192 100       192 100 __main__.Task
4
9
";

    [Theory]
    [InlineData("py27", Py27Output)]
    [InlineData("py312", Py312Output)]
    public void RelativeHeapPrintsHeapysTableOfWhatWasMadeSince(string profile, string expected)
    {
        var run = ProgramRun.Of(profile, Program);
        Assert.Equal("", run.Stderr);
        Assert.Equal(expected, run.Stdout.ReplaceLineEndings("\n"));
    }

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void DumpWritesTheSnapshotFileRefheapHeapReads(string profile)
    {
        var path = Path.Combine(Path.GetTempPath(), $"refheap-heapy-{Guid.NewGuid():N}.jsonl");
        try
        {
            var run = ProgramRun.Of(profile, $@"from guppy import hpy
class Task(object):
    pass
h = hpy()
h.setrelheap()
tasks = [Task(), Task(), Task()]
h.heap().dump('{path}')
");
            Assert.Equal("", run.Stderr);
            var snapshot = SnapshotFile.Read(path);
            Assert.Equal(profile, snapshot.Profile);
            Assert.Equal(3, snapshot.Objects.Count(o => o.TypeName == "__main__.Task"));
            Assert.Equal(1, snapshot.Objects.Count(o => o.TypeName == "list"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
