using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Refheap.Diagnostics.Heapy;

/// <summary>
/// The snapshot file: JSON lines (UTF-8), a header line and then one line per object, so that
/// a file can be streamed, grepped and read by any language. docs/diagnostics.md describes it:
/// <code>
/// {"format":"refheap-heap-snapshot","version":1,"profile":"py27","taken":"2026-11-24T17:00:00+00:00","objects":2}
/// {"address":140230000000016,"type":"__main__.Task","kind":"__main__.Task","size":64,"refcount":2,"tracked":true,"external":1,"refs":[[140230000000100,"__dict__"]]}
/// </code>
/// References name their target by address; a target missing from the file is dropped on reading.
/// </summary>
public static class SnapshotFile
{
    /// <summary>The value of the header's <c>format</c> field.</summary>
    public const string FormatName = "refheap-heap-snapshot";

    /// <summary>The version this code writes and reads.</summary>
    public const int Version = 1;

    /// <summary>Writes <paramref name="snapshot"/> to <paramref name="path"/> (replacing it).</summary>
    public static void Write(HeapSnapshot snapshot, string path)
    {
        using var stream = File.Create(path);
        Write(snapshot, stream);
    }

    /// <summary>Writes <paramref name="snapshot"/> to <paramref name="stream"/>.</summary>
    public static void Write(HeapSnapshot snapshot, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(stream);
        var newline = "\n"u8.ToArray();

        // Names and labels are written as they are ('+', '<', quotes in keys): the file is for reading too.
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var w = new Utf8JsonWriter(stream, options))
        {
            w.WriteStartObject();
            w.WriteString("format", FormatName);
            w.WriteNumber("version", Version);
            w.WriteString("profile", snapshot.Profile);
            w.WriteString("taken", snapshot.TakenAt.ToString("o", CultureInfo.InvariantCulture));
            w.WriteNumber("objects", snapshot.Count);
            w.WriteEndObject();
        }

        stream.Write(newline);
        foreach (var o in snapshot.Objects)
        {
            using (var w = new Utf8JsonWriter(stream, options))
            {
                w.WriteStartObject();
                w.WriteNumber("address", o.Address);
                w.WriteString("type", o.TypeName);
                w.WriteString("kind", o.Kind);
                w.WriteNumber("size", o.Size);
                w.WriteNumber("refcount", o.RefCount);
                w.WriteBoolean("tracked", o.Tracked);
                w.WriteNumber("external", o.ExternalReferences);
                w.WriteStartArray("refs");
                foreach (var r in snapshot.ReferencesFrom(o.Index))
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(snapshot[r.Target].Address);
                    w.WriteStringValue(r.Label);
                    w.WriteEndArray();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            stream.Write(newline);
        }
    }

    /// <summary>Reads a snapshot written by <see cref="Write(HeapSnapshot, string)"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a snapshot of a version this code reads.</exception>
    public static HeapSnapshot Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads a snapshot from <paramref name="stream"/>; <paramref name="name"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The stream is not a snapshot of a version this code reads.</exception>
    public static HeapSnapshot Read(Stream stream, string name = "snapshot")
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{name}: empty file, not a heap snapshot");
        string profile;
        DateTimeOffset taken;
        try
        {
            using var h = JsonDocument.Parse(header);
            var root = h.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.GetString() != FormatName)
            {
                throw new InvalidDataException($"{name}: not a heap snapshot (the first line has no \"format\":\"{FormatName}\")");
            }

            var version = root.GetProperty("version").GetInt32();
            if (version != Version)
            {
                throw new InvalidDataException($"{name}: snapshot version {version}; this refheap reads version {Version}");
            }

            profile = root.GetProperty("profile").GetString() ?? "";
            taken = DateTimeOffset.Parse(root.GetProperty("taken").GetString() ?? "", CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"{name}: bad header line ({e.Message})", e);
        }

        var objects = new List<SnapshotObject>();
        var rawRefs = new List<(long Target, string Label)[]>();
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            try
            {
                using var d = JsonDocument.Parse(text);
                var o = d.RootElement;
                objects.Add(new SnapshotObject(objects.Count, o.GetProperty("address").GetInt64(), o.GetProperty("type").GetString() ?? "",
                    o.GetProperty("kind").GetString() ?? "", o.GetProperty("size").GetInt64(), o.GetProperty("refcount").GetInt64(),
                    o.GetProperty("tracked").GetBoolean(), o.GetProperty("external").GetInt64()));
                rawRefs.Add([.. o.GetProperty("refs").EnumerateArray().Select(r => (r[0].GetInt64(), r[1].GetString() ?? ""))]);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException or IndexOutOfRangeException)
            {
                throw new InvalidDataException($"{name}:{line}: bad object line ({e.Message})", e);
            }
        }

        var index = new Dictionary<long, int>(objects.Count);
        foreach (var o in objects)
        {
            index[o.Address] = o.Index;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var edgeStart = new int[objects.Count + 1];
        var edges = new List<SnapshotReference>();
        for (var i = 0; i < objects.Count; i++)
        {
            edgeStart[i] = edges.Count;
            foreach (var (target, label) in rawRefs[i])
            {
                if (index.TryGetValue(target, out var t))
                {
                    edges.Add(new SnapshotReference(t, labels.TryGetValue(label, out var l) ? l : labels[label] = label));
                }
            }
        }

        edgeStart[objects.Count] = edges.Count;
        return new HeapSnapshot(profile, taken, [.. objects], edgeStart, [.. edges]);
    }
}
