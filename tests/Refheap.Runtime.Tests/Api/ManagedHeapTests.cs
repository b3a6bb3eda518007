namespace Refheap.RuntimeTests.Api;

/// <summary>Measures the whole process's .NET heap, so it runs alone.</summary>
[Collection(nameof(ProcessWideMeasurements))]
public class ManagedHeapTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_million_instances_live_in_native_memory_and_their_arenas_go_back(string profile)
    {
        // The debug allocator stays off here: the claim is about release-mode footprint.
        using var rt = new Runtime(Profile.FromName(profile));
        using var root = rt.OpenScope();
        var cls = rt.DefineClass("Task");
        rt.Gc.Collect();
        var mappedBefore = rt.MemoryStats.BytesMapped;
        long managedGrowth;
        long mappedFull;
        using (rt.OpenScope())
        {
            var list = rt.List();
            var name = rt.Str("task");
            var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
            using (rt.Enter())
            {
                for (var i = 0; i < 1_000_000; i++)
                {
                    var task = rt.Call(cls);
                    task.SetAttr("name", name);
                    task.SetAttr("number", rt.Int(i));
                    rt.Append(list, task);
                }
            }

            managedGrowth = GC.GetTotalMemory(forceFullCollection: true) - managedBefore;
            mappedFull = rt.MemoryStats.BytesMapped;
            Assert.Equal(1_000_000, rt.LiveInstances(cls));
        }

        rt.Gc.Collect();
        var mappedAfter = rt.MemoryStats.BytesMapped;
        Assert.True(managedGrowth < 1_000_000, $"managed heap grew by {managedGrowth} bytes");
        var grown = mappedFull - mappedBefore;
        Assert.True(mappedFull - mappedAfter >= 0.9 * grown, $"mapped {mappedBefore} → {mappedFull} → {mappedAfter}");
    }
}
