namespace Refheap.Objects;

/// <summary>The free lists of one heap, so that a full collection can empty them all, as CPython's clear_freelists does.</summary>
internal sealed class FreeLists
{
    private readonly List<FreeList> _lists = [];
    private readonly List<FreeList> _containerLists = [];
    private readonly List<FreeList> _caches = [];
    private readonly List<Action> _clearers = [];

    /// <summary>Creates the registry; types add their lists as they start.</summary>
    public FreeLists(Heap heap) => Heap = heap;

    /// <summary>The heap whose lists these are.</summary>
    public Heap Heap { get; }

    /// <summary>The registered lists.</summary>
    public IEnumerable<FreeList> All => _lists.Concat(_containerLists).Concat(_caches);

    /// <summary>Registers a list to be emptied by <see cref="ClearAll"/>.</summary>
    public FreeList Add(FreeList list)
    {
        list.Owner = Heap;
        _lists.Add(list);
        return list;
    }

    /// <summary>
    /// Registers the free list of a container type (list, dict, set): a full collection
    /// empties it only where the profile says so (3.x does, 2.7's clear_freelists does not).
    /// </summary>
    public FreeList AddContainer(FreeList list)
    {
        list.Owner = Heap;
        _containerLists.Add(list);
        return list;
    }

    /// <summary>
    /// Registers a cache that no collection empties, only teardown (3.12's one-slot slice
    /// cache, which CPython frees only when the interpreter ends).
    /// </summary>
    public FreeList AddCache(FreeList list)
    {
        list.Owner = Heap;
        _caches.Add(list);
        return list;
    }

    /// <summary>Registers a cache that is not a plain <see cref="FreeList"/> (e.g. 2.7's int and float blocks).</summary>
    public void AddClearer(Action clear) => _clearers.Add(clear);

    /// <summary>Empties every list and cache (heap teardown, tests).</summary>
    public void ClearAll()
    {
        ClearForFullCollection();
        foreach (var list in _containerLists.Concat(_caches))
        {
            list.Clear();
        }
    }

    /// <summary>
    /// Empties what a full collection empties (CPython's clear_freelists): every list and
    /// cache, and the container lists only when <see cref="Profile.CollectionClearsContainerFreeLists"/>.
    /// </summary>
    public void ClearForFullCollection()
    {
        foreach (var list in _lists)
        {
            list.Clear();
        }

        if (Heap.Profile.CollectionClearsContainerFreeLists)
        {
            foreach (var list in _containerLists)
            {
                list.Clear();
            }
        }

        foreach (var clear in _clearers)
        {
            clear();
        }
    }

    /// <summary>Objects currently kept on the lists (they are not live for the census).</summary>
    public int Count => All.Sum(l => l.Count);
}
