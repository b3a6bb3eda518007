using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Refheap;

/// <summary>
/// The <c>Refheap</c> Meter: collections by generation, pause durations, tracked objects by
/// generation and heap bytes, for every live runtime (<c>dotnet-counters monitor --counters Refheap</c>).
/// </summary>
/// <remarks>
/// Every measurement carries the tags <c>profile</c> (<c>py27</c>, <c>py312</c>) and
/// <c>runtime</c> (a number given to each runtime when it is made, 1, 2, …), so that the
/// measurements of several runtimes in one process never share a tag set; the per-generation
/// ones carry <c>generation</c> too. A disposed runtime is never read: the gauges check, under
/// its lock, that it is still registered (it unregisters under that lock before its heap goes).
/// </remarks>
public static class RuntimeMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Refheap";

    private static readonly Meter s_meter = new(MeterName, "0.1.0");
    private static readonly Counter<long> s_collections = s_meter.CreateCounter<long>("refheap.gc.collections", "{collection}", "Collections by generation");
    private static readonly Histogram<double> s_pauses = s_meter.CreateHistogram<double>("refheap.gc.pause", "ms", "Collection pause durations");
    private static readonly List<Registration> s_runtimes = [];
    private static int s_lastId;

    static RuntimeMetrics()
    {
        s_meter.CreateObservableGauge("refheap.gc.tracked_objects", ObserveTracked, "{object}", "Tracked objects by generation");
        s_meter.CreateObservableGauge("refheap.heap.bytes_in_use", () => Observe(rt => rt.Heap.Allocator.BytesInUse), "By", "Heap bytes in use");
        s_meter.CreateObservableGauge("refheap.heap.bytes_mapped", () => Observe(rt => rt.Heap.Allocator.BytesMapped), "By", "Heap bytes mapped from the OS");
    }

    internal static void Register(Runtime runtime)
    {
        var registration = new Registration(new WeakReference<Runtime>(runtime), Interlocked.Increment(ref s_lastId), runtime.Profile.Name);
        lock (s_runtimes)
        {
            s_runtimes.Add(registration);
        }

        runtime.Gc.Collected += r =>
        {
            var tags = new TagList
            {
                { "profile", registration.Profile },
                { "runtime", registration.Id },
                { "generation", r.Generation },
            };
            s_collections.Add(1, tags);
            s_pauses.Record(r.Elapsed.TotalMilliseconds, tags);
        };
    }

    internal static void Unregister(Runtime runtime)
    {
        lock (s_runtimes)
        {
            s_runtimes.RemoveAll(w => !w.Target.TryGetTarget(out var r) || r == runtime);
        }
    }

    /// <summary>The <c>runtime</c> tag of a registered runtime's measurements, or 0 when it is not registered (disposed).</summary>
    internal static int IdOf(Runtime runtime)
    {
        lock (s_runtimes)
        {
            foreach (var w in s_runtimes)
            {
                if (w.Target.TryGetTarget(out var r) && r == runtime)
                {
                    return w.Id;
                }
            }

            return 0;
        }
    }

    private static List<(Runtime Runtime, Registration Registration)> Live()
    {
        lock (s_runtimes)
        {
            var list = new List<(Runtime, Registration)>();
            foreach (var w in s_runtimes)
            {
                if (w.Target.TryGetTarget(out var r))
                {
                    list.Add((r, w));
                }
            }

            return list;
        }
    }

    private static bool IsRegistered(Registration registration)
    {
        lock (s_runtimes)
        {
            return s_runtimes.Contains(registration);
        }
    }

    private static List<Measurement<long>> Observe(Func<Runtime, long> read)
    {
        var result = new List<Measurement<long>>();
        foreach (var (rt, registration) in Live())
        {
            using var gil = rt.Enter();

            // Disposed since Live() looked: its heap may be gone.
            if (!IsRegistered(registration))
            {
                continue;
            }

            result.Add(new Measurement<long>(read(rt), new("profile", registration.Profile), new("runtime", registration.Id)));
        }

        return result;
    }

    private static List<Measurement<long>> ObserveTracked()
    {
        var result = new List<Measurement<long>>();
        foreach (var (rt, registration) in Live())
        {
            using var gil = rt.Enter();
            if (!IsRegistered(registration))
            {
                continue;
            }

            var (g0, g1, g2) = rt.Gc.TrackedObjects();
            var profile = new KeyValuePair<string, object?>("profile", registration.Profile);
            var runtime = new KeyValuePair<string, object?>("runtime", registration.Id);
            result.Add(new Measurement<long>(g0, profile, runtime, new("generation", 0)));
            result.Add(new Measurement<long>(g1, profile, runtime, new("generation", 1)));
            result.Add(new Measurement<long>(g2, profile, runtime, new("generation", 2)));
        }

        return result;
    }

    private sealed record Registration(WeakReference<Runtime> Target, int Id, string Profile);
}
