using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Refheap.Cli.Options;
using Refheap.Diagnostics.Heapy;

namespace Refheap.Cli.Heap;

/// <summary>
/// <c>refheap heap SNAPSHOT [SNAPSHOT2] [--by type|clodo|rcs|size] [--dominators N] [--path ADDRESS] [--rows N] [--json]</c>:
/// heapy's table of a snapshot file, the objects retaining the most, a shortest path from a
/// root, or — given two — what the second holds that the first did not (allocated in between
/// and still alive).
/// </summary>
public static class HeapCommand
{
    /// <summary>The hint after the last row shown when more are left.</summary>
    public const string MoreHint = "<{0} more rows. Use --rows N to see more.>";

    /// <summary>The <c>heap</c> command, writing through <paramref name="console"/>.</summary>
    public static Command Build(CliConsole console)
    {
        var snapshots = HeapOptions.SnapshotsArgument();
        var by = HeapOptions.ByOption();
        var dominators = HeapOptions.DominatorsOption();
        var path = HeapOptions.PathOption();
        var rows = HeapOptions.RowsOption();
        var json = OptionFactory.JsonOption();
        var command = new Command(
            "heap",
            "Show a heap snapshot as heapy does (a partition of its objects by kind), the objects retaining the most, "
            + "or the objects a second snapshot holds that the first did not")
        {
            snapshots,
            by,
            dominators,
            path,
            rows,
            json,
        };

        command.SetAction(parsed =>
        {
            var files = parsed.GetRequiredValue(snapshots);
            var text = Run(
                files.Select(f => f.FullName).ToList(),
                HeapOptions.PartitionOf(parsed.GetRequiredValue(by)),
                parsed.GetValue(dominators),
                parsed.GetValue(path),
                parsed.GetValue(rows),
                parsed.GetValue(json));
            console.Out.Write(text);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The command's output for snapshot files at <paramref name="paths"/>.</summary>
    /// <exception cref="CommandLineErrorException">A file cannot be read or is not a snapshot.</exception>
    public static string Run(IReadOnlyList<string> paths, PartitionKind by, int dominators, long? path, int rows, bool json)
    {
        var loaded = paths.Select(Load).ToList();

        // A path starts at a root of the whole heap: look in the newest snapshot, not the difference.
        var latest = loaded[^1];
        var pathIndex = path is { } address ? latest.IndexOf(address) : -1;
        if (path is { } missing && pathIndex < 0)
        {
            throw new CommandLineErrorException($"no object at 0x{missing:x} in {paths[^1]}", ExitCodes.Failure);
        }

        var subject = loaded.Count == 2 ? loaded[1].NewSince(loaded[0]) : loaded[0];
        var partition = subject.PartitionBy(by);
        var tree = dominators > 0 ? subject.Dominators() : null;
        if (json)
        {
            return Json(loaded, subject, partition, tree, dominators, pathIndex);
        }

        var text = new System.Text.StringBuilder();
        if (loaded.Count == 2)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{paths[1]}: {loaded[1].Count} objects, {loaded[1].TotalSize} bytes; {paths[0]}: {loaded[0].Count} objects, {loaded[0].TotalSize} bytes.\n");
            text.Append(CultureInfo.InvariantCulture,
                $"Allocated after {paths[0]} and alive in {paths[1]}: {subject.Count} objects, {subject.TotalSize} bytes.\n");
        }

        text.Append(HeapyFormat.Table(partition, rows, MoreHint));
        if (tree != null)
        {
            text.Append('\n').Append(HeapyFormat.Dominators(subject, tree, dominators));
        }

        if (pathIndex >= 0)
        {
            text.Append('\n').Append(HeapyFormat.Path(latest, pathIndex));
        }

        return text.ToString();
    }

    private static HeapSnapshot Load(string path)
    {
        try
        {
            return SnapshotFile.Read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new CommandLineErrorException(e is InvalidDataException ? e.Message : $"cannot read {path}: {e.Message}", ExitCodes.Failure);
        }
    }

    private static string Json(List<HeapSnapshot> loaded, HeapSnapshot subject, Partition partition, DominatorTree? tree, int dominators, int pathIndex)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("profile", subject.Profile);
            w.WriteBoolean("difference", loaded.Count == 2);
            w.WriteNumber("objects", partition.Count);
            w.WriteNumber("size", partition.Size);
            w.WriteString("by", partition.By.ToString().ToLowerInvariant());
            w.WriteStartArray("rows");
            foreach (var r in partition.Rows)
            {
                w.WriteStartObject();
                w.WriteNumber("index", r.Index);
                w.WriteNumber("count", r.Count);
                w.WriteNumber("size", r.Size);
                w.WriteNumber("cumulative", r.CumulativeSize);
                w.WriteString("kind", r.Kind);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (tree != null)
            {
                w.WriteNumber("reachable_size", tree.ReachableSize);
                w.WriteStartArray("dominators");
                foreach (var i in tree.Largest(dominators))
                {
                    w.WriteStartObject();
                    w.WriteNumber("address", subject[i].Address);
                    w.WriteString("kind", subject[i].Kind);
                    w.WriteNumber("size", subject[i].Size);
                    w.WriteNumber("retained", tree.RetainedSize(i));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            if (pathIndex >= 0)
            {
                var latest = loaded[^1];
                w.WriteStartArray("path");
                foreach (var (index, label) in latest.ShortestPathFromRoots(pathIndex))
                {
                    w.WriteStartObject();
                    w.WriteNumber("address", latest[index].Address);
                    w.WriteString("kind", latest[index].Kind);
                    w.WriteString("reference", label);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
