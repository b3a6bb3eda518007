using System.Globalization;
using System.Text;

namespace Refheap.Diagnostics.Heapy;

/// <summary>The text heapy prints for a partition, and the dominator table.</summary>
public static class HeapyFormat
{
    /// <summary>heapy's hint after the tenth row when more than one row is left.</summary>
    public const string HeapyMoreHint = "<{0} more rows. Type e.g. '_.more' to view.>";

    /// <summary>
    /// heapy's table: <c>Partition of a set of N objects. Total size = S bytes.</c>, the column
    /// header, then rows as heapy formats them (<c>'%6d %6d %3d %8d %3d %9d %3d '</c> and the
    /// kind; percentages rounded half to even). After <paramref name="maxRows"/> rows, when more
    /// than one row is left, <paramref name="moreHint"/> (a format with the count left as {0})
    /// ends the table, as heapy does after 10.
    /// </summary>
    public static string Table(Partition partition, int maxRows = 10, string moreHint = HeapyMoreHint)
    {
        ArgumentNullException.ThrowIfNull(partition);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Partition of a set of {partition.Count} object{(partition.Count != 1 ? "s" : "")}. Total size = {partition.Size} bytes.\n");
        if (partition.Count == 0 && partition.Size == 0)
        {
            return sb.ToString();
        }

        sb.Append(" Index  Count   %     Size   % Cumulative  % ").Append(partition.KindHeader).Append('\n');
        var shown = 0;
        foreach (var row in partition.Rows)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"{row.Index,6} {row.Count,6} {Percent(row.Count, partition.Count),3} {row.Size,8} {Percent(row.Size, partition.Size),3} {row.CumulativeSize,9} {Percent(row.CumulativeSize, partition.Size),3} {row.Kind}\n");
            shown++;
            if (shown >= maxRows)
            {
                var more = partition.Rows.Count - 1 - row.Index;
                if (more > 1)
                {
                    sb.Append(string.Format(CultureInfo.InvariantCulture, moreHint, more)).Append('\n');
                    break;
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The objects retaining the most memory: index, retained size and its share of what the
    /// roots reach, own size, and the object (kind and address), largest first.
    /// </summary>
    public static string Dominators(HeapSnapshot snapshot, DominatorTree tree, int count)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(tree);
        var sb = new StringBuilder();
        var largest = tree.Largest(count);
        sb.Append(CultureInfo.InvariantCulture, $"Dominators: the {largest.Count} object{(largest.Count != 1 ? "s" : "")} retaining the most of {tree.ReachableSize} bytes reachable from the roots.\n");
        sb.Append(" Index  Retained   %     Size Object\n");
        for (var k = 0; k < largest.Count; k++)
        {
            var o = snapshot[largest[k]];
            var retained = tree.RetainedSize(o.Index);
            sb.Append(CultureInfo.InvariantCulture,
                $"{k,6} {retained,9} {Percent(retained, tree.ReachableSize),3} {o.Size,8} {o.Kind} at 0x{o.Address:x}\n");
        }

        return sb.ToString();
    }

    /// <summary>
    /// A shortest path from a root to the object at <paramref name="index"/> in heapy's
    /// notation: the root, then each reference as an expression —
    /// <c>&lt;__main__.Task at 0x…&gt;.__dict__['_subtasks'][1]</c>.
    /// </summary>
    public static string Path(HeapSnapshot snapshot, int index)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var target = snapshot[index];
        var steps = snapshot.ShortestPathFromRoots(index);
        if (steps.Count == 0)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"No root reaches {target.Kind} at 0x{target.Address:x}: it is garbage the collector has not freed yet.\n");
        }

        var root = snapshot[steps[0].Index];
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Shortest path from a root to {target.Kind} at 0x{target.Address:x}:\n  <{root.Kind} at 0x{root.Address:x}>");
        foreach (var (_, label) in steps.Take(steps.Count - 1))
        {
            sb.Append(Step(label));
        }

        return sb.Append('\n').ToString();
    }

    /// <summary>One reference as heapy writes it in a path: <c>.name</c>, <c>['key']</c>, <c>[1]</c>, <c>.keys()[*]</c>, <c>.?</c>.</summary>
    private static string Step(string label)
    {
        if (label.Length == 0)
        {
            return ".?";
        }

        if (label == "<key>")
        {
            return ".keys()[*]";
        }

        if (label[0] != '[')
        {
            return "." + label;
        }

        var inner = label[1..^1];
        return inner == "*" || long.TryParse(inner, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? label
            : "['" + inner + "']";
    }

    /// <summary>Python's <c>int('%.0f' % (part * 100.0 / whole))</c>: rounded half to even.</summary>
    internal static long Percent(long part, long whole) =>
        whole == 0 ? 0 : (long)Math.Round(part * 100.0 / whole, MidpointRounding.ToEven);
}
