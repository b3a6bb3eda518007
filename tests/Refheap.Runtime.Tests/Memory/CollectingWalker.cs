using Refheap.Runtime.Memory;

namespace Refheap.Runtime.Tests.Memory;

/// <summary>An object walker that records what it visits.</summary>
internal struct CollectingWalker : IObjectWalker
{
    public CollectingWalker()
    {
    }

    public List<(nint Address, BlockKind Kind)> Seen { get; } = [];

    public readonly void Visit(nint objectAddress, BlockKind kind) => Seen.Add((objectAddress, kind));
}
