namespace Refheap.Cli.Experiment;

/// <summary>The load each model got.</summary>
public sealed record ExperimentScale(int Clients, int Requests, double DurationSeconds, int LiveTasks, int Subtasks, int PayloadBytes, int Seed, int StatsEvery);
