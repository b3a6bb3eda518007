namespace Refheap.RuntimeTests;

/// <summary>Runtimes for tests: the debug allocator on, as the suite runs with it.</summary>
internal static class TestRuntimes
{
    public static IEnumerable<object[]> Profiles => [["py27"], ["py312"]];

    public static Runtime Create(string profile, long? heapLimit = null) =>
        new(Profile.FromName(profile), new RuntimeOptions { DebugAllocator = true, HeapLimit = heapLimit ?? 4L << 30 });

    /// <summary>The talk's domain: Task and Subtask classes.</summary>
    public static (Handle Task, Handle Subtask) DefineTaskClasses(Runtime rt) =>
        (rt.DefineClass("Task"), rt.DefineClass("Subtask"));
}
