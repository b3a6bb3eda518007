namespace Refheap.Diagnostics.ObjGraph;

/// <summary>objgraph's options of <c>show_refs</c> / <c>show_backrefs</c> / <c>show_chain</c>.</summary>
public sealed record GraphOptions
{
    /// <summary>How many references deep to follow (objgraph's <c>max_depth</c>, default 3).</summary>
    public int MaxDepth { get; init; } = 3;

    /// <summary>Addresses of objects to leave out (<c>extra_ignore</c>).</summary>
    public IReadOnlyCollection<long> ExtraIgnore { get; init; } = [];

    /// <summary>Only objects for which this is true are followed (<c>filter</c>).</summary>
    public Func<Handle, bool>? Filter { get; init; }

    /// <summary>At most this many references are drawn from one object (<c>too_many</c>, default 10); the rest become one "N more references" node.</summary>
    public int TooMany { get; init; } = 10;

    /// <summary>Objects for which this is true are drawn in blue (<c>highlight</c>).</summary>
    public Func<Handle, bool>? Highlight { get; init; }

    /// <summary>A line of extra text under each object's label (<c>extra_info</c>).</summary>
    public Func<Handle, string>? ExtraInfo { get; init; }

    /// <summary>Show each object's reference count after its type (<c>refcounts</c>).</summary>
    public bool RefCounts { get; init; }

    /// <summary>Short type names (<c>Task</c>) rather than <c>module.Task</c> (<c>shortnames</c>, default true).</summary>
    public bool ShortNames { get; init; } = true;

    /// <summary>
    /// Where to write (<c>filename</c>): a <c>.dot</c> file, or an image (<c>.png</c>, <c>.svg</c>, ...)
    /// that Graphviz's <c>dot</c> renders from a <c>.dot</c> file beside it. Null: a temporary
    /// <c>.dot</c> file and a PNG next to it.
    /// </summary>
    public string? FileName { get; init; }

    /// <summary>Write the DOT text here instead of a file (<c>output</c>); nothing is rendered.</summary>
    public TextWriter? Output { get; init; }
}
