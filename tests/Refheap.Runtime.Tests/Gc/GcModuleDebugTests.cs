using System.Text.RegularExpressions;
using Refheap.Gc;

namespace Refheap.RuntimeTests.Gc;

/// <summary>gc.set_debug / get_debug: DEBUG_STATS, DEBUG_SAVEALL, DEBUG_COLLECTABLE, DEBUG_UNCOLLECTABLE.</summary>
public partial class GcModuleDebugTests
{
    /// <summary>2.7's DEBUG_OBJECTS (16): with it, DEBUG_COLLECTABLE and DEBUG_UNCOLLECTABLE print new-style objects.</summary>
    private const GcDebugFlags DebugObjects27 = (GcDebugFlags)16;

    [GeneratedRegex(@"^gc: (collectable|uncollectable) <(\w+) 0x([0-9a-f]+)>$")]
    private static partial Regex DebugCycleLine();

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Get_debug_returns_what_set_debug_set(string profile)
    {
        // print(gc.get_debug()); gc.set_debug(gc.DEBUG_STATS | gc.DEBUG_SAVEALL); print(gc.get_debug())
        //   → 0 33 (both)
        using var rt = TestRuntimes.Create(profile);
        Assert.Equal(GcDebugFlags.None, rt.Gc.Debug);
        rt.Gc.Debug = GcDebugFlags.Stats | GcDebugFlags.SaveAll;
        Assert.Equal(33, (int)rt.Gc.Debug);
        rt.Gc.Debug = GcDebugFlags.None;
        Assert.Equal(GcDebugFlags.None, rt.Gc.Debug);
    }

    [Theory]
    [InlineData("py27", new[] { "gc: collecting generation 2...", "gc: objects in each generation: N N N", "gc: done, 4 unreachable, 0 uncollectable, T elapsed." })]
    [InlineData("py312", new[] { "gc: collecting generation 2...", "gc: objects in each generation: N N N", "gc: objects in permanent generation: N", "gc: done, 2 unreachable, 0 uncollectable, T elapsed" })]
    public void Debug_stats_prints_CPythons_lines_for_a_collection_that_finds_a_cycle(string profile, string[] expected)
    {
        // import gc, sys
        // class A(object): pass
        // gc.disable(); gc.collect()
        // gc.set_debug(gc.DEBUG_STATS)
        // a = A(); b = A(); a.o = b; b.o = a; del a, b
        // gc.collect()
        // python2.7 (stderr):
        //   gc: collecting generation 2...
        //   gc: objects in each generation: 4 0 3486
        //   gc: done, 4 unreachable, 0 uncollectable, 0.0002s elapsed.
        // python3.12 (stderr):
        //   gc: collecting generation 2...
        //   gc: objects in each generation: 2 0 4986
        //   gc: objects in permanent generation: 375
        //   gc: done, 2 unreachable, 0 uncollectable, 0.0002s elapsed
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("A");
        rt.Gc.Collect();
        var output = CaptureDebugOutput(rt, GcDebugFlags.Stats);
        GcModuleTestKit.MakeCycle(rt, cls);
        var (_, _, old) = rt.Gc.TrackedObjects();
        rt.Gc.Collect();

        var lines = GcModuleTestKit.Lines(output);
        Assert.Equal(expected, GcModuleTestKit.NormaliseStats(lines));

        // The young generation holds the cycle, as in CPython's line; the old one, what is there.
        var young = profile == "py27" ? 4 : 2;
        Assert.Equal($"gc: objects in each generation: {young} 0 {old}", lines[1]);
    }

    [Theory]
    [InlineData("py27", new[]
    {
        "gc: collecting generation 2...", "gc: objects in each generation: N N N", "gc: done, T elapsed.",
        "gc: collecting generation 0...", "gc: objects in each generation: N N N", "gc: done, T elapsed.",
    })]
    [InlineData("py312", new[]
    {
        "gc: collecting generation 2...", "gc: objects in each generation: N N N", "gc: objects in permanent generation: N", "gc: done, 0 unreachable, 0 uncollectable, T elapsed",
        "gc: collecting generation 0...", "gc: objects in each generation: N N N", "gc: objects in permanent generation: N", "gc: done, 0 unreachable, 0 uncollectable, T elapsed",
    })]
    public void Debug_stats_prints_only_the_time_in_py27_and_zero_counts_in_py312_when_nothing_is_found(string profile, string[] expected)
    {
        // gc.disable(); gc.collect(); gc.set_debug(gc.DEBUG_STATS); gc.collect(); gc.collect(0)
        // python2.7 (stderr):
        //   gc: collecting generation 2...
        //   gc: objects in each generation: 0 0 3488
        //   gc: done, 0.0003s elapsed.
        //   gc: collecting generation 0...
        //   gc: objects in each generation: 1 0 3486
        //   gc: done, 0.0000s elapsed.
        // python3.12 (stderr):
        //   gc: collecting generation 2...
        //   gc: objects in each generation: 0 0 4987
        //   gc: objects in permanent generation: 375
        //   gc: done, 0 unreachable, 0 uncollectable, 0.0002s elapsed
        //   gc: collecting generation 0...
        //   gc: objects in each generation: 0 0 4986
        //   gc: objects in permanent generation: 375
        //   gc: done, 0 unreachable, 0 uncollectable, 0.0000s elapsed
        using var rt = GcModuleTestKit.Quiet(profile);
        var output = CaptureDebugOutput(rt, GcDebugFlags.Stats);
        rt.Gc.Collect();
        rt.Gc.Collect(0);
        Assert.Equal(expected, GcModuleTestKit.NormaliseStats(GcModuleTestKit.Lines(output)));
    }

    [Theory]
    [InlineData("py27", 4, new[] { "gc: collecting generation 2...", "gc: objects in each generation: N N N", "gc: done, 4 unreachable, 4 uncollectable, T elapsed." })]
    [InlineData("py312", 2, new[] { "gc: collecting generation 2...", "gc: objects in each generation: N N N", "gc: objects in permanent generation: N", "gc: done, 2 unreachable, 0 uncollectable, T elapsed" })]
    public void Debug_stats_counts_a_del_cycle_as_uncollectable_too_in_py27_and_as_collected_in_py312(string profile, long found, string[] expected)
    {
        // class D(object):
        //     def __del__(self): pass
        // gc.disable(); gc.collect(); gc.set_debug(gc.DEBUG_STATS)
        // a = D(); b = D(); a.o = b; b.o = a; del a, b
        // gc.collect()
        // python2.7 (stderr): the uncollectable objects are counted as unreachable too
        //   gc: collecting generation 2...
        //   gc: objects in each generation: 4 0 3486
        //   gc: done, 4 unreachable, 4 uncollectable, 0.0002s elapsed.
        // python3.12 (stderr): the finalized cycle is collected
        //   gc: collecting generation 2...
        //   gc: objects in each generation: 2 0 4986
        //   gc: objects in permanent generation: 375
        //   gc: done, 2 unreachable, 0 uncollectable, 0.0002s elapsed
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var cls = GcModuleTestKit.ClassWithDel(rt, "D", _ => { });
        rt.Gc.Collect();
        GcModuleTestKit.MakeCycle(rt, cls);
        var output = CaptureDebugOutput(rt, GcDebugFlags.Stats);
        Assert.Equal(found, rt.Gc.Collect());
        Assert.Equal(expected, GcModuleTestKit.NormaliseStats(GcModuleTestKit.Lines(output)));
    }

    [Theory]
    [InlineData("py27", 4, new[] { "__main__.A", "__main__.A", "dict", "dict" })]
    [InlineData("py312", 2, new[] { "__main__.A", "__main__.A" })]
    public void Debug_saveall_keeps_the_cycle_alive_in_gc_garbage_instead_of_freeing_it(string profile, long found, string[] garbageTypes)
    {
        // class A(object): pass
        // gc.disable(); gc.collect(); gc.set_debug(gc.DEBUG_SAVEALL)
        // a = A(); b = A(); a.o = b; b.o = a; del a, b
        // print(gc.collect(), sorted(type(o).__name__ for o in gc.garbage))
        //   → 2.7: 4 ['A', 'A', 'dict', 'dict']      3.12: 2 ['A', 'A']
        // print(gc.collect(), len(gc.garbage))      → 2.7: 0 4    3.12: 0 2
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var cls = MakeCycleUnderSaveAll(rt);
        Assert.Equal(found, rt.Gc.Collect());
        var garbage = rt.Gc.Garbage;
        Assert.Equal(garbageTypes, GcModuleTestKit.ItemTypes(rt, garbage).Order());
        Assert.Equal(2, rt.LiveInstances(cls));
        var a = garbage[rt.Int(0)];
        Assert.True(rt.Is(a, a.GetAttr("other").GetAttr("other")));

        Assert.Equal(0, rt.Gc.Collect());
        Assert.Equal(found, rt.Length(garbage));
    }

    [Theory]
    [InlineData("py27", 4)]
    [InlineData("py312", 2)]
    public void After_debug_saveall_is_off_and_gc_garbage_is_emptied_the_cycle_is_collected(string profile, long found)
    {
        // (continuing the program above) gc.set_debug(0); del gc.garbage[:]; print(gc.collect())
        //   → 2.7: 4    3.12: 2
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var cls = MakeCycleUnderSaveAll(rt);
        rt.Gc.Collect();
        rt.Gc.Debug = GcDebugFlags.None;
        using (rt.OpenScope())
        {
            GcModuleTestKit.Clear(rt, rt.Gc.Garbage);
        }

        Assert.Equal(2, rt.LiveInstances(cls));
        Assert.Equal(found, rt.Gc.Collect());
        Assert.Equal(0, rt.LiveInstances(cls));
    }

    [Theory]
    [InlineData("py27", new[] { "Task", "Task", "dict", "dict" })]
    [InlineData("py312", new[] { "Task", "Task" })]
    public void Debug_collectable_prints_one_line_per_collectable_object_with_its_address(string profile, string[] types)
    {
        // class Task(object): pass
        // gc.disable(); gc.collect()
        // gc.set_debug(gc.DEBUG_COLLECTABLE | gc.DEBUG_OBJECTS)    # 3.12: gc.DEBUG_COLLECTABLE
        // a = Task(); b = Task(); a.o = b; b.o = a; del a, b
        // gc.collect()
        // python2.7 (stderr):                  python3.12 (stderr):
        //   gc: collectable <Task 0x7fc15f76c650>   gc: collectable <Task 0x7ff9f196a1e0>
        //   gc: collectable <Task 0x7fc15f76c690>   gc: collectable <Task 0x7ff9f196a480>
        //   gc: collectable <dict 0x7fc15f76d4d0>
        //   gc: collectable <dict 0x7fc15f76d830>
        // The objects come in the order move_unreachable found them: a, b (then a's dict, b's).
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("Task");
        rt.Gc.Collect();
        nint idA, idB;
        using (rt.OpenScope())
        {
            var a = rt.Call(cls);
            var b = rt.Call(cls);
            a.SetAttr("o", b);
            b.SetAttr("o", a);
            (idA, idB) = (a.Id, b.Id);
        }

        var output = CaptureDebugOutput(rt, GcDebugFlags.Collectable | (profile == "py27" ? DebugObjects27 : 0));
        rt.Gc.Collect();

        var lines = GcModuleTestKit.Lines(output).Select(l => DebugCycleLine().Match(l)).ToArray();
        Assert.All(lines, m => Assert.True(m.Success));
        Assert.All(lines, m => Assert.Equal("collectable", m.Groups[1].Value));
        Assert.Equal(types, lines.Select(m => m.Groups[2].Value));
        Assert.Equal(idA, Convert.ToInt64(lines[0].Groups[3].Value, 16));
        Assert.Equal(idB, Convert.ToInt64(lines[1].Groups[3].Value, 16));
    }

    [Fact]
    public void Debug_collectable_alone_prints_nothing_in_py27()
    {
        // class Task(object): pass
        // gc.disable(); gc.collect(); gc.set_debug(gc.DEBUG_COLLECTABLE)
        // a = Task(); b = Task(); a.o = b; b.o = a; del a, b
        // gc.collect()                        → python2.7: nothing on stderr
        using var rt = GcModuleTestKit.Quiet("py27");
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("Task");
        rt.Gc.Collect();
        GcModuleTestKit.MakeCycle(rt, cls);
        var output = CaptureDebugOutput(rt, GcDebugFlags.Collectable);
        Assert.Equal(4, rt.Gc.Collect());
        Assert.Equal(string.Empty, output.ToString());
    }

    [Theory]
    [InlineData("py27", 4, 2, new[] { "D", "D", "dict", "dict" })]
    [InlineData("py312", 2, 0, new string[0])]
    public void Debug_uncollectable_prints_the_del_cycle_in_py27_and_nothing_in_py312(string profile, long found, int garbage, string[] types)
    {
        // class D(object):
        //     def __del__(self): pass
        // gc.disable(); gc.collect()
        // gc.set_debug(gc.DEBUG_UNCOLLECTABLE | gc.DEBUG_OBJECTS)    # 3.12: gc.DEBUG_UNCOLLECTABLE
        // a = D(); b = D(); a.o = b; b.o = a; del a, b
        // print(gc.collect(), len(gc.garbage))  → 2.7: 4 2    3.12: 2 0
        // python2.7 (stderr): the del objects, then what they reach
        //   gc: uncollectable <D 0x7fc15f76c690>
        //   gc: uncollectable <D 0x7fc15f76c6d0>
        //   gc: uncollectable <dict 0x7fc15f76d5f0>
        //   gc: uncollectable <dict 0x7fc15f76db90>
        // python3.12 (stderr): nothing
        using var rt = GcModuleTestKit.Quiet(profile);
        using var scope = rt.OpenScope();
        var cls = GcModuleTestKit.ClassWithDel(rt, "D", _ => { });
        rt.Gc.Collect();
        GcModuleTestKit.MakeCycle(rt, cls);
        var output = CaptureDebugOutput(rt, GcDebugFlags.Uncollectable | (profile == "py27" ? DebugObjects27 : 0));
        Assert.Equal(found, rt.Gc.Collect());
        var lines = GcModuleTestKit.Lines(output).Select(l => DebugCycleLine().Match(l)).ToArray();
        Assert.All(lines, m => Assert.Equal("uncollectable", m.Groups[1].Value));
        Assert.Equal(types, lines.Select(m => m.Groups[2].Value));
        Assert.Equal(garbage, rt.Length(rt.Gc.Garbage));
    }

    /// <summary>
    /// <c>class A(object): pass; gc.collect(); gc.set_debug(gc.DEBUG_SAVEALL)</c>, then a cycle
    /// of two A's (<see cref="GcModuleTestKit.MakeCycle"/>); returns A.
    /// </summary>
    private static Handle MakeCycleUnderSaveAll(Runtime rt)
    {
        var cls = rt.DefineClass("A");
        rt.Gc.Collect();
        rt.Gc.Debug = GcDebugFlags.SaveAll;
        GcModuleTestKit.MakeCycle(rt, cls);
        return cls;
    }

    /// <summary>gc.set_debug(<paramref name="flags"/>), with what gc prints (to stderr in CPython) captured from now on.</summary>
    private static StringWriter CaptureDebugOutput(Runtime rt, GcDebugFlags flags)
    {
        var output = new StringWriter();
        rt.Gc.DebugWriter = output;
        rt.Gc.Debug = flags;
        return output;
    }
}
