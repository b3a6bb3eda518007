using System.Globalization;
using Refheap.Diagnostics.Heapy;
using Refheap.Objects;
using Refheap.Python.Execution;

namespace Refheap.Python.Modules.Diagnostics;

/// <summary>
/// <c>guppy</c> (<c>from guppy import hpy</c>): heapy's view over Refheap.Diagnostics'
/// <see cref="HeapSnapshot"/>. <c>hpy().heap()</c> is every live object (tracked or not),
/// printed as heapy's table; after <c>setrelheap()</c>, only what was allocated since and is
/// still alive. <c>dump(path)</c> writes the snapshot file <c>refheap heap</c> reads.
/// </summary>
internal static class GuppyModule
{
    /// <summary>Makes the module.</summary>
    public static PyRef Create(Interpreter interpreter)
    {
        var api = interpreter.Api;
        var state = DiagnosticsState.Of(interpreter);
        var module = SourceModule.Create(interpreter, "guppy", GuppySource.Text);
        if (module.IsNull)
        {
            return module;
        }

        var dict = ObjectApi.ModuleDict(module);
        var ok = ModuleFunctions.Add(api, dict, "_heap", args => api.NewInt(state.Add(Take(interpreter, state))))
            && ModuleFunctions.Add(api, dict, "_setrelheap", args =>
            {
                state.RelativeTo = HeapSnapshot.Take(interpreter.Runtime);
                return api.NoneObject.NewRef();
            })
            && ModuleFunctions.Add(api, dict, "_count", args => Snapshot(api, state, args) is { } s ? api.NewInt(s.Count) : PyRef.Null)
            && ModuleFunctions.Add(api, dict, "_size", args => Snapshot(api, state, args) is { } s ? api.NewInt(s.TotalSize) : PyRef.Null)
            && ModuleFunctions.Add(api, dict, "_table", args => Snapshot(api, state, args) is { } s && By(api, args) is { } by
                ? api.NewStr(HeapyFormat.Table(s.PartitionBy(by)).TrimEnd('\n'))
                : PyRef.Null)
            && ModuleFunctions.Add(api, dict, "_row", args => Row(api, state, args))
            && ModuleFunctions.Add(api, dict, "_dump", args => Dump(api, state, args));
        if (!ok)
        {
            module.DecRef();
            return PyRef.Null;
        }

        return module;
    }

    /// <summary>
    /// The heap now, or what is new since <c>setrelheap()</c> without the frames of the calls in
    /// progress (heapy hides its own; a frame Refheap recycled is new by address).
    /// </summary>
    private static HeapSnapshot Take(Interpreter interpreter, DiagnosticsState state)
    {
        var now = HeapSnapshot.Take(interpreter.Runtime);
        if (state.RelativeTo is not { } before)
        {
            return now;
        }

        var running = new HashSet<long>();
        for (var f = interpreter.CurrentFrame; !f.IsNull; f = ObjectApi.FrameBack(f))
        {
            running.Add(f.Address);
        }

        var since = now.NewSince(before);
        return since.Subset(since.Objects.Where(o => !running.Contains(o.Address)).Select(o => o.Index));
    }

    private static HeapSnapshot? Snapshot(ObjectApi api, DiagnosticsState state, PyRef args)
    {
        if (ObjectApi.TupleSize(args) > 0 && api.TryAsLong(ObjectApi.TupleItem(args, 0), out var i) && i >= 0 && i < state.Snapshots.Count)
        {
            return state.Snapshots[(int)i];
        }

        api.Raise("ValueError", "not a heapy set of this program");
        return null;
    }

    private static PartitionKind? By(ObjectApi api, PyRef args)
    {
        var by = ObjectApi.TupleSize(args) > 1 && api.IsStr(ObjectApi.TupleItem(args, 1)) ? ObjectApi.StrText(ObjectApi.TupleItem(args, 1)) : "";
        PartitionKind? kind = by switch
        {
            "clodo" => PartitionKind.Clodo,
            "type" => PartitionKind.Type,
            "rcs" => PartitionKind.Rcs,
            "size" => PartitionKind.Size,
            _ => null,
        };
        if (kind == null)
        {
            api.Raise("ValueError", $"unknown partition '{by}'");
        }

        return kind;
    }

    /// <summary><c>_row(snapshot, by, i)</c>: the objects of row <c>i</c> of the partition, as a new snapshot's index.</summary>
    private static PyRef Row(ObjectApi api, DiagnosticsState state, PyRef args)
    {
        if (Snapshot(api, state, args) is not { } s || By(api, args) is not { } by)
        {
            return PyRef.Null;
        }

        var rows = s.PartitionBy(by).Rows;
        if (ObjectApi.TupleSize(args) < 3 || !api.TryAsLong(ObjectApi.TupleItem(args, 2), out var i))
        {
            return api.Raise("TypeError", "heapy set indices must be integers");
        }

        if (i < 0)
        {
            i += rows.Count;
        }

        if (i < 0 || i >= rows.Count)
        {
            return api.Raise("IndexError", "Partition index out of range.");
        }

        var kind = rows[(int)i].Kind;
        var members = s.Objects.Where(o => KindOf(s, o, by) == kind).Select(o => o.Index);
        return api.NewInt(state.Add(s.Subset(members)));
    }

    /// <summary>An object's row in a partition, as <see cref="Partition"/> groups them.</summary>
    private static string KindOf(HeapSnapshot snapshot, SnapshotObject o, PartitionKind by) => by switch
    {
        PartitionKind.Type => o.TypeName,
        PartitionKind.Size => o.Size.ToString(CultureInfo.InvariantCulture),
        PartitionKind.Rcs => snapshot.ReferrerKinds(o.Index).Distinct().Order(StringComparer.Ordinal).ToList() is { Count: > 0 } kinds
            ? string.Join(", ", kinds)
            : "<Nothing>",
        _ => o.Kind,
    };

    private static PyRef Dump(ObjectApi api, DiagnosticsState state, PyRef args)
    {
        if (Snapshot(api, state, args) is not { } s)
        {
            return PyRef.Null;
        }

        if (ObjectApi.TupleSize(args) < 2 || !api.IsStr(ObjectApi.TupleItem(args, 1)))
        {
            return api.Raise("TypeError", "dump() needs a path (str)");
        }

        var path = ObjectApi.StrText(ObjectApi.TupleItem(args, 1));
        try
        {
            SnapshotFile.Write(s, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return api.Raise(api.ExceptionClass("IOError"), e.Message);
        }

        return api.NoneObject.NewRef();
    }
}
