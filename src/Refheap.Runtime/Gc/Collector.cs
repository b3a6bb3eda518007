using System.Diagnostics;
using System.Runtime.InteropServices;
using Refheap.Objects;

namespace Refheap.Gc;

/// <summary>
/// The generational cycle collector, as CPython's Modules/gcmodule.c (2.7) and Python/gc.c
/// (3.12). Start reading at <see cref="Collect"/>, the list of phases; each phase is a
/// method in Collector.Phases.cs whose comment says what is true after it.
/// </summary>
/// <remarks>
/// Every tracked object sits in exactly one of three generation lists (plus 3.12's
/// permanent generation after <c>gc.freeze()</c>). New objects enter generation 0;
/// survivors of a collection of generation n move to n+1 (2 stays 2).
/// <para>
/// Automatic collection: allocating a tracked-type object adds one to generation 0's count
/// and freeing one subtracts one (never below zero). When the count exceeds threshold 0, the
/// oldest generation whose count exceeds its threshold is collected; a full collection also
/// needs the long-lived rule (see <see cref="CollectGenerations"/>). Collecting generation n
/// adds one to generation n+1's count and zeroes the counts of 0..n.
/// </para>
/// </remarks>
internal sealed unsafe partial class Collector : IDisposable
{
    /// <summary>Number of generations.</summary>
    public const int Generations = 3;

    private readonly Heap _heap;

    // Native list heads: generation 0..2, then the permanent generation, so that GcHead
    // links never point into movable managed memory.
    private readonly GcHead* _heads;
    private readonly int[] _thresholds = new int[Generations];
    private readonly int[] _counts = new int[Generations];
    private readonly AddressBuffer _dictCandidates = new();
    private bool _collecting;
    private bool _disposed;

    /// <summary>Creates the collector with the profile's default thresholds.</summary>
    public Collector(Heap heap)
    {
        _heap = heap;
        _heads = (GcHead*)NativeMemory.AllocZeroed((nuint)(sizeof(GcHead) * (Generations + 1)));
        for (var i = 0; i <= Generations; i++)
        {
            GcList.Init(&_heads[i]);
        }

        (_thresholds[0], _thresholds[1], _thresholds[2]) = heap.Profile.DefaultThresholds;
        Garbage = PyRef.Null;
    }

    /// <summary>Whether automatic collection is on (gc.enable / gc.disable).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The DEBUG_* flags (gc.set_debug).</summary>
    public GcDebugFlags Debug { get; set; }

    /// <summary>Where DEBUG_STATS and the other debug output go; stderr by default.</summary>
    public TextWriter DebugWriter { get; set; } = Console.Error;

    /// <summary>Whether a collection is running now (a collection never nests).</summary>
    public bool IsCollecting => _collecting;

    /// <summary>gc.garbage: a list, made on first use; borrowed.</summary>
    public PyRef Garbage { get; private set; }

    /// <summary>Objects that survived full collections (long_lived_total).</summary>
    public long LongLivedTotal { get; private set; }

    /// <summary>Objects promoted into the oldest generation since the last full collection (long_lived_pending).</summary>
    public long LongLivedPending { get; private set; }

    /// <summary>The head of generation <paramref name="g"/> (0..2), or 3 for the permanent generation.</summary>
    internal GcHead* Head(int g) => &_heads[g];

    /// <summary>gc.get_threshold / set_threshold.</summary>
    public (int Gen0, int Gen1, int Gen2) Thresholds
    {
        get => (_thresholds[0], _thresholds[1], _thresholds[2]);
        set => (_thresholds[0], _thresholds[1], _thresholds[2]) = value;
    }

    /// <summary>gc.get_count: the three generation counts.</summary>
    public (int Gen0, int Gen1, int Gen2) Counts => (_counts[0], _counts[1], _counts[2]);

    /// <summary>Whether the object is in a generation list (gc.is_tracked).</summary>
    public static bool IsTracked(PyObject* o) => GcHead.Of(o)->Next != 0;

    /// <summary>Whether the object has a GC header (its type is collectable).</summary>
    public static bool IsGcObject(PyObject* o) => (o->Type->Flags & TypeFlags.HaveGc) != 0;

    /// <summary>
    /// Whether an object could take part in a cycle now (_PyObject_GC_MAY_BE_TRACKED): a
    /// collectable object, except an exact tuple that is untracked (CPython special-cases
    /// only tuples: a dict may start being tracked at any later insertion).
    /// </summary>
    public bool MayBeTracked(PyObject* o)
    {
        if (!IsGcObject(o))
        {
            return false;
        }

        return o->Type != _heap.Types.Tuple.TypeObject || IsTracked(o);
    }

    /// <summary>Adds a collectable object to generation 0 (no-op when already tracked).</summary>
    public void Track(PyObject* o)
    {
        var g = GcHead.Of(o);
        if (g->Next != 0)
        {
            return;
        }

        GcList.Append(g, Head(0));
    }

    /// <summary>Removes an object from its generation (no-op when untracked); keeps the finalized bit.</summary>
    public void Untrack(PyObject* o)
    {
        var g = GcHead.Of(o);
        if (g->Next == 0)
        {
            return;
        }

        GcList.Remove(g);
        g->Next = 0;
        g->Prev &= GcBits.Finalized;
    }

    /// <summary>Whether the object's finalizer already ran (gc.is_finalized, 3.12).</summary>
    public static bool IsFinalized(PyObject* o) => IsGcObject(o) && (GcHead.Of(o)->Prev & GcBits.Finalized) != 0;

    /// <summary>Marks the object's finalizer as run.</summary>
    public static void SetFinalized(PyObject* o) => GcHead.Of(o)->Prev |= GcBits.Finalized;

    /// <summary>
    /// Counts a new collectable object and runs an automatic collection when the counts say
    /// so (the allocation side of _PyObject_GC_Alloc). Called before the object exists.
    /// </summary>
    public void OnAllocate()
    {
        _counts[0]++;
        if (_counts[0] > _thresholds[0] && Enabled && _thresholds[0] != 0 && !_collecting && !_heap.ErrorOccurred)
        {
            CollectGenerations();
        }
    }

    /// <summary>Uncounts a freed collectable object (PyObject_GC_Del).</summary>
    public void OnFree()
    {
        if (_counts[0] > 0)
        {
            _counts[0]--;
        }
    }

    /// <summary>
    /// Picks the generation an automatic collection collects: the oldest whose count exceeds
    /// its threshold.
    /// </summary>
    /// <remarks>
    /// NOTE (the long-lived rule, CPython issue #4074): a full collection is skipped unless
    /// the objects promoted into the oldest generation since the last full collection exceed
    /// 25 % of the objects that survived it. Without it, building a large structure of
    /// tracked objects costs time quadratic in its size, as every 10th generation-1
    /// collection would rescan the whole heap.
    /// </remarks>
    private void CollectGenerations()
    {
        for (var i = Generations - 1; i >= 0; i--)
        {
            if (_counts[i] > _thresholds[i])
            {
                if (i == Generations - 1 && LongLivedPending < LongLivedTotal / 4)
                {
                    continue;
                }

                CollectWithCallbacks(i, automatic: true);
                break;
            }
        }
    }

    /// <summary>Objects in generation <paramref name="g"/> (0..2; 3 = permanent).</summary>
    public long CountObjects(int g) => GcList.Count(Head(g));

    /// <summary>Visits every tracked object in generation <paramref name="g"/> (or all generations when null).</summary>
    public void ForEachTracked(int? g, Action<nint> visit)
    {
        for (var i = g ?? 0; i <= (g ?? Generations - 1); i++)
        {
            var head = Head(i);
            for (var h = GcList.Next(head); h != head; h = GcList.Next(h))
            {
                visit((nint)h->Object);
            }
        }
    }

    /// <summary>gc.freeze (3.12): moves every tracked object to the permanent generation.</summary>
    public void Freeze()
    {
        for (var i = 0; i < Generations; i++)
        {
            GcList.Merge(Head(i), Head(Generations));
            _counts[i] = 0;
        }
    }

    /// <summary>gc.unfreeze (3.12): moves the permanent generation back into the oldest one.</summary>
    public void Unfreeze() => GcList.Merge(Head(Generations), Head(Generations - 1));

    /// <summary>gc.get_freeze_count.</summary>
    public long FreezeCount => CountObjects(Generations);

    private PyRef EnsureGarbageList()
    {
        if (Garbage.IsNull)
        {
            Garbage = _heap.NewList();
        }

        return Garbage;
    }

    /// <summary>Releases the gc.garbage list (heap teardown).</summary>
    internal void ReleaseGarbage()
    {
        var g = Garbage;
        Garbage = PyRef.Null;
        g.XDecRef();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _dictCandidates.Dispose();
        NativeMemory.Free(_heads);
    }

    /// <summary>
    /// Debug builds: after a collection of <paramref name="generation"/>, the generations it
    /// touched (it and the younger ones, and the one survivors moved to) are well-formed lists
    /// with no collection flag left on any object. Only those: checking the oldest generation
    /// after every young collection would make a long run quadratic.
    /// </summary>
    [Conditional("DEBUG")]
    private void ValidateGenerations(int generation)
    {
        for (var i = 0; i <= Math.Min(generation + 1, Generations - 1); i++)
        {
            ValidateList(Head(i), 0);
        }
    }

    [Conditional("DEBUG")]
    private static void ValidateList(GcHead* head, nint expectedPrevFlags)
    {
        var prev = head;
        for (var g = GcList.Next(head); g != head; g = GcList.Next(g))
        {
            System.Diagnostics.Debug.Assert(GcList.Prev(g) == prev, "broken back link");
            System.Diagnostics.Debug.Assert((g->Prev & GcBits.Collecting) == (expectedPrevFlags & GcBits.Collecting), "unexpected COLLECTING bit");
            System.Diagnostics.Debug.Assert((g->Prev & GcBits.Unreachable) == 0, "stray UNREACHABLE bit");
            prev = g;
        }

        System.Diagnostics.Debug.Assert(GcList.Prev(head) == prev, "broken tail link");
    }
}
