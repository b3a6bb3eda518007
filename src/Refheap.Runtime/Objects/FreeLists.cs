namespace Refheap.Runtime.Objects;

/// <summary>The free lists of one heap, so that a full collection can empty them all, as CPython's clear_freelists does.</summary>
internal sealed class FreeLists
{
    private readonly List<FreeList> _lists = [];
    private readonly List<Action> _clearers = [];

    /// <summary>Creates the registry; types add their lists as they start.</summary>
    public FreeLists(Heap heap) => Heap = heap;

    /// <summary>The heap whose lists these are.</summary>
    public Heap Heap { get; }

    /// <summary>The registered lists.</summary>
    public IReadOnlyList<FreeList> All => _lists;

    /// <summary>Registers a list to be emptied by <see cref="ClearAll"/>.</summary>
    public FreeList Add(FreeList list)
    {
        _lists.Add(list);
        return list;
    }

    /// <summary>Registers a cache that is not a plain <see cref="FreeList"/> (e.g. 2.7's int and float blocks).</summary>
    public void AddClearer(Action clear) => _clearers.Add(clear);

    /// <summary>Empties every list and cache (at a full collection).</summary>
    public void ClearAll()
    {
        foreach (var list in _lists)
        {
            list.Clear();
        }

        foreach (var clear in _clearers)
        {
            clear();
        }
    }

    /// <summary>Objects currently kept on the lists (they are not live for the census).</summary>
    public int Count => _lists.Sum(l => l.Count);
}
