namespace Refheap.Cli.Experiment;

/// <summary>The server models <c>refheap serve --model</c> runs, and how the report names them.</summary>
public static class ServerModels
{
    /// <summary>Version 1: each Subtask holds its Task, so every task is a cycle.</summary>
    public const string Strong = "strong";

    /// <summary>Version 2: each Subtask holds a weak reference to its Task.</summary>
    public const string Weak = "weak";

    /// <summary>Plain .NET objects under the .NET GC, for comparison.</summary>
    public const string Managed = "managed";

    /// <summary>Every model, in the experiment's default order.</summary>
    public static IReadOnlyList<string> All { get; } = [Strong, Weak, Managed];

    /// <summary>How figures and the report name <paramref name="model"/>.</summary>
    public static string Label(string model) => model switch
    {
        Strong => "version 1 (strong)",
        Weak => "version 2 (weak)",
        Managed => "managed (.NET GC)",
        _ => model,
    };
}
