using Refheap.Objects;

namespace Refheap.Gc;

internal sealed unsafe partial class Collector
{
    /// <summary>How many pause records the ring keeps.</summary>
    public const int PauseRingCapacity = 4096;

    private readonly GenerationStats[] _stats = [new(), new(), new()];
    private readonly CollectionResult[] _pauses = new CollectionResult[PauseRingCapacity];
    private long _pauseCount;

    /// <summary>gc.callbacks: a heap list of callables called with ("start"|"stop", info dict); made on first use, borrowed.</summary>
    public PyRef Callbacks { get; private set; }

    /// <summary>
    /// Raised after every collection with its record (C# observers, metrics). A handler's
    /// exception is reported on the unraisable writer and does not propagate: a collection
    /// can start inside any allocation, where an exception would leave heap code half done.
    /// </summary>
    public event Action<CollectionResult>? Collected;

    /// <summary>Per-generation totals (gc.get_stats).</summary>
    public IReadOnlyList<GenerationStats> Stats => _stats;

    /// <summary>Collections run so far.</summary>
    public long TotalCollections => _pauseCount;

    /// <summary>The most recent pause records, oldest first (at most <see cref="PauseRingCapacity"/>).</summary>
    public IReadOnlyList<CollectionResult> RecentPauses
    {
        get
        {
            var n = (int)Math.Min(_pauseCount, PauseRingCapacity);
            var result = new CollectionResult[n];
            for (var i = 0; i < n; i++)
            {
                result[i] = _pauses[(_pauseCount - n + i) % PauseRingCapacity];
            }

            return result;
        }
    }

    /// <summary>gc.callbacks, made now if absent: borrowed, or null with MemoryError.</summary>
    public PyRef EnsureCallbacks()
    {
        if (Callbacks.IsNull)
        {
            Callbacks = _heap.NewList();
        }

        return Callbacks;
    }

    /// <summary>gc.garbage, made now if absent: borrowed, or null with MemoryError.</summary>
    public PyRef EnsureGarbage() => EnsureGarbageList();

    /// <summary>
    /// gc.collect(generation): collects and returns the number of unreachable objects found;
    /// 0 when a collection is already running (as CPython).
    /// </summary>
    public long CollectGeneration(int generation)
    {
        if ((uint)generation >= Generations)
        {
            throw new ArgumentOutOfRangeException(nameof(generation), "invalid generation");
        }

        return _collecting ? 0 : CollectWithCallbacks(generation, automatic: false).Unreachable;
    }

    /// <summary>Runs one collection with gc.callbacks around it and records it.</summary>
    private CollectionResult CollectWithCallbacks(int generation, bool automatic)
    {
        _collecting = true;
        try
        {
            InvokeCallbacks("start", generation, 0, 0);
            var result = Collect(generation) with { Automatic = automatic, FinishedAt = DateTimeOffset.UtcNow };
            var s = _stats[generation];
            s.Collections++;
            s.Collected += result.Collected;
            s.Uncollectable += result.Uncollectable;
            if (result.Elapsed > s.MaxPause)
            {
                s.MaxPause = result.Elapsed;
            }

            s.TotalPause += result.Elapsed;
            _pauses[_pauseCount % PauseRingCapacity] = result;
            _pauseCount++;
            InvokeCallbacks("stop", generation, result.Collected, result.Uncollectable);
            RaiseCollected(result);
            return result;
        }
        finally
        {
            _collecting = false;
        }
    }

    /// <summary>Calls each gc.callbacks entry with (phase, {"generation", "collected", "uncollectable"}); errors are reported as unraisable.</summary>
    private void InvokeCallbacks(string phase, int generation, long collected, long uncollectable)
    {
        if (Callbacks.IsNull || _heap.Length(Callbacks.Ptr) == 0)
        {
            return;
        }

        var saved = _heap.FetchError();
        var info = _heap.NewDict();
        var phaseObj = _heap.NewString(phase);
        var g = _heap.NewInt(generation);
        var c = _heap.NewInt(collected);
        var u = _heap.NewInt(uncollectable);
        if (!info.IsNull && !g.IsNull && !c.IsNull && !u.IsNull && !phaseObj.IsNull
            && _heap.Types.Dict.SetItemString(info.Ptr, "generation", g.Ptr) == 0
            && _heap.Types.Dict.SetItemString(info.Ptr, "collected", c.Ptr) == 0
            && _heap.Types.Dict.SetItemString(info.Ptr, "uncollectable", u.Ptr) == 0)
        {
            // Call a snapshot: a callback may change gc.callbacks.
            var snapshot = _heap.Types.Tuple.Pack(ListItems(Callbacks));
            var args = _heap.NewTuple(phaseObj, info);
            if (!snapshot.IsNull && !args.IsNull)
            {
                for (nint i = 0; i < Objects.Native.Tuple.TupleType.Size(snapshot.Ptr); i++)
                {
                    var callback = Objects.Native.Tuple.TupleType.Item(snapshot.Ptr, i);
                    var r = _heap.Call(callback, args.Ptr, null);
                    if (r.IsNull)
                    {
                        ReportCallbackError(callback);
                    }
                    else
                    {
                        r.DecRef();
                    }
                }
            }

            snapshot.XDecRef();
            args.XDecRef();
        }

        _heap.ClearError();
        info.XDecRef();
        phaseObj.XDecRef();
        g.XDecRef();
        c.XDecRef();
        u.XDecRef();
        _heap.RestoreError(saved);
    }

    private void RaiseCollected(CollectionResult result)
    {
        var handlers = Collected;
        if (handlers == null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList())
        {
            try
            {
                ((Action<CollectionResult>)handler)(result);
            }
            catch (Exception e) when (e is not Memory.MemoryCorruptionException and not OutOfMemoryException)
            {
                _heap.UnraisableWriter.WriteLine($"Exception ignored in: Collected handler {handler.Method.DeclaringType?.Name}.{handler.Method.Name}");
                _heap.UnraisableWriter.WriteLine($"{e.GetType().FullName}: {e.Message}");
            }
        }
    }

    /// <summary>
    /// Reports the pending exception of a callback as CPython's PyErr_WriteUnraisable(cb):
    /// "Exception ignored in: &lt;repr of the callback&gt;". The repr is taken with the
    /// exception put aside, so that a failing repr cannot lose it.
    /// </summary>
    private void ReportCallbackError(PyObject* callback)
    {
        var error = _heap.FetchError();
        var where = _heap.ReprString(callback);
        _heap.RestoreError(error);
        _heap.WriteUnraisable(null, where);
    }

    private static PyRef[] ListItems(PyRef list)
    {
        var n = Objects.Native.List.ListType.Size(list.Ptr);
        var items = new PyRef[n];
        for (nint i = 0; i < n; i++)
        {
            items[i] = new PyRef(Objects.Native.List.ListType.Items(list.Ptr)[i]);
        }

        return items;
    }

    /// <summary>Releases gc.garbage and gc.callbacks (heap teardown).</summary>
    internal void ReleaseLists()
    {
        ReleaseGarbage();
        var cb = Callbacks;
        Callbacks = PyRef.Null;
        cb.XDecRef();
    }
}
