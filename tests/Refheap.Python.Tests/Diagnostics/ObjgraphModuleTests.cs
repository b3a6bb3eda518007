using Refheap.Python.Tests.Execution;

namespace Refheap.Python.Tests.Diagnostics;

/// <summary>
/// <c>import objgraph</c> on the front end: a known graph (3 Tasks, each holding 2 Subtasks in a
/// dict, the Subtasks pointing back) counted, grown, searched and drawn, in both profiles. The
/// expected output is what objgraph 3.x prints for it, worked out from objgraph's source (pip's
/// objgraph cannot be installed here); the heap is back to its census after each program.
/// </summary>
public sealed class ObjgraphModuleTests
{
    private const string Program = @"from __future__ import print_function
import objgraph, sys

class Task(object):
    def __init__(self, name):
        self.name = name
        self._subtasks = {}

class Subtask(object):
    def __init__(self, task):
        self._task = task

tasks = []
for i in range(3):
    t = Task('t%d' % i)
    for j in range(2):
        t._subtasks[j] = Subtask(t)
    tasks.append(t)
subs = [s for t in tasks for s in t._subtasks.values()]
objs = tasks + subs
print(objgraph.count('Task', objs), objgraph.count('__main__.Subtask', objs), objgraph.count('Subtask'))
print(sorted(objgraph.typestats(objs).items()))
print(objgraph.most_common_types(objects=objs))
objgraph.show_most_common_types(objects=objs)
print(sorted(objgraph.typestats(objs, shortnames=False).items()))
print(objgraph.typestats(objs, filter=lambda o: type(o).__name__ == 'Task'))
print(len(objgraph.by_type('Subtask')), objgraph.by_type('Task', objs) == tasks, len(objgraph.by_type('__main__.Task')))
print(objgraph.at(id(tasks[1])) is tasks[1], objgraph.at(0), len(objgraph.at_addrs(set([id(tasks[0]), id(subs[0])]))))
print(len(objgraph.get_leaking_objects(objs)))
peak = {}
objgraph.growth(peak_stats=peak)
more = [Task('g') for i in range(5)]
print(objgraph.growth(limit=1, peak_stats=peak, filter=lambda o: type(o).__name__ == 'Task'))
objgraph.show_growth(peak_stats={}, filter=lambda o: type(o).__name__ in ('Task', 'Subtask'), file=sys.stdout)
holder = {'k': [Subtask(None)]}
chain = objgraph.find_backref_chain(holder['k'][0], objgraph.is_proper_module)
print([type(o).__name__ for o in chain], chain[-1] is holder['k'][0])
chain2 = objgraph.find_ref_chain(holder, lambda o: type(o).__name__ == 'Subtask')
print([type(o).__name__ for o in chain2])
print(objgraph.find_backref_chain(holder, lambda o: False, max_depth=2) == [holder])
objgraph.get_new_ids(limit=0)
fresh = [Task('n'), Task('m')]
ids = objgraph.get_new_ids(limit=0)
print(len(ids['Task']), id(fresh[0]) in ids['Task'])
try:
    objgraph.find_ref_chain(holder, lambda o: 1 // 0)
except ZeroDivisionError:
    print('ZeroDivisionError')
";

    private const string Counts = @"3 6 6
[('Subtask', 6), ('Task', 3)]
[('Subtask', 6), ('Task', 3)]
Subtask 6
Task    3
[('__main__.Subtask', 6), ('__main__.Task', 3)]
{'Task': 3}
6 True 3
True None 2
";

    private const string Rest = @"[('Task', 8, 5)]
Task           8        +8
Subtask        6        +6
['module', 'dict', 'dict', 'list', 'Subtask'] True
['dict', 'list', 'Subtask']
True
2 True
ZeroDivisionError
";

    [Theory]
    [InlineData("py27", "9")]
    [InlineData("py312", "6")]
    public void CountsGrowthChainsAndNewIdsPrintWhatObjgraphPrints(string profile, string leaking)
    {
        // get_leaking_objects(objs): 2.7 keeps attributes in a dict, so no object of the list
        // refers to another and all 9 are leaking; 3.12's inline attributes make each
        // Subtask refer to its Task, leaving the 6 Subtasks.
        var run = ProgramRun.Of(profile, Program);
        Assert.Equal("", run.Stderr);
        Assert.Equal(Counts + leaking + "\n" + Rest, run.Stdout.ReplaceLineEndings("\n"));
    }

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void ShowRefsWritesTheDotFileAndSaysHowManyNodes(string profile)
    {
        // list -> list -> Subtask: the Subtask, at max_depth, is drawn but not followed.
        var dot = Path.Combine(Path.GetTempPath(), $"refheap-objgraph-{Guid.NewGuid():N}.dot");
        try
        {
            var run = ProgramRun.Of(profile, $@"import objgraph
class Subtask(object):
    pass
holder = [[Subtask()]]
objgraph.show_refs([holder], max_depth=2, filename='{dot}')
");
            Assert.Equal("", run.Stderr);
            Assert.Equal($"Graph written to {dot} (3 nodes)\n", run.Stdout);
            var text = File.ReadAllText(dot);
            Assert.StartsWith("digraph ObjectGraph {", text, StringComparison.Ordinal);
            Assert.Equal(2, text.Split(" -> ").Length - 1);
        }
        finally
        {
            File.Delete(dot);
        }
    }

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void ShowChainWritesToAFileObjectGivenAsOutput(string profile)
    {
        var run = ProgramRun.Of(profile, @"from __future__ import print_function
import objgraph
class Subtask(object):
    pass
class Out(object):
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
holder = {'k': [Subtask()]}
out = Out()
chain = objgraph.find_backref_chain(holder['k'][0], objgraph.is_proper_module)
objgraph.show_chain(chain, output=out)
text = ''.join(out.parts)
print(text.startswith('digraph ObjectGraph {'), text.count(' -> '))
");
        Assert.Equal("", run.Stderr);
        // module -> globals -> holder -> list -> Subtask: 4 edges along the chain.
        Assert.Equal("True 4\n", run.Stdout);
    }

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void GrowthAtExitCountsWhatTheProgramStillHolds(string profile)
    {
        // What refheap run --objgraph-growth does: peaks at the program's first line, growth at
        // its end (before teardown), here restricted to the program's class.
        using var runtime = new Refheap.Runtime(Profile.FromName(profile), new RuntimeOptions { DebugAllocator = true });
        var graph = new Refheap.Diagnostics.ObjGraph.ObjectGraph(runtime, new StringWriter());
        var growth = new StringWriter();
        var exit = Refheap.Python.Execution.PythonProgram.Run(
            runtime, "class Task(object):\n    pass\nkept = [Task() for i in range(5)]\n", "<string>", ["-c"], new StringWriter(), new StringWriter(),
            () => graph.Growth(limit: null),
            () => graph.ShowGrowth(limit: null, file: growth, filter: h => h.TypeName.EndsWith("Task", StringComparison.Ordinal)));
        Assert.Equal(0, exit);
        Assert.Equal("Task        5        +5\n", growth.ToString());
    }
}
