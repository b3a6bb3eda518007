using Refheap.Objects;

namespace Refheap.Diagnostics.ObjGraph;

/// <summary><see cref="GraphOptions"/> over borrowed references, for callers of the internal API (the Python front end).</summary>
internal sealed record DotSettings
{
    public int MaxDepth { get; init; } = 3;

    public IReadOnlyCollection<long> ExtraIgnore { get; init; } = [];

    public Func<PyRef, bool>? Filter { get; init; }

    public int TooMany { get; init; } = 10;

    public Func<PyRef, bool>? Highlight { get; init; }

    public Func<PyRef, string>? ExtraInfo { get; init; }

    public bool RefCounts { get; init; }

    public bool ShortNames { get; init; } = true;

    public string? FileName { get; init; }

    public TextWriter? Output { get; init; }
}
