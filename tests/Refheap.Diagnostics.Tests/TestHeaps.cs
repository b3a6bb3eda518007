namespace Refheap.DiagnosticsTests;

/// <summary>Runtimes for tests (debug allocator on) and the talk's Task/Subtask graphs built with the public API.</summary>
internal static class TestHeaps
{
    public static IEnumerable<object[]> Profiles => [["py27"], ["py312"]];

    public static Runtime Create(string profile) =>
        new(Profile.FromName(profile), new RuntimeOptions { DebugAllocator = true, HeapLimit = 4L << 30 });

    /// <summary>
    /// Runs <paramref name="body"/> on a new runtime inside a handle scope, then checks that the
    /// heap is back to its starting census once the scope is closed and a collection ran.
    /// </summary>
    public static void Check(string profile, Action<Runtime> body)
    {
        using var rt = Create(profile);
        rt.Gc.Collect();
        var start = rt.TakeCensus();
        using (rt.OpenScope())
        {
            body(rt);
        }

        rt.Gc.Collect();
        var now = rt.TakeCensus();
        Assert.True(now.SameObjectsAs(start), "objects left over: " + string.Join(", ", now.Since(start).Select(p => $"{p.Key} {p.Value:+#;-#}")));
    }

    /// <summary>
    /// The talk's version 1: a Task whose <c>_subtasks</c> dict (keyed by int) holds Subtasks,
    /// each with a strong <c>_task</c> back-reference. Returns the Task.
    /// </summary>
    /// Only the Task's handle is left in the caller's scope.
    public static Handle NewTask(Runtime rt, Handle taskClass, Handle subtaskClass, int subtasks)
    {
        PersistentHandle kept;
        using (rt.OpenScope())
        {
            var task = rt.Call(taskClass);
            var dict = rt.Dict();
            task.SetAttr("_subtasks", dict);
            for (var i = 0; i < subtasks; i++)
            {
                var sub = rt.Call(subtaskClass);
                sub.SetAttr("_task", task);
                rt.SetItem(dict, rt.Int(i), sub);
            }

            kept = rt.Persist(task);
        }

        using (kept)
        {
            return kept.Get();
        }
    }

    /// <summary>Subtask <paramref name="i"/> of a Task built by <see cref="NewTask"/>; only its handle is left in the caller's scope.</summary>
    public static Handle Subtask(Runtime rt, Handle task, int i)
    {
        PersistentHandle kept;
        using (rt.OpenScope())
        {
            kept = rt.Persist(rt.GetItem(task.GetAttr("_subtasks"), rt.Int(i)));
        }

        using (kept)
        {
            return kept.Get();
        }
    }
}
