using Refheap.Gc;

namespace Refheap.RuntimeTests.Gc;

/// <summary>
/// The talk's drawing of one collection (shared/talk/full_gc_drawing.png): Task1, referenced
/// from outside, with Subtask1 and Subtask2; Task2 with Subtask3 and no outside reference;
/// every task and subtask linked both ways.
/// </summary>
public class TalkWorkedExampleTests
{
    private sealed class Recorder : ICollectionObserver
    {
        public Dictionary<CollectionPhase, (IReadOnlyList<ObservedObject> First, IReadOnlyList<ObservedObject> Second)> Phases { get; } = [];

        public Dictionary<nint, long> ReachableRefs { get; } = [];

        public void OnPhase(CollectionPhase phase, IReadOnlyList<ObservedObject> first, IReadOnlyList<ObservedObject> second) =>
            Phases.TryAdd(phase, (first, second));

        public void OnReachable(nint address, long gcRefs) => ReachableRefs.TryAdd(address, gcRefs);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Gc_refs_after_subtract_refs_and_move_unreachable_match_the_drawing(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var (taskClass, subtaskClass) = TestRuntimes.DefineTaskClasses(rt);
        rt.Gc.Collect();

        // Slots, so that the graph holds exactly the drawing's objects (no instance dicts).
        var task = rt.DefineClass("T", new Dictionary<string, Handle> { ["__slots__"] = rt.Tuple(rt.Str("a"), rt.Str("b")) });
        var sub = rt.DefineClass("S", new Dictionary<string, Handle> { ["__slots__"] = rt.Tuple(rt.Str("task")) });
        _ = (taskClass, subtaskClass);
        rt.Gc.Collect();

        nint task1, sub1, sub2, task2, sub3;
        using (rt.OpenScope())
        {
            var t1 = rt.Call(task);
            var s1 = rt.Call(sub);
            var s2 = rt.Call(sub);
            t1.SetAttr("a", s1);
            t1.SetAttr("b", s2);
            s1.SetAttr("task", t1);
            s2.SetAttr("task", t1);
            var t2 = rt.Call(task);
            var s3 = rt.Call(sub);
            t2.SetAttr("a", s3);
            s3.SetAttr("task", t2);
            (task1, sub1, sub2, task2, sub3) = (t1.Id, s1.Id, s2.Id, t2.Id, s3.Id);
            Persisted = rt.Persist(t1);
        }

        var recorder = new Recorder();
        rt.Gc.Observer = recorder;
        var found = rt.Gc.Collect(0);
        rt.Gc.Observer = null;

        var afterSubtract = recorder.Phases[CollectionPhase.SubtractRefs].First.ToDictionary(o => o.Address, o => o.GcRefs);
        Assert.Equal(1, afterSubtract[task1]);
        Assert.Equal(0, afterSubtract[sub1]);
        Assert.Equal(0, afterSubtract[sub2]);
        Assert.Equal(0, afterSubtract[task2]);
        Assert.Equal(0, afterSubtract[sub3]);

        var (reachable, unreachable) = recorder.Phases[CollectionPhase.MoveUnreachable];
        var reachableIds = reachable.Select(o => o.Address).ToHashSet();
        Assert.Contains(task1, reachableIds);
        Assert.Contains(sub1, reachableIds);
        Assert.Contains(sub2, reachableIds);
        Assert.Equal([task2, sub3], unreachable.Select(o => o.Address).OrderBy(a => a == task2 ? 0 : 1));
        Assert.Equal(1, recorder.ReachableRefs[task1]);
        Assert.Equal(1, recorder.ReachableRefs[sub1]);
        Assert.Equal(1, recorder.ReachableRefs[sub2]);

        Assert.Equal(2, found);
        Assert.Equal(1, rt.LiveInstances(task));
        Assert.Equal(2, rt.LiveInstances(sub));
        Persisted.Dispose();
    }

    private PersistentHandle Persisted { get; set; } = null!;
}
