namespace Refheap.Cli.Load;

/// <summary>What <c>refheap load</c> (and each model's run of <c>refheap experiment</c>) sends, and how long.</summary>
/// <param name="ServerUrl">The server's base URL (checked by <see cref="ServerUrls.Check"/>).</param>
/// <param name="Clients">Concurrent clients, all over one HttpClient.</param>
/// <param name="Requests">Load requests to send in all (the /stats samples come on top).</param>
/// <param name="Duration">The time limit; whichever of it and <paramref name="Requests"/> comes first ends the run.</param>
/// <param name="LiveTasks">Tasks held at once once the ramp is over, shared among the clients.</param>
/// <param name="Subtasks">Subtasks per task.</param>
/// <param name="PayloadBytes">Characters of <c>payload</c> in each PUT body (0: a name only).</param>
/// <param name="Seed">Seeds every client's plan.</param>
/// <param name="StatsEvery">Read <c>/stats</c> after every this many completed requests (and at the start and end).</param>
/// <param name="IdPrefix">Starts every task id, so that runs against one server do not collide.</param>
public sealed record LoadSettings(
    Uri ServerUrl,
    int Clients,
    int Requests,
    TimeSpan Duration,
    int LiveTasks,
    int Subtasks,
    int PayloadBytes,
    int Seed,
    int StatsEvery,
    string IdPrefix = "")
{
    /// <summary>The target of client <paramref name="client"/>: the live tasks split as evenly as they go.</summary>
    public int TargetOf(int client) => (LiveTasks / Clients) + (client < LiveTasks % Clients ? 1 : 0);

    /// <summary>The seeded plan of client <paramref name="client"/>.</summary>
    public ClientPlan PlanOf(int client) => new(client, Seed, TargetOf(client), Subtasks, PayloadBytes, IdPrefix);
}
