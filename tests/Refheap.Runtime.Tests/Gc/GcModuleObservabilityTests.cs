using Refheap.Gc;

namespace Refheap.RuntimeTests.Gc;

/// <summary>
/// What Refheap adds to the gc module for observability: pause records and the Collected
/// event (the <c>Refheap</c> Meter is in <see cref="GcModuleMeterTests"/>). The numbers in a record are those CPython's gc.callbacks
/// "stop" info and DEBUG_STATS give for the same collection.
/// </summary>
public class GcModuleObservabilityTests
{
    [Theory]
    [InlineData("py27", 4)]
    [InlineData("py312", 2)]
    public void Each_collection_adds_one_pause_record_with_what_it_examined_and_found(string profile, long cycle)
    {
        // gc.collect(0) of a fresh two-instance cycle: DEBUG_STATS shows "objects in each
        // generation: 4 0 …" / "2 0 …" and "done, 4 unreachable" / "2 unreachable" (2.7 / 3.12).
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("A");
        rt.Gc.Collect();
        var before = rt.Gc.RecentPauses.Count;
        GcModuleTestKit.MakeCycle(rt, cls);

        rt.Gc.Collect(0);

        var pauses = rt.Gc.RecentPauses;
        Assert.Equal(before + 1, pauses.Count);
        var last = pauses[^1];
        Assert.Equal((0, cycle, cycle, 0L), (last.Generation, last.Examined, last.Collected, last.Uncollectable));
        Assert.Equal(cycle, last.Unreachable);
        Assert.False(last.Automatic);
        Assert.True(last.Elapsed >= TimeSpan.Zero);
        Assert.True(last.FinishedAt > DateTimeOffset.UtcNow.AddMinutes(-1));

        var (g0, g1, g2) = rt.Gc.TrackedObjects();
        rt.Gc.Collect(1);
        rt.Gc.Collect();
        Assert.Equal(before + 3, rt.Gc.RecentPauses.Count);
        Assert.Equal((1, g0 + g1, 0L), (rt.Gc.RecentPauses[^2].Generation, rt.Gc.RecentPauses[^2].Examined, rt.Gc.RecentPauses[^2].Collected));
        Assert.Equal((2, g0 + g1 + g2, 0L), (rt.Gc.RecentPauses[^1].Generation, rt.Gc.RecentPauses[^1].Examined, rt.Gc.RecentPauses[^1].Collected));
    }

    [Fact]
    public void A_py27_del_cycle_is_recorded_as_uncollectable()
    {
        // python2.7 DEBUG_STATS: "gc: done, 4 unreachable, 4 uncollectable"
        using var rt = GcModuleTestKit.Quiet("py27");
        using var scope = rt.OpenScope();
        var cls = GcModuleTestKit.ClassWithDel(rt, "D", _ => { });
        rt.Gc.Collect();
        GcModuleTestKit.MakeCycle(rt, cls);
        var (g0, g1, g2) = rt.Gc.TrackedObjects();
        rt.Gc.Collect();
        var last = rt.Gc.RecentPauses[^1];
        Assert.Equal((2, g0 + g1 + g2, 0L, 4L, 4L), (last.Generation, last.Examined, last.Collected, last.Uncollectable, last.Unreachable));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void The_collected_event_fires_once_per_collection_with_its_pause_record(string profile)
    {
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var seen = new List<CollectionResult>();
        void OnCollected(CollectionResult r) => seen.Add(r);
        rt.Gc.Collected += OnCollected;
        using (rt.OpenScope())
        {
            var l = rt.List();
            rt.Append(l, l);
        }

        rt.Gc.Collect(1);
        rt.Gc.Collect();
        Assert.Equal(2, seen.Count);
        Assert.Equal(rt.Gc.RecentPauses.TakeLast(2), seen);
        Assert.Equal((1, 1L), (seen[0].Generation, seen[0].Collected));

        rt.Gc.Collected -= OnCollected;
        rt.Gc.Collect();
        Assert.Equal(2, seen.Count);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_collected_handler_that_throws_is_reported_and_neither_stops_the_others_nor_the_allocation(string profile)
    {
        // As gc.callbacks in CPython: an exception in a callback is "ignored" (written as
        // unraisable) — here it matters more, since an automatic collection runs inside an
        // allocation.
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var unraisable = new StringWriter();
        rt.Heap.UnraisableWriter = unraisable;
        var seen = 0;
        rt.Gc.Collected += _ => throw new InvalidOperationException("handler failed");
        rt.Gc.Collected += _ => seen++;
        rt.Gc.SetThreshold(3);
        rt.Gc.Collect();
        var keep = rt.List();
        for (var i = 0; i < 10; i++)
        {
            rt.Append(keep, rt.List());
        }

        Assert.Equal(10, rt.Length(keep));
        Assert.True(seen >= 3);
        var lines = GcModuleTestKit.Lines(unraisable);
        Assert.Equal(2 * seen, lines.Length);
        Assert.StartsWith("Exception ignored in: Collected handler ", lines[0]);
        Assert.Equal("System.InvalidOperationException: handler failed", lines[1]);
    }
}
