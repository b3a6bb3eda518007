using Refheap.Diagnostics.ObjGraph;

namespace Refheap.DiagnosticsTests.ObjGraph;

public class ObjGraphChainTests
{
    [Theory]
    [MemberData(nameof(TestHeaps.Profiles), MemberType = typeof(TestHeaps))]
    public void Find_ref_chain_is_the_shortest_path_to_a_match(string profile) => TestHeaps.Check(profile, rt =>
    {
        var (taskClass, subtaskClass) = (rt.DefineClass("Task"), rt.DefineClass("Subtask"));
        var task = TestHeaps.NewTask(rt, taskClass, subtaskClass, 3);
        var og = new ObjectGraph(rt, TextWriter.Null);
        var chain = og.FindRefChain(task, h => h.TypeName == "__main__.Subtask");

        // 2.7: Task -> its __dict__ -> the _subtasks dict -> Subtask; 3.12 keeps attributes inline.
        var expected = profile == "py27"
            ? new[] { "__main__.Task", "dict", "dict", "__main__.Subtask" }
            : ["__main__.Task", "dict", "__main__.Subtask"];
        Assert.Equal(expected, chain.Select(h => h.TypeName));
        Assert.True(chain[0].Is(task));
        Assert.Equal([task.Id], og.FindRefChain(task, _ => false).Select(h => h.Id));
        Assert.Single(og.FindRefChain(task, h => h.TypeName == "__main__.Subtask", maxDepth: 1));
    });

    [Theory]
    [MemberData(nameof(TestHeaps.Profiles), MemberType = typeof(TestHeaps))]
    public void Find_backref_chain_ends_by_default_at_an_object_a_handle_holds(string profile) => TestHeaps.Check(profile, rt =>
    {
        var (taskClass, subtaskClass) = (rt.DefineClass("Task"), rt.DefineClass("Subtask"));
        var task = TestHeaps.NewTask(rt, taskClass, subtaskClass, 3);
        var sub = TestHeaps.Subtask(rt, task, 1);
        var og = new ObjectGraph(rt, TextWriter.Null);
        var chain = og.FindBackrefChain(sub);
        var expected = profile == "py27"
            ? new[] { "__main__.Task", "dict", "dict", "__main__.Subtask" }
            : ["__main__.Task", "dict", "__main__.Subtask"];
        Assert.Equal(expected, chain.Select(h => h.TypeName));
        Assert.True(chain[0].Is(task));
        Assert.True(chain[^1].Is(sub));

        // Forward, the default end is a root too: the nearest object a handle holds, here the
        // Task (3.12: an inline value, visited first) or the Subtask class (2.7: the Task is one
        // step further, behind the instance's dict).
        var forward = og.FindRefChain(sub);
        Assert.True(forward[0].Is(sub));
        Assert.True(profile == "py27" ? forward[^1].Is(subtaskClass) : forward[^1].Is(task));
    });
}
