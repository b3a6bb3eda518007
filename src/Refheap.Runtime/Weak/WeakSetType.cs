using Refheap.Objects;

namespace Refheap.Weak;

/// <summary>
/// <c>weakref.WeakSet</c> (defined in Lib/_weakrefset.py): a set of weak references to the
/// items, each with the shared removal callback; an item goes when it dies.
/// </summary>
/// <remarks>
/// <c>len()</c> is <c>len(data) - len(pending removals)</c> in both versions, so it is right
/// while a generator defers removals. An item that cannot be weakly referenced raises
/// TypeError from <c>add</c>, <c>discard</c> and <c>remove</c>, and is not <c>in</c> the set.
/// </remarks>
internal sealed unsafe class WeakSetType : WeakContainerType
{
    private const string Owner = "WeakSet";

    /// <summary>Creates the descriptor.</summary>
    public WeakSetType(Heap heap)
        : base(heap, Owner, "_weakrefset")
    {
    }

    /// <inheritdoc/>
    public override WeakIterationKind DefaultIteration => WeakIterationKind.SetItems;

    /// <inheritdoc/>
    protected override string RemoveName => "_remove";

    /// <inheritdoc/>
    public override bool DataIsSet => true;

    /// <inheritdoc/>
    protected override PyRef NewData() => Heap.NewEmptySet();

    /// <inheritdoc/>
    protected override int OnReferentDied(PyObject* self, PyObject* wr) =>
        IsIterating(self) ? AppendPending(self, wr) : Discard(Data(self), wr);

    /// <inheritdoc/>
    protected override int CommitPendingRemovals(PyObject* self)
    {
        for (var wr = PopPending(self); !wr.IsNull; wr = PopPending(self))
        {
            var r = Discard(Data(self), wr.Ptr);
            wr.DecRef();
            if (r < 0)
            {
                return -1;
            }
        }

        return 0;
    }

    private int Discard(PyObject* set, PyObject* key) => Heap.Types.Set.Discard(set, key) < 0 ? -1 : 0;

    /// <inheritdoc/>
    public override nint Length(PyObject* self) =>
        IsCleared(self) ? -1 : Heap.Types.Set.Count(Data(self)) - PendingCount(self);

    /// <inheritdoc/>
    /// <remarks>3.x: <c>repr(self.data)</c>, a set of weak references; 2.7: object's repr.</remarks>
    public override PyRef Repr(PyObject* self) =>
        Behaviour.SetReprShowsData && Data(self) != null ? Heap.Repr(Data(self)) : base.Repr(self);

    /// <inheritdoc/>
    public override PyRef Subscript(PyObject* self, PyObject* key) =>
        Behaviour.IntSubscriptSaysNoIndexing && Heap.IsInt(key)
            ? Heap.RaiseTypeError($"'{Name}' object does not support indexing")
            : base.Subscript(self, key);

    /// <summary><c>item in s</c>: false for an item that cannot be weakly referenced; 1, 0 or -1.</summary>
    public override int Contains(PyObject* self, PyObject* item)
    {
        if (IsCleared(self))
        {
            return -1;
        }

        var wr = WeakRefOrNothing(item);
        if (wr.IsNull)
        {
            return Heap.ErrorOccurred ? -1 : 0;
        }

        var r = Heap.Types.Set.Contains(Data(self), wr.Ptr);
        wr.DecRef();
        return r;
    }

    /// <inheritdoc/>
    protected override List<(MethodSignature Signature, MethodBody Body)> Methods() =>
    [
        (new MethodSignature(Owner, "add", ["item"], 1), Add),
        (new MethodSignature(Owner, "discard", ["item"], 1), (self, a) => DiscardOrRemove(self, a[0], remove: false)),
        (new MethodSignature(Owner, "remove", ["item"], 1), (self, a) => DiscardOrRemove(self, a[0], remove: true)),
        (new MethodSignature(Owner, "__contains__", ["item"], 1), (self, a) => Contains(self, a[0]) is var r && r < 0 ? PyRef.Null : Heap.NewBool(r == 1)),
        (MethodSignature.NoArguments(Owner, "__iter__"), (self, _) => NewIterator(self, WeakIterationKind.SetItems)),
        (MethodSignature.NoArguments(Owner, "clear"), Clear),
    ];

    /// <summary><c>add(item)</c>: commits pending removals, then adds <c>ref(item, self._remove)</c>.</summary>
    private PyRef Add(PyObject* self, PyObject*[] a)
    {
        if (CommitRemovals(self) < 0)
        {
            return PyRef.Null;
        }

        var wr = WeakRefWithRemoval(self, a[0]);
        if (wr.IsNull)
        {
            return wr;
        }

        var r = Heap.Types.Set.Add(Data(self), wr.Ptr);
        wr.DecRef();
        return r < 0 ? PyRef.Null : Heap.None;
    }

    /// <summary><c>discard(item)</c> / <c>remove(item)</c>: commits pending removals, then drops <c>ref(item)</c>; remove raises KeyError with the weak reference when it is missing.</summary>
    private PyRef DiscardOrRemove(PyObject* self, PyObject* item, bool remove)
    {
        if (CommitRemovals(self) < 0)
        {
            return PyRef.Null;
        }

        var wr = WeakRefTo(item);
        if (wr.IsNull)
        {
            return wr;
        }

        var r = Heap.Types.Set.Discard(Data(self), wr.Ptr);
        var result = r < 0 ? PyRef.Null : r == 0 && remove ? Heap.RaiseKeyError(wr) : Heap.None;
        wr.DecRef();
        return result;
    }

    /// <summary><c>clear()</c>: commits pending removals, then empties the data.</summary>
    private PyRef Clear(PyObject* self, PyObject*[] a)
    {
        if (CommitRemovals(self) < 0)
        {
            return PyRef.Null;
        }

        Heap.Types.Set.ClearContents(Data(self));
        return Heap.None;
    }
}
