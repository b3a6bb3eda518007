using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Refheap.Cli.Load;

/// <summary>
/// The options <c>refheap load</c> and <c>refheap experiment</c> share. Scale options are
/// nullable: each command fills in its own default (the experiment's depends on <c>--quick</c>).
/// </summary>
public static class LoadOptions
{
    /// <summary>Upper bound of <c>--clients</c>.</summary>
    public const int MaxClients = 256;

    /// <summary>Upper bound of <c>--live-tasks</c>: a million tasks of 5 subtasks are gigabytes on the server.</summary>
    public const int MaxLiveTasks = 1_000_000;

    /// <summary>Upper bound of <c>--subtasks</c>.</summary>
    public const int MaxSubtasks = 100;

    /// <summary>Upper bound of <c>--payload-bytes</c>: under the server's default body limit (64 KiB) with room for the JSON around it.</summary>
    public const int MaxPayloadBytes = 60_000;

    /// <summary>Upper bound of <c>--duration</c> in seconds (one day).</summary>
    public const int MaxDurationSeconds = 86_400;

    /// <summary><c>-u, --server-url URL</c>.</summary>
    public static Option<string> ServerUrlOption(string description) => new("--server-url", "-u")
    {
        Description = description,
        HelpName = "URL",
    };

    /// <summary><c>--allow-remote</c>: let load go to a host other than loopback.</summary>
    public static Option<bool> AllowRemoteOption() => new("--allow-remote")
    {
        Description = "Allow a --server-url whose host is not loopback (load floods it with requests)",
    };

    /// <summary><c>-c, --clients N</c>.</summary>
    public static Option<int?> ClientsOption(string defaults) =>
        Whole("--clients", "-c", $"Concurrent clients over one HttpClient, 1 to {MaxClients} ({defaults})", 1, MaxClients);

    /// <summary><c>-n, --requests N</c>.</summary>
    public static Option<int?> RequestsOption(string defaults) =>
        Whole("--requests", "-n", $"Load requests to send in all; the run ends at this count or at --duration, whichever comes first ({defaults})", 1, int.MaxValue);

    /// <summary><c>-d, --duration S</c>.</summary>
    public static Option<int?> DurationOption(string defaults) =>
        Whole("--duration", "-d", $"Time limit of the load in seconds ({defaults})", 1, MaxDurationSeconds, "S");

    /// <summary><c>-l, --live-tasks N</c>.</summary>
    public static Option<int?> LiveTasksOption(string defaults) =>
        Whole("--live-tasks", "-l", $"Tasks the clients ramp up to and then hold, deleting one for each new one, 0 to {MaxLiveTasks:N0} ({defaults})", 0, MaxLiveTasks);

    /// <summary><c>--subtasks N</c>.</summary>
    public static Option<int?> SubtasksOption(string defaults) =>
        Whole("--subtasks", null, $"Subtasks per task, 0 to {MaxSubtasks} ({defaults})", 0, MaxSubtasks);

    /// <summary><c>--payload-bytes B</c>.</summary>
    public static Option<int?> PayloadBytesOption(string defaults) =>
        Whole("--payload-bytes", null, $"Characters of payload stored with each task and subtask, 0 to {MaxPayloadBytes:N0} ({defaults})", 0, MaxPayloadBytes, "B");

    /// <summary><c>--stats-every K</c>.</summary>
    public static Option<int?> StatsEveryOption(string defaults) =>
        Whole("--stats-every", null, $"Read the server's /stats after every K requests, and at the start and end ({defaults})", 1, int.MaxValue, "K");

    /// <summary><c>-s, --seed S</c>: what each client's plan is drawn from.</summary>
    public static Option<int> SeedOption() => new("--seed", "-s")
    {
        Description = "Seed of the clients' plans (which held task each deletes, the payload text); the same seed sends the same requests",
        HelpName = "S",
        DefaultValueFactory = _ => 1,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            result.AddError($"invalid value '{text}' for --seed (expected a whole number)");
            return 1;
        },
    };

    /// <summary><c>-o, --out DIR</c>.</summary>
    public static Option<string> OutOption(string description, string defaultValue) => new("--out", "-o")
    {
        Description = description,
        HelpName = "DIR",
        DefaultValueFactory = _ => defaultValue,
    };

    private static Option<int?> Whole(string name, string? alias, string description, int min, int max, string helpName = "N")
    {
        var option = alias == null ? new Option<int?>(name) : new Option<int?>(name, alias);
        option.Description = description;
        option.HelpName = helpName;
        option.CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            {
                return n;
            }

            result.AddError(max == int.MaxValue
                ? $"invalid value '{text}' for {name} (expected a whole number from {min})"
                : $"invalid value '{text}' for {name} (expected a whole number from {min} to {max})");
            return null;
        };
        return option;
    }
}
