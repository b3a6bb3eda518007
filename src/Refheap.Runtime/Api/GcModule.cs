using Refheap.Gc;
using Refheap.Objects;

namespace Refheap;

/// <summary>
/// The <c>gc</c> module of a runtime, with CPython's names and behaviour for the profile,
/// plus pause records for observability.
/// </summary>
public sealed class GcModule
{
    private readonly Runtime _runtime;

    internal GcModule(Runtime runtime) => _runtime = runtime;

    private Collector Collector => _runtime.Heap.Gc;

    /// <summary>gc.collect(generation): runs a collection; returns the unreachable objects found (collected + uncollectable).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The generation is not 0, 1 or 2 (CPython: ValueError).</exception>
    public long Collect(int generation = 2)
    {
        using var gil = _runtime.EnterCall();
        return Collector.CollectGeneration(generation);
    }

    /// <summary>gc.enable.</summary>
    public void Enable() => SetEnabled(true);

    /// <summary>gc.disable.</summary>
    public void Disable() => SetEnabled(false);

    private void SetEnabled(bool on)
    {
        using var gil = _runtime.EnterCall();
        Collector.Enabled = on;
    }

    /// <summary>gc.isenabled.</summary>
    public bool IsEnabled
    {
        get
        {
            using var gil = _runtime.EnterCall();
            return Collector.Enabled;
        }
    }

    /// <summary>gc.get_count.</summary>
    public (int Gen0, int Gen1, int Gen2) GetCount()
    {
        using var gil = _runtime.EnterCall();
        return Collector.Counts;
    }

    /// <summary>gc.get_threshold.</summary>
    public (int Gen0, int Gen1, int Gen2) GetThreshold()
    {
        using var gil = _runtime.EnterCall();
        return Collector.Thresholds;
    }

    /// <summary>gc.set_threshold(threshold0[, threshold1[, threshold2]]).</summary>
    public void SetThreshold(int threshold0, int? threshold1 = null, int? threshold2 = null)
    {
        using var gil = _runtime.EnterCall();
        var (_, t1, t2) = Collector.Thresholds;
        Collector.Thresholds = (threshold0, threshold1 ?? t1, threshold2 ?? t2);
    }

    /// <summary>gc.set_debug / get_debug.</summary>
    public GcDebugFlags Debug
    {
        get
        {
            using var gil = _runtime.EnterCall();
            return Collector.Debug;
        }

        set
        {
            using var gil = _runtime.EnterCall();
            Collector.Debug = value;
        }
    }

    /// <summary>Where DEBUG_STATS and the other debug output are written (stderr by default).</summary>
    public TextWriter DebugWriter
    {
        get => Collector.DebugWriter;
        set => Collector.DebugWriter = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>gc.garbage: the list of uncollectable objects (a handle in the current scope).</summary>
    public Handle Garbage
    {
        get
        {
            using var gil = _runtime.EnterCall();
            return _runtime.HandleFor(Collector.EnsureGarbage());
        }
    }

    /// <summary>gc.callbacks: the list of callables called with ("start"|"stop", info) around each collection.</summary>
    public Handle Callbacks
    {
        get
        {
            using var gil = _runtime.EnterCall();
            return _runtime.HandleFor(Collector.EnsureCallbacks());
        }
    }

    /// <summary>gc.is_tracked.</summary>
    public bool IsTracked(Handle o)
    {
        using var gil = _runtime.EnterCall();
        return GcInspection.IsTracked(_runtime.Resolve(o));
    }

    /// <summary>gc.is_finalized (3.12; in 2.7 it does not exist).</summary>
    public bool IsFinalized(Handle o)
    {
        RequireProfile312("is_finalized");
        using var gil = _runtime.EnterCall();
        return GcInspection.IsFinalized(_runtime.Resolve(o));
    }

    /// <summary>
    /// gc.get_objects([generation]): the tracked objects of every generation, or of one
    /// (3.8+; the permanent generation is never listed), as handles in the current scope.
    /// </summary>
    /// <remarks>As 3.12's argument clinic, a generation of -1 means "all generations".</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The generation is 3 or more, or below -1 (CPython: ValueError).</exception>
    /// <exception cref="PythonException">py27, with a generation: TypeError, as 2.7's get_objects() takes no arguments.</exception>
    public IReadOnlyList<Handle> GetObjects(int? generation = null)
    {
        if (generation != null && _runtime.Profile.LegacyFinalizers)
        {
            throw new PythonException("TypeError", "get_objects() takes no arguments (1 given)");
        }

        if (generation == -1)
        {
            generation = null;
        }

        if (generation >= Collector.Generations)
        {
            throw new ArgumentOutOfRangeException(nameof(generation), $"generation parameter must be less than the number of available generations ({Collector.Generations})");
        }

        if (generation < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(generation), "generation parameter cannot be negative");
        }

        using var gil = _runtime.EnterCall();
        var result = new List<Handle>();
        foreach (var address in GcInspection.TrackedObjects(_runtime.Heap, generation))
        {
            result.Add(_runtime.HandleFor(address));
        }

        return result;
    }

    /// <summary>gc.get_referents(*objs): the objects each one references (via its type's traverse).</summary>
    public IReadOnlyList<Handle> GetReferents(params ReadOnlySpan<Handle> objects)
    {
        using var gil = _runtime.EnterCall();
        var result = new List<Handle>();
        foreach (var h in objects)
        {
            foreach (var r in GcInspection.Referents(_runtime.Resolve(h)))
            {
                result.Add(_runtime.HandleFor(r));
            }
        }

        return result;
    }

    /// <summary>gc.get_referrers(*objs): the tracked objects that reference any of them.</summary>
    public IReadOnlyList<Handle> GetReferrers(params ReadOnlySpan<Handle> objects)
    {
        using var gil = _runtime.EnterCall();
        var targets = new HashSet<nint>();
        foreach (var h in objects)
        {
            targets.Add(_runtime.Resolve(h).Address);
        }

        var result = new List<Handle>();
        foreach (var r in GcInspection.Referrers(_runtime.Heap, targets))
        {
            result.Add(_runtime.HandleFor(r));
        }

        return result;
    }

    /// <summary>
    /// gc.get_stats: per generation, collections, collected and uncollectable (plus pause
    /// totals), as they are now: later collections do not change the returned values.
    /// </summary>
    public IReadOnlyList<GenerationStats> GetStats()
    {
        using var gil = _runtime.EnterCall();
        return Collector.Stats.Select(s => new GenerationStats
        {
            Collections = s.Collections,
            Collected = s.Collected,
            Uncollectable = s.Uncollectable,
            MaxPause = s.MaxPause,
            TotalPause = s.TotalPause,
        }).ToArray();
    }

    /// <summary>gc.freeze (3.12).</summary>
    public void Freeze()
    {
        RequireProfile312("freeze");
        using var gil = _runtime.EnterCall();
        Collector.Freeze();
    }

    /// <summary>gc.unfreeze (3.12).</summary>
    public void Unfreeze()
    {
        RequireProfile312("unfreeze");
        using var gil = _runtime.EnterCall();
        Collector.Unfreeze();
    }

    /// <summary>gc.get_freeze_count (3.12).</summary>
    public long GetFreezeCount()
    {
        RequireProfile312("get_freeze_count");
        using var gil = _runtime.EnterCall();
        return Collector.FreezeCount;
    }

    /// <summary>Tracked objects in each generation now.</summary>
    public (long Gen0, long Gen1, long Gen2) TrackedObjects()
    {
        using var gil = _runtime.EnterCall();
        return (Collector.CountObjects(0), Collector.CountObjects(1), Collector.CountObjects(2));
    }

    /// <summary>The most recent collections' pause records, oldest first.</summary>
    public IReadOnlyList<CollectionResult> RecentPauses
    {
        get
        {
            using var gil = _runtime.EnterCall();
            return Collector.RecentPauses;
        }
    }

    /// <summary>Raised after every collection with its pause record (under the runtime lock).</summary>
    public event Action<CollectionResult>? Collected
    {
        add => Collector.Collected += value;
        remove => Collector.Collected -= value;
    }

    /// <summary>Watches each collection phase by phase; null turns it off (the default, at no cost).</summary>
    public ICollectionObserver? Observer
    {
        get => Collector.Observer;
        set => Collector.Observer = value;
    }

    private void RequireProfile312(string name)
    {
        if (_runtime.Profile.LegacyFinalizers)
        {
            throw new PythonException("AttributeError", $"'module' object has no attribute '{name}'");
        }
    }
}
