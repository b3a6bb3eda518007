using Refheap.Gc;

namespace Refheap.Diagnostics.Cycles;

/// <summary>
/// The cycle report, opt-in: attached to a runtime, it looks at the garbage of every
/// collection (through the collector's observer, before anything is cleared) and, when the
/// collection ends, publishes a <see cref="CycleReport"/>.
/// <code>
/// using var cycles = CycleReporter.Attach(runtime);
/// runtime.Gc.Collect();
/// Console.Write(cycles.Reports[^1]);
/// </code>
/// </summary>
/// <remarks>
/// Attaching replaces <see cref="GcModule.Observer"/> with one that forwards every call to
/// the observer that was there; disposing puts it back. The analysis runs inside the
/// collection, under the runtime lock, in time proportional to the garbage; the collector
/// lists only the garbage for it (<see cref="ICollectionObserver.Wants"/>).
/// </remarks>
public sealed class CycleReporter : IDisposable
{
    /// <summary>Reports kept (the most recent).</summary>
    public const int MaxReports = 64;

    private readonly Runtime _runtime;
    private readonly Observer _observer;
    private readonly List<CycleReport> _reports = [];
    private readonly CycleShapes _shapes = new();
    private readonly List<nint> _garbage = [];
    private (long Garbage, List<CycleGroup> Groups, List<WeakEdgeSuggestion> Suggestions)? _pending;
    private bool _disposed;

    private CycleReporter(Runtime runtime)
    {
        _runtime = runtime;
        _observer = new Observer(this, runtime.Gc.Observer);
        runtime.Gc.Observer = _observer;
        runtime.Gc.Collected += OnCollected;
    }

    /// <summary>Starts reporting on <paramref name="runtime"/>'s collections.</summary>
    public static CycleReporter Attach(Runtime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        using var gil = runtime.Enter();
        return new CycleReporter(runtime);
    }

    /// <summary>The reports of the most recent collections, oldest first (at most <see cref="MaxReports"/>).</summary>
    public IReadOnlyList<CycleReport> Reports
    {
        get
        {
            using var gil = _runtime.Enter();
            return [.. _reports];
        }
    }

    /// <summary>Raised after each collection with its report (under the runtime lock).</summary>
    public event Action<CycleReport>? ReportReady;

    private void OnGarbage(IReadOnlyList<ObservedObject> first, IReadOnlyList<ObservedObject> second)
    {
        _garbage.Clear();
        foreach (var o in first)
        {
            _garbage.Add(o.Address);
        }

        foreach (var o in second)
        {
            _garbage.Add(o.Address);
        }

        var (groups, suggestions) = _shapes.Analyze(_runtime.Api, _garbage);
        _pending = (_garbage.Count, groups, suggestions);
    }

    private void OnCollected(CollectionResult result)
    {
        var (garbage, groups, suggestions) = _pending ?? (0, [], []);
        _pending = null;
        var report = new CycleReport(result, garbage, groups, suggestions);
        _reports.Add(report);
        if (_reports.Count > MaxReports)
        {
            _reports.RemoveAt(0);
        }

        ReportReady?.Invoke(report);
    }

    /// <summary>Stops reporting and puts back the observer that was there before.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        using var gil = _runtime.Enter();
        _runtime.Gc.Collected -= OnCollected;
        if (_runtime.Gc.Observer == _observer)
        {
            _runtime.Gc.Observer = _observer.Next;
        }
    }

    private sealed class Observer(CycleReporter owner, ICollectionObserver? next) : ICollectionObserver
    {
        public ICollectionObserver? Next { get; } = next;

        public void OnPhase(CollectionPhase phase, IReadOnlyList<ObservedObject> first, IReadOnlyList<ObservedObject> second)
        {
            // After the legacy-finalizer step: the first list is the garbage to clear, the
            // second the uncollectable (2.7 cycles with __del__); both are garbage the cycles made.
            if (phase == CollectionPhase.LegacyFinalizers)
            {
                owner.OnGarbage(first, second);
            }

            Next?.OnPhase(phase, first, second);
        }

        public void OnReachable(nint address, long gcRefs) => Next?.OnReachable(address, gcRefs);

        // Only the garbage is read here: the collector lists no other phase unless the next observer asks.
        public bool Wants(CollectionPhase phase) => phase == CollectionPhase.LegacyFinalizers || Next?.Wants(phase) == true;

        public bool WantsReachable => Next?.WantsReachable == true;
    }
}
