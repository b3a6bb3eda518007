using Refheap.Memory;

namespace Refheap.RuntimeTests.Memory;

/// <summary>An object walker that records what it visits.</summary>
internal struct CollectingWalker : IObjectWalker
{
    public CollectingWalker()
    {
    }

    public List<(nint Address, BlockKind Kind)> Seen { get; } = [];

    public readonly void Visit(nint objectAddress, BlockKind kind) => Seen.Add((objectAddress, kind));
}
