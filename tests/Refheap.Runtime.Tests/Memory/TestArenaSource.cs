using Refheap.Memory;

namespace Refheap.RuntimeTests.Memory;

/// <summary>
/// The platform's arena source with counters, and a switch that makes the "OS" refuse.
/// </summary>
internal sealed unsafe class TestArenaSource : IArenaSource
{
    private readonly IArenaSource _inner = ArenaSources.ForCurrentPlatform();

    public int Maps { get; private set; }

    public int Unmaps { get; private set; }

    public int Live => Maps - Unmaps;

    /// <summary>When set, Map returns null as a refusing mmap would.</summary>
    public bool Refuse { get; set; }

    public void* Map(nuint size, nuint alignment)
    {
        if (Refuse)
        {
            return null;
        }
        void* p = _inner.Map(size, alignment);
        if (p != null)
        {
            Maps++;
        }
        return p;
    }

    public void Unmap(void* p, nuint size)
    {
        Unmaps++;
        _inner.Unmap(p, size);
    }
}
