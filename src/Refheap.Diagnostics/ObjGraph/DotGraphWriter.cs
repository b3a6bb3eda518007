using System.Globalization;
using System.Text.RegularExpressions;
using Refheap.Objects;

namespace Refheap.Diagnostics.ObjGraph;

/// <summary>
/// objgraph's <c>_show_graph</c>: a breadth-first walk from the given objects along
/// references (or referrers), written as a Graphviz digraph with objgraph's node ids
/// (<c>o</c> + address), labels, colours (a grey gradient by depth, modules green,
/// highlighted objects blue), <c>__del__</c> markers and "N more references" nodes.
/// </summary>
internal sealed partial class DotGraphWriter(ObjectApi api, DotSettings settings, bool backrefs)
{
    private readonly Dictionary<nint, List<PyRef>> _referrers = backrefs ? ReferrerIndex(api) : [];

    /// <summary>Writes the graph of <paramref name="roots"/> to <paramref name="f"/>; returns the number of nodes.</summary>
    public int Write(IReadOnlyList<PyRef> roots, TextWriter f)
    {
        f.Write("digraph ObjectGraph {\n  node[shape=box, style=filled, fillcolor=white];\n");
        var queue = new Queue<PyRef>();
        var depth = new Dictionary<nint, int>();
        var ignore = new HashSet<long>(settings.ExtraIgnore);
        foreach (var obj in roots)
        {
            f.Write($"  {NodeId(obj)}[fontcolor=red];\n");
            depth[obj.Address] = 0;
            queue.Enqueue(obj);
        }

        var nodes = 0;
        while (queue.Count > 0)
        {
            nodes++;
            var target = queue.Dequeue();
            var tdepth = depth[target.Address];
            f.Write($"  {NodeId(target)}[label=\"{Label(target)}\"];\n");
            var (h, s, v) = Gradient((0, 0, 1), (0, 0, .3), tdepth, settings.MaxDepth);
            if (IsModule(target))
            {
                h = .3;
                s = 1;
            }

            if (settings.Highlight is { } highlight && highlight(target))
            {
                h = .6;
                s = .6;
                v = 0.5 + (v * 0.5);
            }

            f.Write($"  {NodeId(target)}[fillcolor=\"{G(h)},{G(s)},{G(v)}\"];\n");
            if (v < 0.5)
            {
                f.Write($"  {NodeId(target)}[fontcolor=white];\n");
            }

            if (ObjectApi.HasDel(target))
            {
                f.Write($"  {NodeId(target)}->{NodeId(target)}_has_a_del[color=red,style=dotted,len=0.25,weight=10];\n");
                f.Write($"  {NodeId(target)}_has_a_del[label=\"__del__\",shape=doublecircle,height=0.25,color=red,fillcolor=\"0,.5,1\",fontsize=6];\n");
            }

            // show_backrefs stops at modules: beyond one lies everything the program imported.
            if (tdepth >= settings.MaxDepth || (backrefs && IsModule(target)))
            {
                continue;
            }

            var n = 0;
            var skipped = 0;
            foreach (var source in Neighbours(target))
            {
                if (ignore.Contains(source.Address) || (settings.Filter is { } filter && !filter(source)))
                {
                    continue;
                }

                if (n >= settings.TooMany)
                {
                    skipped++;
                    continue;
                }

                var (src, tgt) = backrefs ? (source, target) : (target, source);
                f.Write($"  {NodeId(src)} -> {NodeId(tgt)}{EdgeLabel(src, tgt)};\n");
                if (depth.TryAdd(source.Address, tdepth + 1))
                {
                    queue.Enqueue(source);
                }

                n++;
            }

            if (skipped > 0)
            {
                (h, s, v) = Gradient((0, 1, 1), (0, 1, .3), tdepth + 1, settings.MaxDepth);
                var id = NodeId(target);
                var (label, edge) = backrefs
                    ? ($"{skipped} more backreferences", $"too_many_{id}->{id}")
                    : ($"{skipped} more references", $"{id}->too_many_{id}");
                f.Write($"  {edge}[color=red,style=dotted,len=0.25,weight=10];\n");
                f.Write($"  too_many_{id}[label=\"{label}\",shape=box,height=0.25,color=red,fillcolor=\"{G(h)},{G(s)},{G(v)}\",fontsize=6];\n");
                f.Write($"  too_many_{id}[fontcolor=white];\n");
            }
        }

        f.Write("}\n");
        return nodes;
    }

    private IEnumerable<PyRef> Neighbours(PyRef target) =>
        backrefs ? _referrers.GetValueOrDefault(target.Address) ?? [] : ObjectApi.Referents(target);

    /// <summary>gc.get_referrers for every object at once: the tracked objects referencing each, in gc.get_objects order.</summary>
    internal static Dictionary<nint, List<PyRef>> ReferrerIndex(ObjectApi api)
    {
        var index = new Dictionary<nint, List<PyRef>>();
        foreach (var o in api.TrackedObjects())
        {
            foreach (var r in ObjectApi.Referents(o))
            {
                if (!index.TryGetValue(r.Address, out var list))
                {
                    index[r.Address] = list = [];
                }

                if (list.Count == 0 || list[^1] != o)
                {
                    list.Add(o);
                }
            }
        }

        return index;
    }

    private static string NodeId(PyRef o) => "o" + o.Address.ToString(CultureInfo.InvariantCulture);

    private static bool IsModule(PyRef o) => ObjectApi.ShortTypeName(o) == "module";

    private string Label(PyRef o)
    {
        var first = settings.ShortNames ? ObjectApi.ShortTypeName(o) : api.LongTypeName(o);
        if (settings.RefCounts)
        {
            first += " [" + api.ReportedRefCount(o).ToString(CultureInfo.InvariantCulture) + "]";
        }

        var label = first + "\n" + ShortRepr(api, o);
        if (settings.ExtraInfo is { } extra)
        {
            label += "\n" + extra(o);
        }

        return Quote(label);
    }

    /// <summary>
    /// objgraph's <c>_short_repr</c>: the <c>__name__</c> of a class, module or built-in
    /// function, "N items" for a list/tuple/dict/set, else the repr cut to 40 characters.
    /// </summary>
    internal static string ShortRepr(ObjectApi api, PyRef o)
    {
        if (ObjectApi.TypeObjectName(o) is { } name)
        {
            return name;
        }

        if (ObjectApi.ShortTypeName(o) is "module" or "builtin_function_or_method" && NameOf(api, o) is { } moduleOrFunction)
        {
            return moduleOrFunction;
        }

        if (api.IsPlainContainer(o))
        {
            return api.Length(o).ToString(CultureInfo.InvariantCulture) + " items";
        }

        var repr = api.Repr(o);
        if (repr == null)
        {
            api.Heap.TakeError().Exception.XDecRef();
            return "(unrepresentable)";
        }

        return repr.Length > 40 ? repr[..40] : repr;
    }

    /// <summary>The object's <c>__name__</c> when it is a str, else null (no error left set).</summary>
    private static string? NameOf(ObjectApi api, PyRef o)
    {
        var name = api.GetAttr(o, "__name__");
        if (name.IsNull)
        {
            api.Heap.TakeError().Exception.XDecRef();
            return null;
        }

        var text = api.AsString(name);
        name.DecRef();
        return text;
    }

    /// <summary>objgraph's <c>_edge_label</c>, plus instance attributes held outside a dict (3.12's inline values, slots).</summary>
    private string EdgeLabel(PyRef source, PyRef target)
    {
        foreach (var e in api.LabeledReferents(source))
        {
            if (e.Target != target.Address)
            {
                continue;
            }

            switch (e.Kind)
            {
                case HeapWalkEdgeKind.InstanceDict:
                    return " [label=\"__dict__\",weight=10]";
                case HeapWalkEdgeKind.Attribute:
                    return $" [label=\"{Quote(e.Name!)}\",weight=10]";
                case HeapWalkEdgeKind.DictValue when e.Name != null && Identifier().IsMatch(e.Name):
                    return $" [label=\"{Quote(e.Name)}\",weight=2]";
                case HeapWalkEdgeKind.DictValue when e.Name != null:
                    return $" [label=\"{Quote("str\n'" + e.Name + "'")}\"]";
                case HeapWalkEdgeKind.DictValue when e.HasIntKey:
                    return $" [label=\"{Quote("int\n" + e.Index.ToString(CultureInfo.InvariantCulture))}\"]";
                default:
                    continue;
            }
        }

        return "";
    }

    /// <summary>objgraph's <c>_quote</c>: backslashes, double quotes, newlines and NULs escaped for DOT.</summary>
    internal static string Quote(string s) =>
        s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\0", "\\\\0", StringComparison.Ordinal);

    private static (double H, double S, double V) Gradient((double H, double S, double V) start, (double H, double S, double V) end, int depth, int maxDepth)
    {
        if (maxDepth == 0)
        {
            return start;
        }

        var f = (double)depth / maxDepth;
        return ((start.H * (1 - f)) + (end.H * f), (start.S * (1 - f)) + (end.S * f), (start.V * (1 - f)) + (end.V * f));
    }

    /// <summary>Python's <c>'%g' % x</c> for the colour components (6 significant digits, no trailing zeros).</summary>
    internal static string G(double x)
    {
        if (x == 0)
        {
            return "0";
        }

        var exponent = (int)Math.Floor(Math.Log10(Math.Abs(x)));
        if (exponent is < -4 or >= 6)
        {
            var mantissa = (x / Math.Pow(10, exponent)).ToString("0.#####", CultureInfo.InvariantCulture);
            return $"{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
        }

        var decimals = Math.Max(0, 5 - exponent);
        var text = Math.Round(x, decimals, MidpointRounding.ToEven).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z_0-9]*$")]
    private static partial Regex Identifier();
}
