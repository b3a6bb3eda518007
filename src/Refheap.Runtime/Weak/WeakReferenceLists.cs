using Refheap.Gc;
using Refheap.Objects;

namespace Refheap.Weak;

/// <summary>
/// The lists of weak references hanging off referents, and what happens to them when a
/// referent dies: by reference counting (<see cref="ClearAll"/>, PyObject_ClearWeakRefs) or
/// in a collection (<see cref="HandleWeakReferences"/>, handle_weakrefs).
/// </summary>
internal static unsafe class WeakReferenceLists
{
    /// <summary>The shared callback-less <c>ref</c> and proxy at the head of a list (get_basic_refs), or null.</summary>
    public static void BasicReferences(PyWeakReference* head, out PyWeakReference* basicRef, out PyWeakReference* basicProxy)
    {
        basicRef = null;
        basicProxy = null;
        if (head == null || head->Callback != null)
        {
            return;
        }

        if (KindOf(head) == WeakReferenceKind.Reference)
        {
            basicRef = head;
            head = head->Next;
        }

        if (head != null && head->Callback == null && KindOf(head) != WeakReferenceKind.Reference)
        {
            basicProxy = head;
        }
    }

    // A KeyedRef is a kind of ref (a subclass of weakref.ref in CPython).
    private static WeakReferenceKind KindOf(PyWeakReference* wr) =>
        ((PyObject*)wr)->Type->Descriptor is WeakReferenceType w ? w.Kind : WeakReferenceKind.Reference;

    /// <summary>Links <paramref name="wr"/> first in the list.</summary>
    public static void InsertHead(PyWeakReference* wr, PyWeakReference** list)
    {
        var next = *list;
        wr->Prev = null;
        wr->Next = next;
        if (next != null)
        {
            next->Prev = wr;
        }

        *list = wr;
    }

    /// <summary>Links <paramref name="wr"/> right after <paramref name="prev"/>, or first when <paramref name="prev"/> is null.</summary>
    public static void InsertAfter(PyWeakReference* wr, PyWeakReference* prev, PyWeakReference** list)
    {
        if (prev == null)
        {
            InsertHead(wr, list);
            return;
        }

        wr->Prev = prev;
        wr->Next = prev->Next;
        if (prev->Next != null)
        {
            prev->Next->Prev = wr;
        }

        prev->Next = wr;
    }

    /// <summary>
    /// Clears a weak reference: unlinks it from its referent's list and points it at None
    /// (clear_weakref); the callback is dropped too when <paramref name="dropCallback"/>
    /// (_PyWeakref_ClearRef keeps it, for the collector to call).
    /// </summary>
    public static void Clear(PyWeakReference* wr, bool dropCallback)
    {
        var self = (PyObject*)wr;
        var heap = self->Type->Descriptor.Heap;
        var referent = wr->Referent;
        if (referent != null && referent != heap.NoneObject)
        {
            var list = (PyWeakReference**)((byte*)referent + referent->Type->Descriptor.WeakListOffset);
            if (*list == wr)
            {
                *list = wr->Next;
            }

            if (wr->Prev != null)
            {
                wr->Prev->Next = wr->Next;
            }

            if (wr->Next != null)
            {
                wr->Next->Prev = wr->Prev;
            }

            wr->Prev = null;
            wr->Next = null;
        }

        // None is immortal: the weak reference does not own what it points at.
        wr->Referent = heap.NoneObject;
        if (dropCallback)
        {
            Heap.ClearRef(ref wr->Callback);
        }
    }

    /// <summary>getweakrefcount: the weak references and proxies to an object.</summary>
    public static int Count(PyObject* referent)
    {
        var offset = referent->Type->Descriptor.WeakListOffset;
        var n = 0;
        for (var wr = offset == 0 ? null : *(PyWeakReference**)((byte*)referent + offset); wr != null; wr = wr->Next)
        {
            n++;
        }

        return n;
    }

    /// <summary>getweakrefs: the weak references and proxies to an object, in list order (borrowed).</summary>
    public static List<PyRef> All(PyObject* referent)
    {
        var result = new List<PyRef>();
        var offset = referent->Type->Descriptor.WeakListOffset;
        for (var wr = offset == 0 ? null : *(PyWeakReference**)((byte*)referent + offset); wr != null; wr = wr->Next)
        {
            result.Add(new PyRef((PyObject*)wr));
        }

        return result;
    }

    /// <summary>
    /// The referent is being deallocated (PyObject_ClearWeakRefs). After this: every weak
    /// reference to it is cleared, and the callbacks of those still alive have run in list
    /// order (newest first), each with its weak reference; an exception in a callback is
    /// reported as unraisable. A pending exception is preserved.
    /// </summary>
    public static void ClearAll(Heap heap, PyObject** slot)
    {
        var list = (PyWeakReference**)slot;

        // The shared callback-less ref and proxy first: they have nothing to call.
        for (var i = 0; i < 2 && *list != null && (*list)->Callback == null; i++)
        {
            Clear(*list, dropCallback: true);
        }

        if (*list == null)
        {
            return;
        }

        // Take every remaining reference out of the list before any callback runs, so that a
        // callback sees its referent gone from all of them.
        var saved = heap.FetchError();
        var pending = new List<(nint Reference, nint Callback)>();
        while (*list != null)
        {
            var wr = *list;
            var callback = wr->Callback;
            wr->Callback = null;
            Clear(wr, dropCallback: false);
            if (callback == null)
            {
                continue;
            }

            if (((PyObject*)wr)->RefCount > 0)
            {
                // A reference being deallocated (count 0, deferred) gets no callback.
                Heap.IncRef((PyObject*)wr);
                pending.Add(((nint)wr, (nint)callback));
            }
            else
            {
                Heap.DecRef(callback);
            }
        }

        foreach (var (wr, callback) in pending)
        {
            CallCallback(heap, (PyObject*)wr, (PyObject*)callback);
            Heap.DecRef((PyObject*)callback);
            Heap.DecRef((PyObject*)wr);
        }

        heap.RestoreError(saved);
    }

    private static void CallCallback(Heap heap, PyObject* wr, PyObject* callback)
    {
        if (heap.FinalizersSilenced)
        {
            return;
        }

        // 3.x: PyObject_CallOneArg; 2.7: PyObject_CallFunctionObjArgs (a new tuple).
        var result = heap.CallVector(callback, [new PyRef(wr)]);
        if (result.IsNull)
        {
            heap.WriteUnraisableIn(callback);
        }
        else
        {
            result.DecRef();
        }
    }

    /// <summary>
    /// The collector's weak-reference phase (handle_weakrefs). After this: every weak
    /// reference to an object of <paramref name="unreachable"/> is cleared, and so is every
    /// weak reference that is itself unreachable; the callbacks of the cleared references that
    /// are reachable have run — only after all the clearing, so no callback can reach the
    /// garbage through a weak reference. Returns how many weak references those callbacks
    /// freed (they count as collected, as in CPython); <paramref name="callbacksRan"/> says
    /// whether any callback ran (then arbitrary code did).
    /// </summary>
    public static long HandleWeakReferences(Heap heap, GcHead* unreachable, GcHead* old, out bool callbacksRan)
    {
        GcHead toCall;
        GcList.Init(&toCall);

        // Garbage comes in runs of one type: what the type says is looked up once per run.
        PyTypeObject* type = null;
        var isWeakReference = false;
        var offset = 0;
        for (var g = GcList.Next(unreachable); g != unreachable; g = GcList.Next(g))
        {
            var op = g->Object;
            if (op->Type != type)
            {
                type = op->Type;
                isWeakReference = WeakReferenceType.IsWeakReference(op);
                offset = type->Descriptor.WeakListOffset;
            }

            if (isWeakReference)
            {
                // Its callback must not run during delete_garbage (bpo-38006).
                Clear((PyWeakReference*)op, dropCallback: false);
            }

            if (offset == 0)
            {
                continue;
            }

            var list = (PyWeakReference**)((byte*)op + offset);
            while (*list != null)
            {
                var wr = *list;
                Clear(wr, dropCallback: false);
                if (wr->Callback == null)
                {
                    continue;
                }

                // A weak reference that is garbage itself gets no callback.
                var wg = GcHead.Of((PyObject*)wr);
                if ((wg->Prev & GcBits.Collecting) != 0)
                {
                    continue;
                }

                Heap.IncRef((PyObject*)wr);
                GcList.Move(wg, &toCall);
            }
        }

        long freed = 0;
        callbacksRan = !GcList.IsEmpty(&toCall);
        while (!GcList.IsEmpty(&toCall))
        {
            var g = GcList.Next(&toCall);
            var wr = (PyWeakReference*)g->Object;
            CallCallback(heap, (PyObject*)wr, wr->Callback);
            Heap.DecRef((PyObject*)wr);
            if (GcList.Next(&toCall) == g)
            {
                GcList.Move(g, old);
            }
            else
            {
                freed++;
            }
        }

        return freed;
    }
}
