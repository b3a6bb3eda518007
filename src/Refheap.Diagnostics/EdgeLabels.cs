using System.Globalization;
using Refheap.Objects;

namespace Refheap.Diagnostics;

/// <summary>
/// How the diagnostics name a reference: an attribute by its name, <c>__dict__</c> for an
/// instance's dict, <c>[key]</c> for a dict value (<c>[*]</c> when the key is neither a str
/// nor an int), <c>[i]</c> for a list or tuple item, <c>&lt;key&gt;</c> for a dict key,
/// <c>__class__</c> for an instance's class, and the empty string for a field the walk cannot name.
/// </summary>
internal static class EdgeLabels
{
    /// <summary>The label of one concrete reference (as chains, paths and snapshot files show it).</summary>
    public static string Of(HeapWalkEdge edge) => edge.Kind switch
    {
        HeapWalkEdgeKind.Attribute => edge.Name!,
        HeapWalkEdgeKind.InstanceDict => "__dict__",
        HeapWalkEdgeKind.DictValue when edge.Name != null => "[" + edge.Name + "]",
        HeapWalkEdgeKind.DictValue when edge.HasIntKey => "[" + edge.Index.ToString(CultureInfo.InvariantCulture) + "]",
        HeapWalkEdgeKind.DictValue => "[*]",
        HeapWalkEdgeKind.DictKey => "<key>",
        HeapWalkEdgeKind.Item => "[" + edge.Index.ToString(CultureInfo.InvariantCulture) + "]",
        HeapWalkEdgeKind.Type => "__class__",
        _ => "",
    };

    /// <summary>
    /// The label of a reference in a cycle's shape, where what varies from one cycle to the
    /// next is left out: every dict value is <c>[*]</c> and every list or tuple item <c>[i]</c>.
    /// </summary>
    public static string ShapeOf(HeapWalkEdge edge) => edge.Kind switch
    {
        HeapWalkEdgeKind.DictValue => "[*]",
        HeapWalkEdgeKind.Item => "[i]",
        _ => Of(edge),
    };
}
