using Refheap.Gc;

namespace Refheap.RuntimeTests.Gc;

/// <summary>
/// gc.get_stats and gc.callbacks. Both are 3.x names (3.4 and 3.3); Refheap keeps them in the
/// py27 profile too, for observability, with the numbers 2.7's DEBUG_STATS shows.
/// </summary>
public class GcModuleStatsAndCallbacksTests
{
    private static (long Collections, long Collected, long Uncollectable)[] Snapshot(Runtime rt) =>
        rt.Gc.GetStats().Select(s => (s.Collections, s.Collected, s.Uncollectable)).ToArray();

    [Theory]
    [InlineData("py27", 4)]
    [InlineData("py312", 2)]
    public void Get_stats_counts_collections_collected_and_uncollectable_per_generation(string profile, long cycle)
    {
        // class A(object): pass
        // gc.disable(); gc.collect()
        // s0 = gc.get_stats()
        // gc.collect(0); gc.collect(1)
        // a = A(); b = A(); a.o = b; b.o = a; del a, b
        // gc.collect(1); gc.collect()
        // s1 = gc.get_stats()
        // print([{k: s1[i][k] - s0[i][k] for k in s0[i]} for i in range(3)])
        //   → python3.12: [{'collections': 1, 'collected': 0, 'uncollectable': 0},
        //                  {'collections': 2, 'collected': 2, 'uncollectable': 0},
        //                  {'collections': 1, 'collected': 0, 'uncollectable': 0}]
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("A");
        rt.Gc.Collect();
        Assert.Equal(3, rt.Gc.GetStats().Count);
        var s0 = Snapshot(rt);
        rt.Gc.Collect(0);
        rt.Gc.Collect(1);
        GcModuleTestKit.MakeCycle(rt, cls);
        rt.Gc.Collect(1);
        rt.Gc.Collect();
        var s1 = Snapshot(rt);

        var delta = s1.Zip(s0, (a, b) => (a.Collections - b.Collections, a.Collected - b.Collected, a.Uncollectable - b.Uncollectable));
        Assert.Equal([(1L, 0L, 0L), (2L, cycle, 0L), (1L, 0L, 0L)], delta);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Get_stats_returns_a_snapshot_that_later_collections_do_not_change(string profile)
    {
        // s = gc.get_stats(); n = s[0]['collections']; gc.collect(0)
        // print(s[0]['collections'] == n, gc.get_stats()[0]['collections'] == n + 1)   → True True
        using var rt = GcModuleTestKit.Quiet(profile);
        var s = rt.Gc.GetStats();
        var n = s[0].Collections;
        rt.Gc.Collect(0);
        Assert.Equal(n, s[0].Collections);
        Assert.Equal(n + 1, rt.Gc.GetStats()[0].Collections);
    }

    [Fact]
    public void Get_stats_in_py27_counts_a_del_cycle_as_uncollectable()
    {
        // 2.7 has no gc.get_stats; its DEBUG_STATS for the same collection says
        // "gc: done, 4 unreachable, 4 uncollectable" (the two D instances and their dicts).
        using var rt = GcModuleTestKit.Quiet("py27");
        using var scope = rt.OpenScope();
        var cls = GcModuleTestKit.ClassWithDel(rt, "D", _ => { });
        rt.Gc.Collect();
        var s0 = Snapshot(rt);
        GcModuleTestKit.MakeCycle(rt, cls);
        rt.Gc.Collect();
        var s1 = Snapshot(rt);
        Assert.Equal((1L, 0L, 4L), (s1[2].Collections - s0[2].Collections, s1[2].Collected - s0[2].Collected, s1[2].Uncollectable - s0[2].Uncollectable));
    }

    [Fact]
    public void Get_stats_counts_objects_saved_by_debug_saveall_as_collected()
    {
        // class A(object): pass
        // gc.disable(); gc.collect(); s0 = gc.get_stats()[2]['collected']
        // gc.set_debug(gc.DEBUG_SAVEALL)
        // a = A(); b = A(); a.o = b; b.o = a; del a, b
        // print(gc.collect(), gc.get_stats()[2]['collected'] - s0)   → python3.12: 2 2
        using var rt = GcModuleTestKit.Quiet("py312");
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("A");
        rt.Gc.Collect();
        var s0 = rt.Gc.GetStats()[2].Collected;
        rt.Gc.Debug = GcDebugFlags.SaveAll;
        GcModuleTestKit.MakeCycle(rt, cls);
        Assert.Equal(2, rt.Gc.Collect());
        Assert.Equal(2, rt.Gc.GetStats()[2].Collected - s0);
    }

    [Theory]
    [InlineData("py27", 4)]
    [InlineData("py312", 2)]
    public void A_callback_is_called_with_start_and_stop_and_the_info_CPython_gives(string profile, long cycle)
    {
        // class A(object): pass
        // gc.disable(); gc.collect()
        // log = []
        // def cb(phase, info): log.append((phase, sorted(info.items())))
        // gc.callbacks.append(cb)
        // a = A(); b = A(); a.o = b; b.o = a; del a, b
        // print(gc.collect(0)); print(gc.collect(1))       → 2, 0
        // for l in log: print(l)
        //   → python3.12:
        //   ('start', [('collected', 0), ('generation', 0), ('uncollectable', 0)])
        //   ('stop', [('collected', 2), ('generation', 0), ('uncollectable', 0)])
        //   ('start', [('collected', 0), ('generation', 1), ('uncollectable', 0)])
        //   ('stop', [('collected', 0), ('generation', 1), ('uncollectable', 0)])
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("A");
        rt.Gc.Collect();
        var log = new List<(string Phase, long Generation, long Collected, long Uncollectable, long Keys)>();
        rt.Append(rt.Gc.Callbacks, rt.Function("cb", args =>
        {
            Assert.Equal(2, args.Length);
            var info = args[1];
            log.Add((
                rt.ToText(args[0]),
                rt.ToInt64(info[rt.Str("generation")]),
                rt.ToInt64(info[rt.Str("collected")]),
                rt.ToInt64(info[rt.Str("uncollectable")]),
                rt.Length(info)));
            return rt.None;
        }));
        GcModuleTestKit.MakeCycle(rt, cls);

        Assert.Equal(cycle, rt.Gc.Collect(0));
        Assert.Equal(0, rt.Gc.Collect(1));
        Assert.Equal(
            [("start", 0L, 0L, 0L, 3L), ("stop", 0L, cycle, 0L, 3L), ("start", 1L, 0L, 0L, 3L), ("stop", 1L, 0L, 0L, 3L)],
            log);
    }

    [Fact]
    public void A_callback_sees_the_uncollectable_count_of_a_py27_del_cycle()
    {
        // 2.7 has no gc.callbacks; the stop info carries what DEBUG_STATS prints:
        // "gc: done, 4 unreachable, 4 uncollectable" → collected 0, uncollectable 4.
        using var rt = GcModuleTestKit.Quiet("py27");
        using var scope = rt.OpenScope();
        var cls = GcModuleTestKit.ClassWithDel(rt, "D", _ => { });
        rt.Gc.Collect();
        var stops = new List<(long, long)>();
        rt.Append(rt.Gc.Callbacks, rt.Function("cb", args =>
        {
            if (rt.ToText(args[0]) == "stop")
            {
                stops.Add((rt.ToInt64(args[1][rt.Str("collected")]), rt.ToInt64(args[1][rt.Str("uncollectable")])));
            }

            return rt.None;
        }));
        GcModuleTestKit.MakeCycle(rt, cls);
        Assert.Equal(4, rt.Gc.Collect());
        Assert.Equal([(0L, 4L)], stops);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void An_exception_in_a_callback_is_reported_and_does_not_stop_the_collection_or_the_other_callbacks(string profile)
    {
        // def bad(phase, info): raise KeyError("boom")
        // gc.callbacks.insert(0, bad); gc.callbacks.append(cb)      # cb logs as above
        // l = []; l.append(l); del l
        // print(gc.collect())          → python3.12: 1; log has start and stop (generation 2)
        // stderr, twice:
        //   Exception ignored in: <function bad at 0x7f6a1491e160>
        //   Traceback (most recent call last):
        //     File "/tmp/gco/cb.py", line 14, in bad
        //       raise KeyError("boom")
        //   KeyError: 'boom'
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var unraisable = new StringWriter();
        rt.Heap.UnraisableWriter = unraisable;
        var phases = new List<string>();
        rt.Append(rt.Gc.Callbacks, rt.Function("bad", args => throw new PythonException("KeyError", "boom")));
        rt.Append(rt.Gc.Callbacks, rt.Function("cb", args =>
        {
            phases.Add(rt.ToText(args[0]));
            return rt.None;
        }));
        using (rt.OpenScope())
        {
            var l = rt.List();
            rt.Append(l, l);
        }

        Assert.Equal(1, rt.Gc.Collect());
        Assert.Equal(["start", "stop"], phases);
        var lines = GcModuleTestKit.Lines(unraisable);
        var reports = lines.Where(l => l.Contains("bad", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, reports.Length);
        Assert.Contains("KeyError", unraisable.ToString(), StringComparison.Ordinal);
        Assert.Contains("boom", unraisable.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, rt.Gc.Collect());
    }

    [Fact]
    public void The_exception_report_of_a_callback_names_the_callback_as_py312_does()
    {
        // (program above) → python3.12 stderr: "Exception ignored in: <function bad at 0x...>"
        using var rt = GcModuleTestKit.Quiet("py312");
        using var scope = rt.OpenScope();
        var unraisable = new StringWriter();
        rt.Heap.UnraisableWriter = unraisable;
        var bad = rt.Function("bad", args => throw new PythonException("KeyError", "boom"));
        rt.Append(rt.Gc.Callbacks, bad);
        rt.Gc.Collect();
        var lines = GcModuleTestKit.Lines(unraisable);
        Assert.Equal($"Exception ignored in: {rt.Repr(bad)}", lines[0]);
        Assert.Equal("KeyError: 'boom'", lines[^1]);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Collect_called_from_a_callback_returns_0_and_does_not_nest(string profile)
    {
        // r = []
        // def cb(phase, info): r.append((phase, gc.collect()))
        // gc.callbacks.append(cb)
        // l = []; l.append(l); del l
        // print(gc.collect(), r)       → python3.12: 1 [('start', 0), ('stop', 0)]
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var inner = new List<(string, long)>();
        rt.Append(rt.Gc.Callbacks, rt.Function("cb", args =>
        {
            inner.Add((rt.ToText(args[0]), rt.Gc.Collect()));
            return rt.None;
        }));
        using (rt.OpenScope())
        {
            var l = rt.List();
            rt.Append(l, l);
        }

        var pauses = rt.Gc.RecentPauses.Count;
        Assert.Equal(1, rt.Gc.Collect());
        Assert.Equal([("start", 0L), ("stop", 0L)], inner);
        Assert.Equal(pauses + 1, rt.Gc.RecentPauses.Count);
    }
}
