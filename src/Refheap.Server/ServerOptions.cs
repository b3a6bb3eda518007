namespace Refheap.Server;

/// <summary>What <see cref="RefheapServer"/> runs: the model, the heap's profile, where it listens, the body limit.</summary>
public sealed record ServerOptions
{
    /// <summary>The address <c>refheap serve</c> listens on by default (loopback only).</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The largest PUT body accepted by default, in bytes.</summary>
    public const int DefaultMaxBodyBytes = 65536;

    /// <summary>How Tasks and Subtasks are kept (default: strong, the talk's version 1).</summary>
    public ServerModel Model { get; init; } = ServerModel.Strong;

    /// <summary>The profile of the heap models' runtime (default: py27, the talk's); unused by the managed model.</summary>
    public Profile Profile { get; init; } = Profile.Py27;

    /// <summary>Kestrel's URLs, separated by <c>;</c>; port 0 picks a free port.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>PUT bodies longer than this get 413.</summary>
    public int MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    /// <summary>The runtime's options (the heap models): tests turn the debug allocator on here.</summary>
    public RuntimeOptions RuntimeOptions { get; init; } = new();

    /// <summary>The lower-case name of a model as the command line and <c>/stats</c> spell it.</summary>
    public static string NameOf(ServerModel model) => model switch
    {
        ServerModel.Strong => "strong",
        ServerModel.Weak => "weak",
        ServerModel.Managed => "managed",
        _ => throw new ArgumentOutOfRangeException(nameof(model)),
    };

    /// <summary>The model named <paramref name="name"/> (strong, weak or managed), or null.</summary>
    public static ServerModel? ParseModel(string name) => name switch
    {
        "strong" => ServerModel.Strong,
        "weak" => ServerModel.Weak,
        "managed" => ServerModel.Managed,
        _ => null,
    };
}
