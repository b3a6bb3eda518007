using System.Text.Json;

namespace Refheap.Server.Tests;

/// <summary>
/// The talk's finding, checked on the server: after DELETE, a Task whose Subtasks hold it weakly
/// dies at once, one they hold strongly lives on (a cycle) until a full collection, and the
/// managed model's objects go when the .NET GC and its finalizers have run.
/// </summary>
public sealed class ObjectLifetimeTests
{
    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public async Task WeakTaskDiesAtDelete(string profile)
    {
        await using var h = await ServerHarness.StartAsync("weak", profile);
        await h.MakeTaskAsync("t1", subtasks: 5);
        await h.MakeTaskAsync("t2", subtasks: 5);

        await h.Client.DeleteAsync("/tasks/t1/");
        var stats = await h.StatsAsync();

        Assert.Equal((1, 1, 5), Objects(stats));
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public async Task StrongTaskLivesAfterDeleteUntilAFullCollection(string profile)
    {
        await using var h = await ServerHarness.StartAsync("strong", profile);
        await h.MakeTaskAsync("t1", subtasks: 5);
        await h.MakeTaskAsync("t2", subtasks: 5);

        // Everything into the oldest generation, allocation counts at zero: the few objects the
        // next two requests make cannot start an automatic collection.
        h.Runtime!.Gc.Collect();
        await h.Client.DeleteAsync("/tasks/t1/");
        var afterDelete = await h.StatsAsync();
        h.Runtime.Gc.Collect();
        var afterCollect = await h.StatsAsync();

        Assert.Equal((1, 2, 10), Objects(afterDelete));
        Assert.Equal((1, 1, 5), Objects(afterCollect));
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public async Task StrongTaskSurvivesYoungCollections(string profile)
    {
        await using var h = await ServerHarness.StartAsync("strong", profile);
        await h.MakeTaskAsync("t1", subtasks: 5);
        h.Runtime!.Gc.Collect();

        await h.Client.DeleteAsync("/tasks/t1/");
        h.Runtime.Gc.Collect(0);
        h.Runtime.Gc.Collect(1);

        Assert.Equal((0, 1, 5), Objects(await h.StatsAsync()));
    }

    [Fact]
    public async Task ManagedTaskGoesAfterTheDotNetGc()
    {
        await using var h = await ServerHarness.StartAsync("managed");
        await h.MakeTaskAsync("t1", subtasks: 5);
        await h.MakeTaskAsync("t2", subtasks: 5);

        await h.Client.DeleteAsync("/tasks/t1/");
        h.Server.Store.CollectFully();

        Assert.Equal((1, 1, 5), Objects(await h.StatsAsync()));
    }

    private static (long Tasks, long TaskObjects, long SubtaskObjects) Objects(JsonElement stats) =>
        (stats.GetProperty("tasks").GetInt64(), stats.GetProperty("taskObjects").GetInt64(), stats.GetProperty("subtaskObjects").GetInt64());
}
