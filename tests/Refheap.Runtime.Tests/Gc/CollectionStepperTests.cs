using Refheap.Gc;
using Refheap.RuntimeTests.Objects.Types;

namespace Refheap.RuntimeTests.Gc;

/// <summary>
/// A collection run phase by phase (<see cref="CollectionStepper"/>) is the collection
/// <c>gc.collect(generation)</c> runs: on the same heap it finds and frees the same objects,
/// leaves the same generations, counts and gc.garbage, runs the same finalizers and weakref
/// callbacks, and shows an observer the same phases; the heap ends back at its census.
/// </summary>
public class CollectionStepperTests
{
    /// <summary>What a collection left behind, to compare the two ways of running it.</summary>
    private sealed record Outcome(
        long Examined,
        long Collected,
        long Uncollectable,
        (int, int, int) Counts,
        string Generations,
        long LongLivedTotal,
        long LongLivedPending,
        long Garbage,
        int Finalized,
        int Callbacks,
        string Phases);

    /// <summary>Records each phase's list sizes.</summary>
    private sealed class PhaseLog : ICollectionObserver
    {
        public List<string> Phases { get; } = [];

        public void OnPhase(CollectionPhase phase, IReadOnlyList<ObservedObject> first, IReadOnlyList<ObservedObject> second) =>
            Phases.Add($"{phase} {first.Count} {second.Count}");

        public void OnReachable(nint address, long gcRefs)
        {
        }
    }

    /// <summary>The classes and counters of one heap's program.</summary>
    private sealed class Program(Runtime rt)
    {
        public int Finalized { get; set; }

        public int Callbacks { get; set; }

        public Handle Task { get; } = rt.DefineClass("Task");

        public Handle Subtask { get; } = rt.DefineClass("Subtask");

        public Handle Finalizing { get; set; }

        public Handle Callback { get; set; }

        public Handle Keep { get; } = rt.List();
    }

    private static Program Define(Runtime rt)
    {
        var p = new Program(rt);
        p.Finalizing = GcModuleTestKit.ClassWithDel(rt, "Finalizing", _ => p.Finalized++);
        p.Callback = rt.Function("callback", _ =>
        {
            p.Callbacks++;
            return rt.None;
        });
        return p;
    }

    /// <summary>A Task holding a dict of 3 Subtasks, each holding the Task: a cycle.</summary>
    private static Handle MakeTask(Runtime rt, Program p)
    {
        var task = rt.Call(p.Task);
        var subtasks = rt.Dict();
        task.SetAttr("_subtasks", subtasks);
        for (var j = 0; j < 3; j++)
        {
            var subtask = rt.Call(p.Subtask);
            subtask.SetAttr("_task", task);
            subtasks[rt.Int(j)] = subtask;
        }

        return task;
    }

    /// <summary>
    /// Adds to <paramref name="p"/>'s live list 3 Tasks and a tuple and a dict of ints only (to be
    /// untracked); to <paramref name="drop"/> 3 more Tasks and a cycle holding a weak reference to
    /// a live Task; with <paramref name="finalizer"/>, also a self-cycle with <c>__del__</c> and a
    /// Task whose weak reference with a callback is live. Dropping <paramref name="drop"/> makes
    /// its objects garbage.
    /// </summary>
    private static void AddBatch(Runtime rt, Program p, Handle drop, bool finalizer)
    {
        using var scope = rt.OpenScope();
        for (var i = 0; i < 3; i++)
        {
            rt.Append(p.Keep, MakeTask(rt, p));
            rt.Append(drop, MakeTask(rt, p));
        }

        rt.Append(p.Keep, rt.Tuple(rt.Int(1), rt.Int(2)));
        var atomic = rt.Dict();
        atomic[rt.Int(1)] = rt.Int(2);
        rt.Append(p.Keep, atomic);

        if (finalizer)
        {
            var watched = MakeTask(rt, p);
            rt.Append(drop, watched);
            rt.Append(p.Keep, rt.WeakRef(watched, p.Callback));
            var finalizing = rt.Call(p.Finalizing);
            finalizing.SetAttr("self", finalizing);
            rt.Append(drop, finalizing);
        }

        var holder = MakeTask(rt, p);
        holder.SetAttr("watch", rt.WeakRef(rt.GetItem(p.Keep, rt.Int(0))));
        rt.Append(drop, holder);
    }

    /// <summary>
    /// Builds the same heap every time: live and garbage objects in each generation (garbage
    /// made old while still alive, then dropped), references from old objects to young ones.
    /// </summary>
    private static Program Build(Runtime rt, bool finalizers)
    {
        var p = Define(rt);
        rt.Gc.Disable();
        rt.Gc.Collect();
        using (rt.OpenScope())
        {
            var oldest = rt.List();
            AddBatch(rt, p, oldest, finalizers);
            rt.Gc.Collect(1);
            var middle = rt.List();
            AddBatch(rt, p, middle, finalizers);
            rt.Gc.Collect(0);
            AddBatch(rt, p, rt.List(), finalizers);
        }

        return p;
    }

    private static Outcome Observe(Runtime rt, Program p, CollectionResult result, PhaseLog log)
    {
        var gc = rt.Heap.Gc;
        return new Outcome(
            result.Examined,
            result.Collected,
            result.Uncollectable,
            gc.Counts,
            $"{gc.CountObjects(0)} {gc.CountObjects(1)} {gc.CountObjects(2)} {gc.CountObjects(3)}",
            gc.LongLivedTotal,
            gc.LongLivedPending,
            rt.Length(rt.Gc.Garbage),
            p.Finalized,
            p.Callbacks,
            string.Join("; ", log.Phases));
    }

    /// <summary>Runs <paramref name="collect"/> on the standard heap; returns what it left; checks the census after.</summary>
    private static Outcome Run(string profile, bool finalizers, Func<Runtime, CollectionResult> collect)
    {
        using var rt = TestRuntimes.Create(profile);
        _ = rt.Heap.Gc.EnsureGarbage(); // made before the census: it outlives the test
        var start = Leaks.Start(rt);
        Outcome outcome;
        using (rt.OpenScope())
        {
            var p = Build(rt, finalizers);
            var log = new PhaseLog();
            rt.Gc.Observer = log;
            var result = collect(rt);
            rt.Gc.Observer = null;
            outcome = Observe(rt, p, result, log);

            // 2.7 keeps the cycles with __del__ in gc.garbage (after a full collection, those of
            // the older generations too): break them and let them go.
            rt.Gc.Collect();
            using (rt.OpenScope())
            {
                var garbage = rt.Gc.Garbage;
                for (var i = 0; i < rt.Length(garbage); i++)
                {
                    rt.GetItem(garbage, rt.Int(i)).SetAttr("self", rt.None);
                }

                GcModuleTestKit.Clear(rt, garbage);
            }
        }

        Leaks.AssertBackTo(rt, start);
        return outcome;
    }

    private static CollectionResult Collect(Runtime rt, int generation)
    {
        var found = rt.Gc.Collect(generation);
        var result = rt.Gc.RecentPauses[^1];
        Assert.Equal(found, result.Unreachable);
        return result;
    }

    public static IEnumerable<object[]> ProfilesGenerationsAndFinalizers =>
        from profile in new[] { "py27", "py312" }
        from generation in new[] { 0, 1, 2 }
        from finalizers in new[] { true, false }
        select new object[] { profile, generation, finalizers };

    [Theory]
    [MemberData(nameof(ProfilesGenerationsAndFinalizers))]
    public void Stepping_phase_by_phase_ends_as_the_whole_collection_does(string profile, int generation, bool finalizers)
    {
        var whole = Run(profile, finalizers, rt => Collect(rt, generation));
        var steps = new List<CollectionStep>();
        var stepped = Run(profile, finalizers, rt =>
        {
            using var stepper = rt.Heap.Gc.StartStepping(generation);
            while (!stepper.IsDone)
            {
                steps.Add(stepper.Next);
                stepper.Step();

                // Mid-collection, gc.collect() finds a collection running and does nothing.
                Assert.Equal(stepper.IsDone, !rt.Heap.Gc.IsCollecting);
                if (!stepper.IsDone)
                {
                    Assert.Equal(0, rt.Gc.Collect());
                }
            }

            return stepper.Result;
        });

        Assert.Equal(whole, stepped);
        Assert.True(whole.Collected > 0);
        Assert.Equal(generation == 2, steps.Contains(CollectionStep.UpdateAndSubtractRefs));
        Assert.Equal(generation != 2, steps.Contains(CollectionStep.UpdateRefs) && steps.Contains(CollectionStep.SubtractRefs));
        Assert.Equal(generation == 2, steps.Contains(CollectionStep.UntrackAtomicDicts));

        // The weak reference to the live Task is one object shared by the holders (as CPython
        // reuses a plain weakref.ref), made with the oldest batch: only a full collection sees it.
        Assert.Equal(finalizers || generation == 2, steps.Contains(CollectionStep.HandleWeakReferences));
        Assert.Equal(profile == "py312" && finalizers, steps.Contains(CollectionStep.FinalizeGarbage));
        Assert.Equal(steps.Order(), steps);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_stepper_disposed_halfway_finishes_the_collection(string profile)
    {
        var whole = Run(profile, finalizers: true, rt => Collect(rt, 2));
        var stepped = Run(profile, finalizers: true, rt =>
        {
            var stepper = rt.Heap.Gc.StartStepping(2);
            stepper.RunUntil(CollectionStep.MoveUnreachable);
            Assert.Equal(0, rt.Gc.Collect());
            stepper.Dispose();
            Assert.False(rt.Heap.Gc.IsCollecting);
            return stepper.Result;
        });

        Assert.Equal(whole, stepped);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Running_until_a_phase_that_this_collection_skips_is_an_error(string profile) => Leaks.Check(profile, rt =>
    {
        rt.Gc.Disable();
        using var stepper = rt.Heap.Gc.StartStepping(0);
        var e = Assert.Throws<InvalidOperationException>(() => stepper.RunUntil(CollectionStep.UntrackAtomicDicts));
        Assert.Contains("does not run", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => rt.Heap.Gc.StartStepping(1));
    });
}
