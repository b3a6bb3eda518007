using System.Diagnostics;
using System.Runtime.Intrinsics.X86;
using Refheap.Objects;

namespace Refheap.Gc;

/// <remarks>
/// The states of an object's gc_refs during one collection:
/// <code>
///  ┌───────────────┐ UpdateRefs    ┌──────────────────────┐ SubtractRefs  ┌──────────────────────────┐
///  │ tracked, in a │──────────────►│ COLLECTING,          │──────────────►│ COLLECTING,              │
///  │ generation    │ refs=refcount │ gc_refs = refcount   │ minus refs    │ gc_refs = refs from      │
///  └───────────────┘               └──────────────────────┘ from young    │ outside the young set    │
///                                                                          └────────────┬─────────────┘
///                                         MoveUnreachable: gc_refs &gt; 0, or reached     │
///                              ┌──────────────────────────────────────────────────────┤
///                              ▼                                                       ▼ gc_refs == 0 when scanned
///                  ┌───────────────────────┐ ReachableVisitor finds it later ┌─────────────────────────────┐
///                  │ reachable: back in    │◄────────────────────────────────│ UNREACHABLE (tentatively),  │
///                  │ young, links restored │                                 │ in the unreachable list     │
///                  └───────────┬───────────┘                                 └──────────────┬──────────────┘
///                              │ promoted to the older generation                           │ finalizers, weakrefs,
///                              ▼                                                            ▼ clear → freed, or survives into `old`
/// </code>
/// </remarks>
internal sealed unsafe partial class Collector
{
    /// <summary>Receives a snapshot after each phase of a collection (for visualizers and tests); null = off, and then it costs nothing.</summary>
    public ICollectionObserver? Observer { get; set; }

    /// <summary>How far ahead in memory <see cref="MoveUnreachable"/> prefetches from an unreachable object (bytes).</summary>
    private const int UnreachablePrefetchDistance = 4096;

    /// <summary>
    /// Collects generation <paramref name="generation"/> and all younger ones; returns the
    /// number of unreachable objects found (collected plus uncollectable), as gc.collect().
    /// </summary>
    private CollectionResult Collect(int generation)
    {
        var started = Stopwatch.GetTimestamp();
        if (Debug.HasFlag(GcDebugFlags.Stats))
        {
            WriteStatsHeader(generation);
        }

        // The counts: the next generation sees one more collection; these start over.
        if (generation + 1 < Generations)
        {
            _counts[generation + 1]++;
        }

        for (var i = 0; i <= generation; i++)
        {
            _counts[i] = 0;
        }

        GcHead unreachable, finalizers;
        var young = MergeYoungerGenerations(generation);
        var old = generation < Generations - 1 ? Head(generation + 1) : young;
        var full = young == old;

        var examined = DeduceUnreachable(young, &unreachable, untrackAtomic: true, collectDicts: full, out var survivors, out var unreachableCount, out var finalizerSeen, out var weakReferenceSeen);
        if (full)
        {
            survivors -= UntrackAtomicDicts();
        }

        PromoteSurvivors(generation, young, old, survivors);

        var anyFinalizer = finalizerSeen && MoveLegacyFinalizers(&unreachable, &finalizers);
        if (!anyFinalizer)
        {
            GcList.Init(&finalizers);
        }

        MoveLegacyFinalizerReachable(&finalizers);
        Notify(CollectionPhase.LegacyFinalizers, &unreachable, &finalizers);

        // Without finalizers nothing left unreachable since MoveUnreachable counted it.
        long collected = 0;
        if (_heap.Profile.LegacyFinalizers)
        {
            collected = anyFinalizer ? GcList.Count(&unreachable) : unreachableCount;
        }

        ReportCollectable(&unreachable);
        var callbacksRan = false;
        if (weakReferenceSeen)
        {
            collected += Weak.WeakReferenceLists.HandleWeakReferences(_heap, &unreachable, old, out callbacksRan);
        }

        Notify(CollectionPhase.WeakReferences, &unreachable, null);

        if (!_heap.Profile.LegacyFinalizers && anyFinalizer)
        {
            GcHead stillUnreachable;
            FinalizeGarbage(&unreachable);
            HandleResurrectedObjects(&unreachable, &stillUnreachable, old);
            Notify(CollectionPhase.Resurrection, &stillUnreachable, null);
            collected += GcList.Count(&stillUnreachable);
            DeleteGarbage(&stillUnreachable, old);
        }
        else if (!_heap.Profile.LegacyFinalizers)
        {
            // No finalizer ran, so nothing can have been resurrected: the resurrection check
            // would find the same set (CPython runs it regardless).
            Notify(CollectionPhase.Resurrection, &unreachable, null);
            collected += callbacksRan ? GcList.Count(&unreachable) : unreachableCount;
            DeleteGarbage(&unreachable, old);
        }
        else
        {
            DeleteGarbage(&unreachable, old);
        }

        var uncollectable = HandleLegacyFinalizers(&finalizers, old);
        ValidateGenerations(generation);
        if (generation == Generations - 1)
        {
            _heap.FreeLists.ClearForFullCollection();
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        if (Debug.HasFlag(GcDebugFlags.Stats))
        {
            WriteStatsFooter(collected, uncollectable, elapsed);
        }

        return new CollectionResult(generation, examined, collected, uncollectable, elapsed);
    }

    /// <summary>
    /// Merges generations 0..generation-1 into <paramref name="generation"/>.
    /// After this: the younger generations are empty and the returned list holds them all.
    /// </summary>
    private GcHead* MergeYoungerGenerations(int generation)
    {
        for (var i = 0; i < generation; i++)
        {
            GcList.Merge(Head(i), Head(generation));
        }

        return Head(generation);
    }

    /// <summary>
    /// Splits <paramref name="young"/> into what is reachable from outside it and what is not;
    /// returns how many objects it examined. After this: <paramref name="young"/> holds the
    /// reachable objects with their links restored and COLLECTING cleared (less the atomic
    /// tuples, untracked, when <paramref name="untrackAtomic"/>; <paramref name="survivors"/>
    /// counts what stays); <paramref name="unreachable"/> holds the rest
    /// (<paramref name="unreachableCount"/> objects), still COLLECTING and UNREACHABLE;
    /// <paramref name="finalizerSeen"/> says whether any of them may have a finalizer, and
    /// <paramref name="weakReferenceSeen"/> whether any is a weak reference or has one.
    /// </summary>
    private long DeduceUnreachable(GcHead* young, GcHead* unreachable, bool untrackAtomic, bool collectDicts, out long survivors, out long unreachableCount, out bool finalizerSeen, out bool weakReferenceSeen)
    {
        ValidateList(young, 0);
        long examined;
        if (collectDicts && GcList.IsEmpty(Head(Generations)))
        {
            examined = UpdateAndSubtractRefs(young);
        }
        else
        {
            examined = UpdateRefs(young);
            SubtractRefs(young);
        }

        Notify(CollectionPhase.SubtractRefs, young, null);
        GcList.Init(unreachable);
        survivors = MoveUnreachable(young, unreachable, untrackAtomic, collectDicts, out unreachableCount, out finalizerSeen, out weakReferenceSeen);
        Notify(CollectionPhase.MoveUnreachable, young, unreachable);

        ValidateList(young, 0);
        return examined;
    }

    /// <summary>
    /// After this: every object in <paramref name="young"/> is COLLECTING and its gc_refs
    /// equals its reference count (Prev holds the count, not a back link). Returns the count of objects.
    /// </summary>
    private static long UpdateRefs(GcHead* young)
    {
        long n = 0;
        for (var g = GcList.Next(young); g != young; g = GcList.Next(g))
        {
            var count = g->Object->RefCount;

            // Keep FINALIZED; the back links are rebuilt by MoveUnreachable.
            g->Prev = (g->Prev & GcBits.Finalized) | GcBits.Collecting | (count << GcBits.RefsShift);
            n++;
        }

        return n;
    }

    /// <summary>
    /// After this: each object's gc_refs counts only the references from outside
    /// <paramref name="young"/>: every reference between two young objects was subtracted.
    /// </summary>
    private static void SubtractRefs(GcHead* young)
    {
        var visitor = default(DecrefVisitor);
        for (var g = GcList.Next(young); g != young; g = GcList.Next(g))
        {
            ChildTraversal.Traverse(g->Object, ref visitor, &DecrefVisitor.Function, null);
        }
    }

    /// <summary>
    /// <see cref="UpdateRefs"/> and <see cref="SubtractRefs"/> in one pass, for a full
    /// collection with nothing frozen: then every tracked object is in young, so "tracked and
    /// not yet COLLECTING" identifies a young object whose gc_refs is not set yet, and it is
    /// set on first touch (by the scan or by a reference to it). Same result as the two
    /// passes, with one walk over the heap instead of two. Returns the count of objects.
    /// </summary>
    /// <remarks>
    /// The order of this pass is unobservable (each object's gc_refs ends the same whatever
    /// the order), so it walks the allocator's object map in address order rather than
    /// young's links: after long churn the list order, which is allocation order, jumps
    /// between pools at every step, a cache miss that the next step must wait for; the map
    /// streams through each pool. The set is the same: every tracked object is a GC block
    /// of this heap's allocator, and a GC block is tracked iff its header has a next link.
    /// </remarks>
    private long UpdateAndSubtractRefs(GcHead* young)
    {
        var walker = default(SubtractRefsWalker);
        _heap.Allocator.WalkObjects(ref walker);
        System.Diagnostics.Debug.Assert(walker.Count == GcList.Count(young), "the object map and young disagree on the tracked objects");
        return walker.Count;
    }

    /// <summary>
    /// Scans <paramref name="young"/> in order: an object with gc_refs &gt; 0 is reachable and
    /// everything it references is marked reachable (moved back from the unreachable list if
    /// already there); an object with gc_refs == 0 moves, tentatively, to the unreachable list.
    /// After this: young holds exactly the objects reachable from outside it, with back links
    /// restored and COLLECTING cleared; unreachable holds the rest, COLLECTING and UNREACHABLE.
    /// Returns how many stay in young; <paramref name="unreachableCount"/> is how many end in
    /// unreachable; <paramref name="finalizerSeen"/> is set when an object
    /// whose type has a finalizer went to unreachable (it may have come back since), and
    /// <paramref name="weakReferenceSeen"/> when a weak reference or an object with weak
    /// references did (nothing runs between this scan and the weakref phase, so no weak
    /// reference can appear meanwhile).
    /// </summary>
    /// <remarks>
    /// Two of CPython's separate passes over the reachable objects are folded into this scan:
    /// untracking tuples whose items can never be tracked (untrack_tuples, which 2.7 also did
    /// here) — the scan meets the objects in the same order as that pass would — and, in a
    /// full collection, gathering the dicts for <see cref="UntrackAtomicDicts"/>, which must run
    /// after all tuples are settled and so only records them here (only those it may untrack:
    /// a dict holding a collectable non-tuple stays tracked whatever the tuples do, and is
    /// told apart here while it is in cache).
    /// </remarks>
    private long MoveUnreachable(GcHead* young, GcHead* unreachable, bool untrackAtomic, bool collectDicts, out long unreachableCount, out bool finalizerSeen, out bool weakReferenceSeen)
    {
        finalizerSeen = false;
        weakReferenceSeen = false;
        var observer = Observer is { WantsReachable: true } watching ? watching : null;
        var tupleType = _heap.Types.Tuple.TypeObject;
        var dicts = _heap.Types.Dict;
        var dictType = dicts.TypeObject;
        long survivors = 0;
        long movedOut = 0;
        var reach = new ReachableVisitor(young);
        var prev = young;
        var g = GcList.Next(young);
        while (g != young)
        {
            var refs = g->Prev >> GcBits.RefsShift;
            if (refs != 0)
            {
                observer?.OnReachable((nint)g->Object, refs);
                var o = g->Object;

                // The traversal may append to young (objects found reachable again), so the
                // next object is read only after it.
                ChildTraversal.Traverse(o, ref reach, &ReachableVisitor.Function, &reach);
                if (untrackAtomic && o->Type == tupleType && _heap.Types.Tuple.CanUntrack(o))
                {
                    // Leave the list: prev stays, and the object is untracked.
                    prev->Next = g->Next;
                    g->Next = 0;
                    g->Prev &= GcBits.Finalized;
                }
                else
                {
                    if (collectDicts && o->Type == dictType && dicts.MayBecomeUntrackable(o))
                    {
                        _dictCandidates.Add((nint)o);
                    }

                    g->Prev = (g->Prev & GcBits.Finalized) | (nint)prev;
                    prev = g;
                    survivors++;
                }
            }
            else
            {
                // The scan chases Next pointers through headers laid out, as allocated, in
                // address order inside each size class's pools; a reachable object's traversal
                // pulls its neighbours into cache, an unreachable one's branch does not, and a
                // heap of garbage is then walked one cache miss at a time. Asking for the memory
                // a page further on keeps lines arriving ahead of the walk (py27 full_garbage at
                // 300,000 Tasks: MoveUnreachable 207 → 92 ms). A prefetch never faults, so the
                // address need not be mapped.
                if (Sse.IsSupported)
                {
                    Sse.Prefetch0((byte*)g + UnreachablePrefetchDistance);
                }

                // Unlink from young (singly, for now: back links are rebuilt at the end) and
                // append to unreachable, marked so ReachableVisitor can tell.
                prev->Next = g->Next;
                var last = (GcHead*)(unreachable->Prev & ~GcBits.PrevFlagsMask);
                last->Next = (nint)g;
                g->Prev = (g->Prev & (GcBits.Finalized | GcBits.Collecting)) | GcBits.Unreachable | (nint)last;
                g->Next = (nint)unreachable;
                unreachable->Prev = (nint)g;
                var flags = g->Object->Type->Flags;
                finalizerSeen |= (flags & TypeFlags.HasFinalizer) != 0;
                if (!weakReferenceSeen && (flags & TypeFlags.WeakReferenceWork) != 0)
                {
                    weakReferenceSeen = HasWeakReferenceWork(g->Object);
                }

                movedOut++;
            }

            g = (GcHead*)prev->Next;
        }

        young->Prev = (nint)prev;
        unreachableCount = movedOut - reach.Rescued;
        return survivors;
    }

    /// <summary>Whether the weakref phase has work for <paramref name="o"/>: it is a weak reference, or weak references to it exist.</summary>
    private static bool HasWeakReferenceWork(PyObject* o)
    {
        if (Weak.WeakReferenceType.IsWeakReference(o))
        {
            return true;
        }

        var offset = o->Type->Descriptor.WeakListOffset;
        return offset != 0 && *(PyObject**)((byte*)o + offset) != null;
    }

    /// <summary>
    /// Moves the survivors to the next generation and keeps the long-lived counts.
    /// After this: young is empty (unless it is the oldest generation, which keeps them).
    /// </summary>
    private void PromoteSurvivors(int generation, GcHead* young, GcHead* old, long survivors)
    {
        if (young != old)
        {
            if (generation == Generations - 2)
            {
                LongLivedPending += survivors;
            }

            GcList.Merge(young, old);
        }
        else
        {
            LongLivedPending = 0;
            LongLivedTotal = survivors;
        }
    }

    /// <summary>
    /// Full collections only. After this: no surviving dict whose keys and values can never be
    /// tracked is tracked; returns how many were untracked.
    /// </summary>
    /// <remarks>
    /// NOTE (CPython issue #14775): dicts are untracked only in full collections, so that
    /// building a big dict of dicts does not cost a quadratic rescan.
    /// </remarks>
    private long UntrackAtomicDicts()
    {
        var dicts = _heap.Types.Dict;
        long n = 0;
        for (var i = 0; i < _dictCandidates.Count; i++)
        {
            var o = (PyObject*)_dictCandidates[i];
            if (dicts.CanUntrack(o))
            {
                Untrack(o);
                n++;
            }
        }

        _dictCandidates.Clear();
        return n;
    }

    /// <summary>
    /// 2.7: moves the unreachable objects that have <c>__del__</c> to <paramref name="finalizers"/>.
    /// After this: unreachable holds only objects without a legacy finalizer (3.12: user
    /// classes' <c>__del__</c> is a PEP 442 finalizer, so nothing moves). Returns whether any
    /// object in unreachable has a finalizer. Run only when MoveUnreachable saw one.
    /// </summary>
    private bool MoveLegacyFinalizers(GcHead* unreachable, GcHead* finalizers)
    {
        GcList.Init(finalizers);
        var legacy = _heap.Profile.LegacyFinalizers;
        var any = false;
        var g = GcList.Next(unreachable);
        while (g != unreachable)
        {
            var next = GcList.Next(g);
            if ((g->Object->Type->Flags & TypeFlags.HasFinalizer) != 0
                && (!legacy || g->Object->Type->Descriptor.HasLegacyFinalizer(g->Object)))
            {
                any = true;
                if (legacy)
                {
                    g->Prev &= ~(GcBits.Collecting | GcBits.Unreachable);
                    GcList.Move(g, finalizers);
                }
            }

            g = next;
        }

        return any;
    }

    /// <summary>
    /// After this: everything reachable from an object in <paramref name="finalizers"/> is in
    /// that list too, as the finalizers may still use it.
    /// </summary>
    private static void MoveLegacyFinalizerReachable(GcHead* finalizers)
    {
        for (var g = GcList.Next(finalizers); g != finalizers; g = GcList.Next(g))
        {
            var o = g->Object;
            o->Type->Traverse(o, &VisitMove, finalizers);
        }
    }

    private static int VisitMove(PyObject* child, void* arg)
    {
        if ((child->Type->Flags & TypeFlags.HaveGc) == 0)
        {
            return 0;
        }

        var g = GcHead.Of(child);
        if ((g->Prev & GcBits.Collecting) != 0)
        {
            g->Prev &= ~(GcBits.Collecting | GcBits.Unreachable);
            GcList.Move(g, (GcHead*)arg);
        }

        return 0;
    }

    private void ReportCollectable(GcHead* unreachable)
    {
        if (!Debug.HasFlag(GcDebugFlags.Collectable))
        {
            return;
        }

        for (var g = GcList.Next(unreachable); g != unreachable; g = GcList.Next(g))
        {
            DebugCycle("collectable", g->Object);
        }
    }

    /// <summary>
    /// 3.12 (PEP 442): runs each unreachable object's finalizer once. After this: every
    /// object with <c>__del__</c> still in the list is marked finalized; objects may have
    /// been freed or resurrected meanwhile.
    /// </summary>
    private void FinalizeGarbage(GcHead* collectable)
    {
        GcHead seen;
        GcList.Init(&seen);

        // A finalizer may free or resurrect anything: always take the list's first object.
        while (!GcList.IsEmpty(collectable))
        {
            var g = GcList.Next(collectable);
            var o = g->Object;
            GcList.Move(g, &seen);
            if ((g->Prev & GcBits.Finalized) == 0 && Heap.HasFinalizer(o->Type))
            {
                g->Prev |= GcBits.Finalized;
                Heap.IncRef(o);
                _heap.CallFinalizer(o);
                Heap.DecRef(o);
            }
        }

        GcList.Merge(&seen, collectable);
    }

    /// <summary>
    /// 3.12: runs the reachability analysis again on the finalized set. After this: objects a
    /// finalizer made reachable are in <paramref name="old"/>; <paramref name="stillUnreachable"/>
    /// holds what may be cleared.
    /// </summary>
    private void HandleResurrectedObjects(GcHead* unreachable, GcHead* stillUnreachable, GcHead* old)
    {
        for (var g = GcList.Next(unreachable); g != unreachable; g = GcList.Next(g))
        {
            g->Prev &= ~(GcBits.Collecting | GcBits.Unreachable);
        }

        var observer = Observer;
        Observer = null;
        DeduceUnreachable(unreachable, stillUnreachable, untrackAtomic: false, collectDicts: false, out _, out _, out _, out _);
        Observer = observer;
        GcList.Merge(unreachable, old);
    }

    /// <summary>
    /// Breaks the cycles: clears each object in <paramref name="collectable"/> through its
    /// type's clear, which drops references until counts reach zero. After this: the list is
    /// empty; objects that survived their clear were moved to <paramref name="old"/>.
    /// DEBUG_SAVEALL appends each object to gc.garbage instead.
    /// </summary>
    private void DeleteGarbage(GcHead* collectable, GcHead* old)
    {
        var saveAll = Debug.HasFlag(GcDebugFlags.SaveAll);
        while (!GcList.IsEmpty(collectable))
        {
            var g = GcList.Next(collectable);
            var o = g->Object;
            if (saveAll)
            {
                AppendToGarbage(o);
            }
            else
            {
                Heap.IncRef(o);
                o->Type->Descriptor.Clear(o);
                if (_heap.ErrorOccurred)
                {
                    _heap.WriteUnraisable(null, $"tp_clear of {o->Type->Descriptor.Name}");
                }

                Heap.DecRef(o);
            }

            if (GcList.Next(collectable) == g)
            {
                // Still alive: move it on; it may die later.
                g->Prev &= ~(GcBits.Collecting | GcBits.Unreachable);
                GcList.Move(g, old);
            }
        }
    }

    /// <summary>
    /// Puts the uncollectable objects where the program can see them. After this:
    /// gc.garbage holds each object of <paramref name="finalizers"/> that has a legacy
    /// finalizer (all of them with DEBUG_SAVEALL); the list is merged into old. Returns the
    /// number of uncollectable objects.
    /// </summary>
    private long HandleLegacyFinalizers(GcHead* finalizers, GcHead* old)
    {
        long n = 0;
        var saveAll = Debug.HasFlag(GcDebugFlags.SaveAll);
        for (var g = GcList.Next(finalizers); g != finalizers; g = GcList.Next(g))
        {
            n++;
            var o = g->Object;
            if (Debug.HasFlag(GcDebugFlags.Uncollectable))
            {
                DebugCycle("uncollectable", o);
            }

            if (saveAll || (Heap.HasFinalizer(o->Type) && o->Type->Descriptor.HasLegacyFinalizer(o)))
            {
                AppendToGarbage(o);
            }
        }

        GcList.Merge(finalizers, old);
        return n;
    }

    private void AppendToGarbage(PyObject* o)
    {
        var garbage = EnsureGarbageList();
        if (garbage.IsNull || _heap.Types.List.Append(garbage.Ptr, o) < 0)
        {
            _heap.ClearError();
        }
    }

    private void DebugCycle(string what, PyObject* o)
    {
        if (!_heap.Profile.DebugCycleNeedsObjectsFlag || Debug.HasFlag(GcDebugFlags.Objects))
        {
            DebugWriter.WriteLine($"gc: {what} <{o->Type->Descriptor.Name} 0x{(nint)o:x}>");
        }
    }

    private void WriteStatsHeader(int generation)
    {
        DebugWriter.WriteLine($"gc: collecting generation {generation}...");
        DebugWriter.WriteLine($"gc: objects in each generation: {CountObjects(0)} {CountObjects(1)} {CountObjects(2)}");
        if (!_heap.Profile.LegacyFinalizers)
        {
            DebugWriter.WriteLine($"gc: objects in permanent generation: {CountObjects(Generations)}");
        }
    }

    /// <summary>The DEBUG_STATS closing line: "unreachable" is collected + uncollectable, as CPython prints n+m; 2.7 drops the counts when both are 0 and ends with a period.</summary>
    private void WriteStatsFooter(long collected, long uncollectable, TimeSpan elapsed)
    {
        var seconds = elapsed.TotalSeconds.ToString("F4", System.Globalization.CultureInfo.InvariantCulture);
        var unreachable = collected + uncollectable;
        if (!_heap.Profile.LegacyFinalizers)
        {
            DebugWriter.WriteLine($"gc: done, {unreachable} unreachable, {uncollectable} uncollectable, {seconds}s elapsed");
        }
        else if (unreachable == 0)
        {
            DebugWriter.WriteLine($"gc: done, {seconds}s elapsed.");
        }
        else
        {
            DebugWriter.WriteLine($"gc: done, {unreachable} unreachable, {uncollectable} uncollectable, {seconds}s elapsed.");
        }
    }

    private void Notify(CollectionPhase phase, GcHead* first, GcHead* second)
    {
        var observer = Observer;
        if (observer == null || !observer.Wants(phase))
        {
            return;
        }

        observer.OnPhase(phase, Snapshot(first), second == null ? [] : Snapshot(second));
    }

    private static List<ObservedObject> Snapshot(GcHead* list)
    {
        var result = new List<ObservedObject>();
        for (var g = GcList.Next(list); g != list; g = GcList.Next(g))
        {
            // A tentatively unreachable object's Prev is a link: its gc_refs was 0 when it moved.
            var refs = (g->Prev & GcBits.Unreachable) != 0 ? 0
                : (g->Prev & GcBits.Collecting) != 0 ? g->Prev >> GcBits.RefsShift : -1;
            result.Add(new ObservedObject((nint)g->Object, g->Object->Type->Descriptor.Name, refs));
        }

        return result;
    }
}
