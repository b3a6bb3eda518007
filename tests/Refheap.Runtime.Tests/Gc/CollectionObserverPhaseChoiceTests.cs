using Refheap.Gc;

namespace Refheap.RuntimeTests.Gc;

/// <summary>An observer that asks for some phases gets only those: the collector lists nothing else for it.</summary>
public class CollectionObserverPhaseChoiceTests
{
    private sealed class GarbageOnly : ICollectionObserver
    {
        public List<(CollectionPhase Phase, int First)> Calls { get; } = [];

        public int ReachableCalls { get; private set; }

        public void OnPhase(CollectionPhase phase, IReadOnlyList<ObservedObject> first, IReadOnlyList<ObservedObject> second) =>
            Calls.Add((phase, first.Count));

        public void OnReachable(nint address, long gcRefs) => ReachableCalls++;

        public bool Wants(CollectionPhase phase) => phase == CollectionPhase.LegacyFinalizers;

        public bool WantsReachable => false;
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Only_the_phases_asked_for_are_reported(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var (taskClass, subtaskClass) = TestRuntimes.DefineTaskClasses(rt);
        _ = rt.Call(taskClass); // held by the scope: reachable, so move_unreachable would report it to OnReachable
        rt.Gc.Collect();
        using (rt.OpenScope())
        {
            var t = rt.Call(taskClass);
            var s = rt.Call(subtaskClass);
            t.SetAttr("subtask", s);
            s.SetAttr("task", t);
        }

        var observer = new GarbageOnly();
        rt.Gc.Observer = observer;
        var found = rt.Gc.Collect();
        rt.Gc.Observer = null;

        var call = Assert.Single(observer.Calls);
        Assert.Equal(CollectionPhase.LegacyFinalizers, call.Phase);
        Assert.Equal(found, call.First);
        Assert.Equal(0, observer.ReachableCalls);
    }
}
