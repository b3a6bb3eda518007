using System.Diagnostics;
using System.Globalization;
using Refheap.Objects;

namespace Refheap.Diagnostics.ObjGraph;

/// <summary>
/// objgraph's functions over one <see cref="Runtime"/>: counts and growth by type, new
/// objects since the last look, objects nobody refers to, shortest reference chains, and
/// reference graphs written for Graphviz. Names, defaults and printed formats are
/// objgraph 3.x's; "all objects" means <c>gc.get_objects()</c>, the tracked ones.
/// </summary>
/// <remarks>
/// Objects come back as handles in the caller's innermost open scope. The state objgraph
/// keeps in module globals (the peak counts of <c>show_growth</c>, the ids of
/// <c>get_new_ids</c>) lives in this instance. Every call holds the runtime lock.
/// </remarks>
public sealed class ObjectGraph
{
    private readonly Runtime _runtime;
    private readonly Dictionary<string, long> _peakStats = new(StringComparer.Ordinal);
    private readonly NewIdsState _newIds = new();

    /// <summary>objgraph over <paramref name="runtime"/>; printed output goes to <paramref name="output"/> (default: the console).</summary>
    public ObjectGraph(Runtime runtime, TextWriter? output = null)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        _runtime = runtime;
        Output = output ?? Console.Out;
    }

    /// <summary>Where the <c>show_*</c> functions print when given no writer (objgraph's <c>sys.stdout</c>).</summary>
    public TextWriter Output { get; set; }

    /// <summary>Finds an executable on PATH (a seam for tests); returns its path or null.</summary>
    internal Func<string, string?> FindProgram { get; init; } = ProgramOnPath;

    private ObjectApi Api => _runtime.Api;

    /// <summary>objgraph's <c>count</c>: tracked objects whose type is <paramref name="typeName"/> (a dotted name compares the long name).</summary>
    public long Count(string typeName, IEnumerable<Handle>? objects = null)
    {
        using var gil = _runtime.Enter();
        return CountRefs(typeName, Resolve(objects));
    }

    internal long CountRefs(string typeName, IReadOnlyList<PyRef>? objects) =>
        (objects ?? Api.TrackedObjects()).Count(o => NameOf(o, !typeName.Contains('.', StringComparison.Ordinal)) == typeName);

    /// <summary>objgraph's <c>typestats</c>: tracked objects per type name.</summary>
    public IReadOnlyDictionary<string, long> TypeStats(IEnumerable<Handle>? objects = null, bool shortNames = true, Func<Handle, bool>? filter = null)
    {
        using var gil = _runtime.Enter();
        return TypeStatsRefs(Resolve(objects), shortNames, Wrap(filter));
    }

    internal Dictionary<string, long> TypeStatsRefs(IReadOnlyList<PyRef>? objects, bool shortNames, Func<PyRef, bool>? filter)
    {
        var stats = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var o in objects ?? Api.TrackedObjects())
        {
            if (filter != null && !filter(o))
            {
                continue;
            }

            var n = NameOf(o, shortNames);
            stats[n] = stats.GetValueOrDefault(n) + 1;
        }

        return stats;
    }

    /// <summary>objgraph's <c>most_common_types</c>: (type, count), most frequent first, at most <paramref name="limit"/> (null: all).</summary>
    public IReadOnlyList<(string Name, long Count)> MostCommonTypes(int? limit = 10, IEnumerable<Handle>? objects = null, bool shortNames = true, Func<Handle, bool>? filter = null)
    {
        using var gil = _runtime.Enter();
        return MostCommon(TypeStatsRefs(Resolve(objects), shortNames, Wrap(filter)), limit);
    }

    private static List<(string Name, long Count)> MostCommon(Dictionary<string, long> stats, int? limit)
    {
        // Python's sort is stable: equal counts keep the dict's order (insertion order).
        var sorted = stats.Select(p => (p.Key, p.Value)).OrderByDescending(p => p.Value).ToList();
        return limit is > 0 ? sorted.Take(limit.Value).ToList() : sorted;
    }

    /// <summary>objgraph's <c>show_most_common_types</c>: one <c>'%-*s %i'</c> line per type.</summary>
    public void ShowMostCommonTypes(int? limit = 10, IEnumerable<Handle>? objects = null, bool shortNames = true, TextWriter? file = null, Func<Handle, bool>? filter = null)
    {
        var stats = MostCommonTypes(limit, objects, shortNames, filter);
        var f = file ?? Output;
        if (stats.Count == 0)
        {
            return;
        }

        var width = stats.Max(s => s.Name.Length);
        foreach (var (name, count) in stats)
        {
            f.Write($"{name.PadRight(width)} {count.ToString(CultureInfo.InvariantCulture)}\n");
        }
    }

    /// <summary>
    /// objgraph's <c>growth</c>: after a full collection, the types whose count rose above
    /// their peak in <paramref name="peakStats"/> (default: this instance's, updated), as
    /// (type, count, increase), largest increase first.
    /// </summary>
    public IReadOnlyList<(string Name, long Count, long Delta)> Growth(int? limit = 10, IDictionary<string, long>? peakStats = null, bool shortNames = true, Func<Handle, bool>? filter = null)
    {
        using var gil = _runtime.Enter();
        _runtime.Gc.Collect();
        return GrowthOf(TypeStatsRefs(null, shortNames, Wrap(filter)), peakStats ?? _peakStats, limit);
    }

    internal static List<(string Name, long Count, long Delta)> GrowthOf(Dictionary<string, long> stats, IDictionary<string, long> peakStats, int? limit)
    {
        var deltas = new List<(string Name, long Delta)>();
        foreach (var (name, count) in stats)
        {
            var old = peakStats.TryGetValue(name, out var p) ? p : 0;
            if (count > old)
            {
                deltas.Add((name, count - old));
                peakStats[name] = count;
            }
        }

        var sorted = deltas.OrderByDescending(d => d.Delta).ToList();
        if (limit is > 0)
        {
            sorted = sorted.Take(limit.Value).ToList();
        }

        return sorted.ConvertAll(d => (d.Name, stats[d.Name], d.Delta));
    }

    /// <summary>objgraph's <c>show_growth</c>: one <c>'%-*s%9d %+9d'</c> line per grown type; nothing when none grew.</summary>
    public void ShowGrowth(int? limit = 10, IDictionary<string, long>? peakStats = null, bool shortNames = true, TextWriter? file = null, Func<Handle, bool>? filter = null) =>
        WriteGrowth(Growth(limit, peakStats, shortNames, filter), file ?? Output);

    internal static void WriteGrowth(IReadOnlyList<(string Name, long Count, long Delta)> rows, TextWriter f)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var width = rows.Max(r => r.Name.Length);
        foreach (var (name, count, delta) in rows)
        {
            f.Write($"{name.PadRight(width)}{count,9} {Signed(delta),9}\n");
        }
    }

    private static string Signed(long n) => (n >= 0 ? "+" : "") + n.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// objgraph's <c>get_new_ids</c>: after a full collection, the ids of the tracked objects
    /// per type that were not there at the previous call, with objgraph's table (Type,
    /// Old_ids, Current_ids, New_ids, Count_Deltas) sorted by <paramref name="sortBy"/>
    /// (<c>old</c>, <c>current</c>, <c>new</c> or <c>deltas</c>), at most <paramref name="limit"/>
    /// rows (0: no table; null: all).
    /// </summary>
    public IReadOnlyDictionary<string, HashSet<long>> GetNewIds(bool skipUpdate = false, int? limit = 10, string sortBy = "deltas", bool? shortNames = null, TextWriter? file = null)
    {
        var column = sortBy switch
        {
            "old" => 1,
            "current" => 2,
            "new" => 3,
            "deltas" => 4,
            _ => throw new ArgumentException($"sortby must be 'old', 'current', 'new' or 'deltas', not '{sortBy}'", nameof(sortBy)),
        };
        if (skipUpdate)
        {
            return _newIds.New;
        }

        using var gil = _runtime.Enter();
        if (shortNames is { } s)
        {
            _newIds.ShortNames = s;
        }

        _runtime.Gc.Collect();
        var objects = Api.TrackedObjects();
        var current = new Dictionary<string, HashSet<long>>(StringComparer.Ordinal);
        foreach (var o in objects)
        {
            var name = NameOf(o, _newIds.ShortNames);
            if (!current.TryGetValue(name, out var set))
            {
                current[name] = set = [];
            }

            set.Add(o.Address);
        }

        var old = _newIds.Current;
        _newIds.Current = current;
        _newIds.New.Clear();
        var rows = new List<(string Name, long Old, long Current, long New, long Delta)>();
        foreach (var name in current.Keys.Union(old.Keys))
        {
            var o = old.GetValueOrDefault(name) ?? [];
            var c = current.GetValueOrDefault(name) ?? [];
            if (o.Count == 0 && c.Count == 0)
            {
                continue;
            }

            var fresh = new HashSet<long>(c);
            fresh.ExceptWith(o);
            _newIds.New[name] = fresh;
            rows.Add((name, o.Count, c.Count, fresh.Count, c.Count - o.Count));
        }

        rows = rows.OrderByDescending(r => column switch { 1 => r.Old, 2 => r.Current, 3 => r.New, _ => r.Delta })
            .ThenByDescending(r => r.Name, StringComparer.Ordinal).ToList();
        if (limit is { } l)
        {
            rows = rows.Take(l).ToList();
        }

        if (rows.Count > 0)
        {
            var f = file ?? Output;
            var width = rows.Max(r => r.Name.Length);
            var rule = new string('=', width + (13 * 4));
            f.Write(rule + "\n");
            f.Write($"{"Type".PadRight(width)}{"Old_ids",13}{"Current_ids",13}{"New_ids",13}{"Count_Deltas",13}\n");
            f.Write(rule + "\n");
            foreach (var r in rows)
            {
                f.Write($"{r.Name.PadRight(width)}{r.Old,13}{r.Current,13}{Signed(r.New),13}{Signed(r.Delta),13}\n");
            }

            f.Write(rule + "\n");
        }

        return _newIds.New;
    }

    private sealed class NewIdsState
    {
        public Dictionary<string, HashSet<long>> Current { get; set; } = new(StringComparer.Ordinal);

        public Dictionary<string, HashSet<long>> New { get; } = new(StringComparer.Ordinal);

        public bool ShortNames { get; set; } = true;
    }

    /// <summary>objgraph's <c>by_type</c>: the tracked objects of a type (a dotted name compares the long name).</summary>
    public IReadOnlyList<Handle> ByType(string typeName, IEnumerable<Handle>? objects = null)
    {
        using var gil = _runtime.Enter();
        return Handles(ByTypeRefs(typeName, Resolve(objects)));
    }

    internal List<PyRef> ByTypeRefs(string typeName, IReadOnlyList<PyRef>? objects)
    {
        var shortNames = !typeName.Contains('.', StringComparison.Ordinal);
        return (objects ?? Api.TrackedObjects()).Where(o => NameOf(o, shortNames) == typeName).ToList();
    }

    /// <summary>objgraph's <c>at</c>: the tracked object at <paramref name="address"/> (its id), or null.</summary>
    public Handle? At(long address)
    {
        using var gil = _runtime.Enter();
        var o = Api.TrackedObjects().Find(o => o.Address == address);
        return o.IsNull ? null : _runtime.HandleFor(o);
    }

    /// <summary>objgraph's <c>at_addrs</c>: the tracked objects at any of <paramref name="addresses"/>.</summary>
    public IReadOnlyList<Handle> AtAddrs(IEnumerable<long> addresses)
    {
        var set = addresses.ToHashSet();
        using var gil = _runtime.Enter();
        return Handles(Api.TrackedObjects().Where(o => set.Contains(o.Address)).ToList());
    }

    /// <summary>
    /// objgraph's <c>get_leaking_objects</c>: the objects (default: every tracked one, after a
    /// full collection) that no other object of the set refers to — held only from outside
    /// the heap graph (C# handles) or leaked by a reference-counting bug.
    /// </summary>
    public IReadOnlyList<Handle> GetLeakingObjects(IEnumerable<Handle>? objects = null)
    {
        using var gil = _runtime.Enter();
        var list = Resolve(objects);
        if (list == null)
        {
            _runtime.Gc.Collect();
        }

        return Handles(LeakingRefs(list ?? Api.TrackedObjects()));
    }

    internal static List<PyRef> LeakingRefs(IReadOnlyList<PyRef> objects)
    {
        var ids = objects.Select(o => o.Address).ToHashSet();
        foreach (var o in objects)
        {
            foreach (var r in ObjectApi.Referents(o))
            {
                ids.Remove(r.Address);
            }
        }

        return objects.Where(o => ids.Contains(o.Address)).ToList();
    }

    /// <summary>
    /// objgraph's <c>find_ref_chain</c>: a shortest chain of references from
    /// <paramref name="obj"/> to an object matching <paramref name="predicate"/>, obj first;
    /// <c>[obj]</c> when none is found within <paramref name="maxDepth"/>. The default
    /// predicate is <see cref="FindBackrefChain"/>'s: a module, or a root other than obj.
    /// </summary>
    public IReadOnlyList<Handle> FindRefChain(Handle obj, Func<Handle, bool>? predicate = null, int maxDepth = 20, IEnumerable<long>? extraIgnore = null)
    {
        using var gil = _runtime.Enter();
        var start = _runtime.Resolve(obj);
        var chain = FindChainRefs(start, Wrap(predicate) ?? DefaultChainEnd(start), backrefs: false, maxDepth, extraIgnore);
        chain.Reverse();
        return Handles(chain);
    }

    /// <summary>
    /// objgraph's <c>find_backref_chain</c>: a shortest chain of referrers from an object
    /// matching <paramref name="predicate"/> down to <paramref name="obj"/>, obj last;
    /// <c>[obj]</c> when none is found within <paramref name="maxDepth"/>. The default
    /// predicate matches a module or a root: an object something outside the heap graph
    /// holds (a C# handle), other than <paramref name="obj"/> itself.
    /// </summary>
    public IReadOnlyList<Handle> FindBackrefChain(Handle obj, Func<Handle, bool>? predicate = null, int maxDepth = 20, IEnumerable<long>? extraIgnore = null)
    {
        using var gil = _runtime.Enter();
        var start = _runtime.Resolve(obj);
        var test = Wrap(predicate) ?? DefaultChainEnd(start);
        return Handles(FindChainRefs(start, test, backrefs: true, maxDepth, extraIgnore));
    }

    /// <summary>The default end of a chain: a module, or an object held from outside the heap graph (not <paramref name="start"/>).</summary>
    internal Func<PyRef, bool> DefaultChainEnd(PyRef start)
    {
        var internalRefs = new Dictionary<nint, long>();
        foreach (var o in Api.LiveObjects())
        {
            foreach (var r in ObjectApi.Referents(o))
            {
                internalRefs[r.Address] = internalRefs.GetValueOrDefault(r.Address) + 1;
            }
        }

        return o => ObjectApi.ShortTypeName(o) == "module"
            || (o != start && o.RefCount > internalRefs.GetValueOrDefault(o.Address));
    }

    /// <summary>objgraph's <c>_find_chain</c>: breadth-first from <paramref name="obj"/>; the chain runs from the match back to obj.</summary>
    internal List<PyRef> FindChainRefs(PyRef obj, Func<PyRef, bool> predicate, bool backrefs, int maxDepth, IEnumerable<long>? extraIgnore)
    {
        var referrers = backrefs ? DotGraphWriter.ReferrerIndex(Api) : null;
        var ignore = new HashSet<long>(extraIgnore ?? []);
        var queue = new Queue<PyRef>();
        var depth = new Dictionary<nint, int> { [obj.Address] = 0 };
        var parent = new Dictionary<nint, PyRef>();
        queue.Enqueue(obj);
        while (queue.Count > 0)
        {
            var target = queue.Dequeue();
            if (predicate(target))
            {
                var chain = new List<PyRef> { target };
                while (parent.TryGetValue(target.Address, out var p))
                {
                    target = p;
                    chain.Add(target);
                }

                return chain;
            }

            var tdepth = depth[target.Address];
            if (tdepth >= maxDepth)
            {
                continue;
            }

            var next = backrefs ? (IEnumerable<PyRef>?)referrers!.GetValueOrDefault(target.Address) ?? [] : ObjectApi.Referents(target);
            foreach (var source in next)
            {
                if (ignore.Contains(source.Address) || !depth.TryAdd(source.Address, tdepth + 1))
                {
                    continue;
                }

                parent[source.Address] = target;
                queue.Enqueue(source);
            }
        }

        return [obj];
    }

    /// <summary>objgraph's <c>show_refs</c>: the graph of what <paramref name="objs"/> reference, directly and indirectly.</summary>
    public GraphResult ShowRefs(IEnumerable<Handle> objs, GraphOptions? options = null) => Show(objs, options ?? new GraphOptions(), backrefs: false);

    /// <summary>objgraph's <c>show_backrefs</c>: the graph of what references <paramref name="objs"/>, stopping at modules.</summary>
    public GraphResult ShowBackrefs(IEnumerable<Handle> objs, GraphOptions? options = null) => Show(objs, options ?? new GraphOptions(), backrefs: true);

    /// <summary>
    /// objgraph's <c>show_chain</c>: the objects of <paramref name="chain"/> (as from
    /// <see cref="FindBackrefChain"/>) and the references between them, drawn from its end.
    /// </summary>
    public GraphResult ShowChain(IReadOnlyList<Handle> chain, bool backrefs = true, GraphOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        if (chain.Count == 0)
        {
            throw new ArgumentException("the chain is empty", nameof(chain));
        }

        HashSet<nint> inChain;
        using (_runtime.Enter())
        {
            inChain = chain.Select(h => _runtime.Resolve(h).Address).ToHashSet();
        }

        var o = (options ?? new GraphOptions()) with { MaxDepth = chain.Count - 1 };
        var userFilter = o.Filter;
        o = o with { Filter = h => inChain.Contains(h.Id) && (userFilter == null || userFilter(h)) };
        return Show([backrefs ? chain[^1] : chain[0]], o, backrefs);
    }

    private GraphResult Show(IEnumerable<Handle> objs, GraphOptions options, bool backrefs)
    {
        ArgumentNullException.ThrowIfNull(objs);
        using var gil = _runtime.Enter();
        var roots = objs.Select(_runtime.Resolve).ToList();
        var settings = new DotSettings
        {
            MaxDepth = options.MaxDepth,
            ExtraIgnore = options.ExtraIgnore,
            Filter = Wrap(options.Filter),
            TooMany = options.TooMany,
            Highlight = Wrap(options.Highlight),
            ExtraInfo = options.ExtraInfo is { } extra ? o => WithHandle(o, extra) : null,
            RefCounts = options.RefCounts,
            ShortNames = options.ShortNames,
            FileName = options.FileName,
            Output = options.Output,
        };
        return ShowRefs(roots, settings, backrefs);
    }

    /// <summary><see cref="ShowRefs(IEnumerable{Handle}, GraphOptions?)"/> or show_backrefs over borrowed references.</summary>
    internal GraphResult ShowRefs(IReadOnlyList<PyRef> roots, DotSettings settings, bool backrefs)
    {
        if (settings.FileName != null && settings.Output != null)
        {
            throw new ArgumentException("Cannot specify both output and filename.");
        }

        var writer = new DotGraphWriter(Api, settings, backrefs);
        if (settings.Output is { } output)
        {
            return new GraphResult(writer.Write(roots, output), null, null);
        }

        var dotFile = settings.FileName is { } name && name.EndsWith(".dot", StringComparison.OrdinalIgnoreCase)
            ? name
            : Path.Combine(Path.GetTempPath(), $"objgraph-{Guid.NewGuid():N}.dot");
        int nodes;
        using (var f = new StreamWriter(dotFile))
        {
            nodes = writer.Write(roots, f);
        }

        Output.Write($"Graph written to {dotFile} ({nodes} nodes)\n");
        return new GraphResult(nodes, dotFile, Present(dotFile, settings.FileName));
    }

    /// <summary>
    /// objgraph's <c>_present_graph</c> without the xdot viewer: renders the image asked for
    /// (or a PNG beside a temporary DOT file) with Graphviz's <c>dot</c>; when <c>dot</c> is
    /// not on PATH, says in one line how to render the DOT file.
    /// </summary>
    private string? Present(string dotFile, string? fileName)
    {
        if (fileName == dotFile)
        {
            return null;
        }

        var image = fileName ?? Path.ChangeExtension(dotFile, ".png");
        var format = Path.GetExtension(image).TrimStart('.');
        if (FindProgram("dot") is not { } dot)
        {
            Output.Write($"Graphviz's dot is not on PATH: the graph is in {dotFile}; install Graphviz (e.g. apt-get install graphviz) and run: dot -T{format} -o {image} {dotFile}\n");
            return null;
        }

        using var process = Process.Start(new ProcessStartInfo(dot, ["-T" + format, "-o" + image, dotFile]) { UseShellExecute = false })!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Output.Write($"dot failed (exit code {process.ExitCode}) while executing \"dot -T{format} -o{image} {dotFile}\"\n");
            return null;
        }

        Output.Write($"Image generated as {image}\n");
        return image;
    }

    private static string? ProgramOnPath(string program)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (File.Exists(candidate + ".exe"))
            {
                return candidate + ".exe";
            }
        }

        return null;
    }

    private string NameOf(PyRef o, bool shortNames) => shortNames ? ObjectApi.ShortTypeName(o) : Api.LongTypeName(o);

    private List<PyRef>? Resolve(IEnumerable<Handle>? objects) => objects?.Select(_runtime.Resolve).ToList();

    private List<Handle> Handles(List<PyRef> refs) => refs.ConvertAll(_runtime.HandleFor);

    private Func<PyRef, bool>? Wrap(Func<Handle, bool>? predicate) => predicate == null ? null : o => WithHandle(o, predicate);

    /// <summary>Calls a C# delegate with a handle for <paramref name="o"/> that lives only for the call.</summary>
    private T WithHandle<T>(PyRef o, Func<Handle, T> f)
    {
        using var scope = _runtime.OpenScope();
        return f(_runtime.HandleFor(o));
    }
}
