using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Refheap.RuntimeTests.Gc;

/// <summary>
/// The <c>Refheap</c> Meter, observed with a <see cref="MeterListener"/>. The tests run alone
/// (<see cref="GcModuleMeterCollection"/>): reading the gauges takes every live runtime's
/// lock, and a test elsewhere may hold its lock for seconds.
/// </summary>
[Collection(GcModuleMeterCollection.Name)]
public class GcModuleMeterTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void The_meter_publishes_collections_pauses_tracked_objects_and_heap_bytes_per_runtime(string profile)
    {
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == RuntimeMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        listener.Start();

        var rt = GcModuleTestKit.Quiet(profile);
        var id = RuntimeMetrics.IdOf(rt);
        Assert.NotEqual(0, id);
        measurements.Clear();
        List<(string Instrument, double Value, Dictionary<string, object?> Tags)> Mine() =>
            measurements.Where(m => Equals(m.Tags.GetValueOrDefault("runtime"), id)).ToList();

        using (rt.OpenScope())
        {
            rt.List(rt.List(), rt.Dict());
            rt.Gc.Collect(0);
            rt.Gc.Collect(1);
            rt.Gc.Collect();
        }

        var collections = Mine().Where(m => m.Instrument == "refheap.gc.collections").ToList();
        Assert.Equal([0, 1, 2], collections.Select(m => m.Tags["generation"]));
        Assert.All(collections, m => Assert.Equal(1, m.Value));
        Assert.All(collections, m => Assert.Equal(profile, m.Tags["profile"]));
        var pauses = Mine().Where(m => m.Instrument == "refheap.gc.pause").ToList();
        Assert.Equal([0, 1, 2], pauses.Select(m => m.Tags["generation"]));
        Assert.All(pauses, m => Assert.True(m.Value >= 0));

        var census = rt.TakeCensus();
        var tracked = rt.Gc.TrackedObjects();
        measurements.Clear();
        listener.RecordObservableInstruments();
        var gauges = Mine();
        Assert.Equal(
            [tracked.Gen0, tracked.Gen1, tracked.Gen2],
            gauges.Where(m => m.Instrument == "refheap.gc.tracked_objects").OrderBy(m => (int)m.Tags["generation"]!).Select(m => (long)m.Value));
        Assert.Equal(census.BytesInUse, (long)gauges.Single(m => m.Instrument == "refheap.heap.bytes_in_use").Value);
        Assert.Equal(census.BytesMapped, (long)gauges.Single(m => m.Instrument == "refheap.heap.bytes_mapped").Value);
        Assert.True(census.BytesMapped >= census.BytesInUse && census.BytesInUse > 0);

        rt.Dispose();
        Assert.Equal(0, RuntimeMetrics.IdOf(rt));
        measurements.Clear();
        listener.RecordObservableInstruments();
        Assert.Empty(Mine());
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var (key, value) in tags)
        {
            result[key] = value;
        }

        return result;
    }
}
