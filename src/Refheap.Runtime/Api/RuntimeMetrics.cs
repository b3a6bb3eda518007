using System.Diagnostics.Metrics;

namespace Refheap.Runtime;

/// <summary>
/// The <c>Refheap</c> Meter: collections by generation, pause durations, tracked objects by
/// generation and heap bytes, for every live runtime (<c>dotnet-counters monitor --counters Refheap</c>).
/// </summary>
public static class RuntimeMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Refheap";

    private static readonly Meter s_meter = new(MeterName, "0.1.0");
    private static readonly Counter<long> s_collections = s_meter.CreateCounter<long>("refheap.gc.collections", "{collection}", "Collections by generation");
    private static readonly Histogram<double> s_pauses = s_meter.CreateHistogram<double>("refheap.gc.pause", "ms", "Collection pause durations");
    private static readonly List<WeakReference<Runtime>> s_runtimes = [];

    static RuntimeMetrics()
    {
        s_meter.CreateObservableGauge("refheap.gc.tracked_objects", ObserveTracked, "{object}", "Tracked objects by generation");
        s_meter.CreateObservableGauge("refheap.heap.bytes_in_use", () => Observe(rt => rt.Heap.Allocator.BytesInUse), "By", "Heap bytes in use");
        s_meter.CreateObservableGauge("refheap.heap.bytes_mapped", () => Observe(rt => rt.Heap.Allocator.BytesMapped), "By", "Heap bytes mapped from the OS");
    }

    internal static void Register(Runtime runtime)
    {
        lock (s_runtimes)
        {
            s_runtimes.Add(new WeakReference<Runtime>(runtime));
        }

        runtime.Gc.Collected += r =>
        {
            var tags = new KeyValuePair<string, object?>("generation", r.Generation);
            s_collections.Add(1, tags);
            s_pauses.Record(r.Elapsed.TotalMilliseconds, tags);
        };
    }

    internal static void Unregister(Runtime runtime)
    {
        lock (s_runtimes)
        {
            s_runtimes.RemoveAll(w => !w.TryGetTarget(out var r) || r == runtime);
        }
    }

    private static List<Runtime> Live()
    {
        lock (s_runtimes)
        {
            var list = new List<Runtime>();
            foreach (var w in s_runtimes)
            {
                if (w.TryGetTarget(out var r))
                {
                    list.Add(r);
                }
            }

            return list;
        }
    }

    private static List<Measurement<long>> Observe(Func<Runtime, long> read)
    {
        var result = new List<Measurement<long>>();
        foreach (var rt in Live())
        {
            using var gil = rt.Enter();
            result.Add(new Measurement<long>(read(rt), new KeyValuePair<string, object?>("profile", rt.Profile.Name)));
        }

        return result;
    }

    private static List<Measurement<long>> ObserveTracked()
    {
        var result = new List<Measurement<long>>();
        foreach (var rt in Live())
        {
            var (g0, g1, g2) = rt.Gc.TrackedObjects();
            var profile = new KeyValuePair<string, object?>("profile", rt.Profile.Name);
            result.Add(new Measurement<long>(g0, profile, new("generation", 0)));
            result.Add(new Measurement<long>(g1, profile, new("generation", 1)));
            result.Add(new Measurement<long>(g2, profile, new("generation", 2)));
        }

        return result;
    }
}
