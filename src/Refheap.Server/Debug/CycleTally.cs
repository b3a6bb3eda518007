using Refheap.Diagnostics.Cycles;

namespace Refheap.Server.Debug;

/// <summary>
/// The cycle report of <c>--cycle-report</c>: a <see cref="CycleReporter"/> attached to the heap
/// for the server's life, whose per-collection reports are added up here — by shape and by
/// suggested reference — so that <c>GET /debug/cycles</c> shows everything since the start.
/// </summary>
/// <remarks>
/// Reports arrive inside collections, under the runtime lock; <see cref="Read"/> runs on a
/// request thread. A lock of its own keeps the two apart without making a reader wait for a
/// collection.
/// </remarks>
internal sealed class CycleTally : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ShapeTotal> _shapes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Source, string Label, string Target), long> _suggestions = [];
    private readonly string _model;
    private readonly string _profile;
    private readonly CycleReporter _reporter;
    private long _collections;
    private long _collectionsWithCycles;
    private long _garbage;
    private long _cycles;

    /// <summary>Attaches the cycle report to <paramref name="runtime"/> until disposed.</summary>
    public CycleTally(Refheap.Runtime runtime, ServerModel model)
    {
        _model = ServerOptions.NameOf(model);
        _profile = runtime.Profile.Name;
        _reporter = CycleReporter.Attach(runtime);
        _reporter.ReportReady += Add;
    }

    /// <summary>The totals now.</summary>
    public CycleReportSummary Read()
    {
        lock (_lock)
        {
            var shapes = _shapes.Values
                .Select(s => new CycleShapeSummary(s.Shape, s.Steps, s.Cycles, s.Suggestions.Count == 0 ? null : s.Suggestions.MaxBy(e => e.Value).Key))
                .OrderByDescending(s => s.Cycles).ThenBy(s => s.Shape, StringComparer.Ordinal)
                .ToList();
            var suggestions = _suggestions
                .Select(e => new WeakEdgeSuggestion(e.Key.Source, e.Key.Label, e.Key.Target, e.Value, _cycles))
                .OrderByDescending(s => s.CyclesBroken).ThenBy(s => s.Edge, StringComparer.Ordinal)
                .Select(s => new WeakEdgeSummary(s.Edge, s.SourceType, s.Label, s.TargetType, s.CyclesBroken, s.CyclesTotal, s.ToString()))
                .ToList();
            return new CycleReportSummary
            {
                Model = _model,
                Profile = _profile,
                Collections = _collections,
                CollectionsWithCycles = _collectionsWithCycles,
                GarbageObjects = _garbage,
                Cycles = _cycles,
                Shapes = shapes,
                Suggestions = suggestions,
            };
        }
    }

    /// <summary>Detaches the cycle report from the heap.</summary>
    public void Dispose()
    {
        _reporter.ReportReady -= Add;
        _reporter.Dispose();
    }

    private void Add(CycleReport report)
    {
        lock (_lock)
        {
            _collections++;
            _garbage += report.GarbageObjects;
            if (report.Groups.Count == 0)
            {
                return;
            }

            _collectionsWithCycles++;
            foreach (var group in report.Groups)
            {
                _cycles += group.Cycles;
                if (!_shapes.TryGetValue(group.Shape, out var total))
                {
                    _shapes[group.Shape] = total = new ShapeTotal(group.Shape, group.Steps);
                }

                total.Cycles += group.Cycles;
                if (group.Suggestion is { } s)
                {
                    total.Suggestions[s.Edge] = total.Suggestions.GetValueOrDefault(s.Edge) + group.Cycles;
                }
            }

            foreach (var s in report.Suggestions)
            {
                var key = (s.SourceType, s.Label, s.TargetType);
                _suggestions[key] = _suggestions.GetValueOrDefault(key) + s.CyclesBroken;
            }
        }
    }

    /// <summary>One shape's running total, with the cycles each suggested reference covered (the shape shows the one that covered most).</summary>
    private sealed class ShapeTotal(string shape, IReadOnlyList<CycleStep> steps)
    {
        public string Shape { get; } = shape;

        public IReadOnlyList<CycleStep> Steps { get; } = steps;

        public long Cycles { get; set; }

        public Dictionary<string, long> Suggestions { get; } = new(StringComparer.Ordinal);
    }
}
