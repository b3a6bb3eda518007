using System.Text;

namespace Refheap.Objects.Native.Tuple;

/// <summary><c>tuple</c>: an immutable array of owned references stored inline.</summary>
/// <remarks>
/// Layout: <see cref="PyVarObject"/> (count, type, size), then <c>size</c> item pointers.
/// As in CPython: the empty tuple is a shared singleton; freed tuples of length 1..19 are
/// kept on per-length free lists (up to 2000 each) and emptied by a full collection; a tuple
/// is tracked from birth and the collector untracks one whose items are all untracked.
/// </remarks>
internal sealed unsafe class TupleType : TypeDescriptor
{
    private const int MaxSaveSize = 20;
    private const int MaxFreeList = 2000;
    private const int ItemsOffset = 24;

    private readonly FreeList?[] _freeLists = new FreeList?[MaxSaveSize];

    /// <summary>Creates the descriptor.</summary>
    public TupleType(Heap heap)
        : base(heap, "tuple")
    {
    }

    /// <summary>The empty tuple singleton.</summary>
    public PyObject* Empty { get; private set; }

    /// <inheritdoc/>
    public override bool IsGc => true;

    internal override void Initialize()
    {
        for (var n = 1; n < MaxSaveSize; n++)
        {
            var size = AllocationSize(n);
            _freeLists[n] = Heap.FreeLists.Add(new FreeList($"tuple[{n}]", MaxFreeList, block => Heap.FreeObject((PyObject*)block, this, size)));
        }

        var empty = Heap.AllocObject(this, AllocationSize(0));
        if (empty == null)
        {
            throw new OutOfMemoryException("the heap limit is too small to hold the empty tuple");
        }

        // Invariant: the empty tuple is never freed while the heap lives; it is untracked like CPython's.
        empty->RefCount = Heap.ImmortalRefCount;
        Empty = empty;
    }

    /// <summary>
    /// Puts freed blocks on the free list of <paramref name="n"/>-tuples until it holds
    /// <paramref name="count"/> (what the interpreter's start-up leaves there), uncounted.
    /// </summary>
    public void Prefill(int n, int count)
    {
        var list = _freeLists[n]!;
        while (list.Count < Math.Min(count, list.Capacity))
        {
            var o = Heap.AllocObject(this, AllocationSize(n), counted: false);
            if (o == null)
            {
                Heap.ClearError();
                return;
            }

            // A listed block is a dead object: count 0, as one freed onto the list.
            o->RefCount = 0;
            list.TryPush(o);
        }
    }

    /// <summary>The bytes of a tuple of <paramref name="n"/> items (GC header not included).</summary>
    internal static nuint AllocationSize(nint n) => (nuint)(ItemsOffset + (8 * n));

    /// <summary>The item array of a tuple.</summary>
    public static PyObject** Items(PyObject* t) => (PyObject**)((byte*)t + ItemsOffset);

    /// <summary>The number of items.</summary>
    public static nint Size(PyObject* t) => ((PyVarObject*)t)->Size;

    /// <summary>Item <paramref name="i"/>, borrowed; no range check.</summary>
    public static PyObject* Item(PyObject* t, nint i) => Items(t)[i];

    /// <summary>
    /// A new tuple of <paramref name="n"/> null items, tracked (PyTuple_New); the caller fills
    /// every slot with an owned reference before anything else can see it.
    /// </summary>
    public PyRef New(nint n)
    {
        if (n == 0)
        {
            return new PyRef(Empty).NewRef();
        }

        if (n < 0)
        {
            return Heap.RaiseValueError("negative tuple size");
        }

        PyObject* o = null;
        if (n < MaxSaveSize)
        {
            o = _freeLists[n]!.TryPop();
        }

        if (o != null)
        {
            // A recycled block: as in CPython it was never uncounted, so the collector's
            // allocation count does not change.
            o->RefCount = 1;
            if (n <= 2)
            {
                // Most tuples made (call arguments): stores in line rather than Span.Clear's call.
                Items(o)[0] = null;
                Items(o)[n - 1] = null;
            }
            else
            {
                new Span<nint>(Items(o), (int)n).Clear();
            }
        }
        else
        {
            if (n > (int.MaxValue - ItemsOffset) / 8)
            {
                Heap.SetNoMemory();
                return PyRef.Null;
            }

            o = Heap.AllocObject(this, AllocationSize(n));
            if (o == null)
            {
                return PyRef.Null;
            }
        }

        ((PyVarObject*)o)->Size = n;
        Heap.Gc.Track(o);
        return new PyRef(o);
    }

    /// <summary>
    /// _PyTuple_Resize of a tuple the caller owns alone and is still filling (null items past
    /// those set): to the empty tuple or from it through the free lists, as CPython does;
    /// otherwise the block is reallocated, which the collector's count does not see (PyObject_GC_Resize).
    /// False with MemoryError set (the tuple is then released and <paramref name="tuple"/> null).
    /// </summary>
    public bool Resize(ref PyRef tuple, nint newSize)
    {
        var old = tuple.Ptr;
        var oldSize = Size(old);
        if (oldSize == newSize)
        {
            return true;
        }

        if (oldSize == 0 || newSize == 0)
        {
            tuple.DecRef();
            tuple = New(newSize);
            return !tuple.IsNull;
        }

        var o = newSize > (int.MaxValue - ItemsOffset) / 8 ? null : Heap.AllocObject(this, AllocationSize(newSize), counted: false);
        if (o == null)
        {
            if (!Heap.ErrorOccurred)
            {
                Heap.SetNoMemory();
            }

            tuple.DecRef();
            tuple = PyRef.Null;
            return false;
        }

        // Invariant: the caller holds the only reference, so the items move over with it.
        o->RefCount = old->RefCount;
        ((PyVarObject*)o)->Size = newSize;
        var keep = Math.Min(oldSize, newSize);
        new Span<nint>(Items(o), (int)newSize).Clear();
        new Span<nint>(Items(old), (int)keep).CopyTo(new Span<nint>(Items(o), (int)keep));
        for (var i = keep; i < oldSize; i++)
        {
            Heap.XDecRef(Items(old)[i]);
        }

        Heap.Gc.Untrack(old);
        Heap.FreeObject(old, this, AllocationSize(oldSize), counted: false);
        Heap.Gc.Track(o);
        tuple = new PyRef(o);
        return true;
    }

    /// <summary>A new tuple of the given items (each gets a new reference).</summary>
    public PyRef Pack(ReadOnlySpan<PyRef> items)
    {
        var t = New(items.Length);
        if (t.IsNull)
        {
            return t;
        }

        var slots = Items(t.Ptr);
        for (var i = 0; i < items.Length; i++)
        {
            slots[i] = items[i].NewRef().Ptr;
        }

        return t;
    }

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => AllocationSize(Size(self));

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        var n = Size(self);
        Heap.Gc.Untrack(self);
        var items = Items(self);
        for (var i = n - 1; i >= 0; i--)
        {
            Heap.XDecRef(items[i]);
        }

        if (n > 0 && n < MaxSaveSize && _freeLists[n]!.TryPush(self))
        {
            return;
        }

        Heap.FreeObject(self, this, SizeOf(self));
    }

    /// <inheritdoc/>
    public override delegate*<PyObject*, delegate*<PyObject*, void*, int>, void*, int> TraverseFunction => TraverseItemsFunction;

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg) => TraverseItems(self, visit, arg);

    /// <summary>The traverse function of this type: the collector recognises it to traverse these inline.</summary>
    internal static readonly delegate*<PyObject*, delegate*<PyObject*, void*, int>, void*, int> TraverseItemsFunction = &TraverseItems;

    /// <summary><see cref="TraverseItems"/> with the collector's visitor inlined (same order: from the last item).</summary>
    internal static void TraverseItemsWith<TVisitor>(PyObject* self, ref TVisitor visitor)
        where TVisitor : struct, Gc.IChildVisitor
    {
        var items = Items(self);
        for (var i = Size(self) - 1; i >= 0; i--)
        {
            if (items[i] != null)
            {
                visitor.Visit(items[i]);
            }
        }
    }

    private static int TraverseItems(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        // From the last item, as tupletraverse does (the order gc.get_referents shows).
        var items = Items(self);
        for (var i = Size(self) - 1; i >= 0; i--)
        {
            if (items[i] != null)
            {
                var r = visit(items[i], arg);
                if (r != 0)
                {
                    return r;
                }
            }
        }

        return 0;
    }

    /// <inheritdoc/>
    public override bool CanUntrack(PyObject* self)
    {
        // _PyTuple_MaybeUntrack: untrack when no item could ever be part of a cycle.
        var items = Items(self);
        var n = Size(self);
        for (nint i = 0; i < n; i++)
        {
            var item = items[i];
            if (item == null || Heap.Gc.MayBeTracked(item))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override PyRef Construct(PyObject* args, PyObject* kwargs) => Constructors.SequenceConstructors.Tuple(Heap, args, kwargs);

    /// <inheritdoc/>
    public override nint Length(PyObject* self) => Size(self);

    /// <inheritdoc/>
    public override PyRef Iter(PyObject* self) => Heap.Types.Iterators.Tuple.New(self);

    /// <inheritdoc/>
    public override int Contains(PyObject* self, PyObject* item)
    {
        var found = 0;
        for (nint i = 0; found == 0 && i < Size(self); i++)
        {
            found = Heap.CompareForSearch(Item(self, i), item);
        }

        return found;
    }

    /// <inheritdoc/>
    public override int IsTrue(PyObject* self) => Size(self) != 0 ? 1 : 0;

    /// <inheritdoc/>
    public override PyRef Subscript(PyObject* self, PyObject* key)
    {
        if (Heap.Types.Slice.IsSlice(key))
        {
            return Heap.Types.Slice.TryIndices(key, Size(self), out var s) ? GetSlice(self, s) : PyRef.Null;
        }

        if (!Heap.TryIndex(key, Size(self), "tuple", out var i))
        {
            return PyRef.Null;
        }

        return new PyRef(Item(self, i)).NewRef();
    }

    /// <summary>
    /// The items a slice selects, as a tuple: a new reference, or null with MemoryError set. An
    /// exact tuple sliced whole is itself, as in CPython (<c>t[:] is t</c>).
    /// </summary>
    public PyRef GetSlice(PyObject* self, in Slice.SliceIndices s)
    {
        if (s.IsSimple && s.Count == Size(self) && self->Type == TypeObject)
        {
            return new PyRef(self).NewRef();
        }

        var result = New(s.Count);
        if (result.IsNull)
        {
            return result;
        }

        var src = Items(self);
        var dst = Items(result.Ptr);
        for (nint i = 0; i < s.Count; i++)
        {
            var item = src[s[i]];
            Heap.IncRef(item);
            dst[i] = item;
        }

        return result;
    }

    /// <inheritdoc/>
    public override long Hash(PyObject* self) => Heap.Profile.IntPromotesToLong ? HashPy27(self) : HashPy312(self);

    private long HashPy27(PyObject* self)
    {
        // CPython 2.7's tuplehash.
        unchecked
        {
            long x = 0x345678;
            long mult = 1000003;
            var len = Size(self);
            var items = Items(self);
            for (nint i = 0; i < Size(self); i++)
            {
                var y = Heap.Hash(items[i]);
                if (y == -1)
                {
                    return -1;
                }

                len--;
                x = (x ^ y) * mult;
                mult += 82520 + len + len;
            }

            x += 97531;
            return x == -1 ? -2 : x;
        }
    }

    private long HashPy312(PyObject* self)
    {
        // CPython 3.8+'s tuplehash, after xxHash's round.
        const ulong prime1 = 11400714785074694791UL;
        const ulong prime2 = 14029467366897019727UL;
        const ulong prime5 = 2870177450012600261UL;
        unchecked
        {
            var acc = prime5;
            var n = Size(self);
            var items = Items(self);
            for (nint i = 0; i < n; i++)
            {
                var lane = Heap.Hash(items[i]);
                if (lane == -1)
                {
                    return -1;
                }

                acc += (ulong)lane * prime2;
                acc = (acc << 31) | (acc >> 33);
                acc *= prime1;
            }

            acc += (ulong)n ^ (prime5 ^ 3527539UL);
            return acc == ulong.MaxValue ? 1546275796 : (long)acc;
        }
    }

    /// <inheritdoc/>
    public override PyRef RichCompare(PyObject* self, PyObject* other, CompareOp op)
    {
        if (!Heap.IsInstance(other, this))
        {
            return Heap.NotImplemented;
        }

        return Heap.CompareSequences(Items(self), Size(self), Items(other), Size(other), op);
    }

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        var n = Size(self);
        if (n == 0)
        {
            return Heap.NewString("()");
        }

        if (!Heap.ReprEnter(self))
        {
            return Heap.NewString("(...)");
        }

        try
        {
            var sb = new StringBuilder("(");
            var items = Items(self);
            for (nint i = 0; i < n; i++)
            {
                if (i > 0)
                {
                    sb.Append(", ");
                }

                if (!Heap.AppendRepr(sb, items[i]))
                {
                    return PyRef.Null;
                }
            }

            return Heap.NewString(sb.Append(n == 1 ? ",)" : ")").ToString());
        }
        finally
        {
            Heap.ReprLeave(self);
        }
    }
}
