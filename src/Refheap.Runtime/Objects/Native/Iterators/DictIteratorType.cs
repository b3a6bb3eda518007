using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Iterators;

/// <summary>
/// A dict's iterators (2.7 dictionary-keyiterator / -valueiterator / -itemiterator, 3.x
/// dict_keyiterator...). A dict whose size changed between steps raises RuntimeError
/// "dictionary changed size during iteration" (and keeps raising it); 3.x also notices more
/// keys than the dict had ("dictionary keys changed during iteration"). The item iterator
/// reuses its result tuple when the caller dropped it, as CPython's does.
/// </summary>
internal sealed unsafe class DictIteratorType : IteratorType
{
    private readonly DictIterationKind _kind;

    /// <summary>Creates the descriptor of one iterator type.</summary>
    public DictIteratorType(Heap heap, string name, DictIterationKind kind)
        : base(heap, name) => _kind = kind;

    /// <inheritdoc/>
    public override bool IsGc => true;

    /// <summary>A new iterator over <paramref name="dict"/> (borrowed): a new reference, or null with MemoryError set.</summary>
    public PyRef New(PyObject* dict)
    {
        var o = Heap.AllocObject(this, (nuint)sizeof(PyDictIteratorObject));
        if (o == null)
        {
            return PyRef.Null;
        }

        var it = (PyDictIteratorObject*)o;
        Heap.IncRef(dict);
        it->Dict = dict;
        it->Used = Heap.Types.Dict.Count(dict);
        it->Len = it->Used;
        if (_kind == DictIterationKind.Items)
        {
            // dictiter_new makes the result tuple up front: (None, None).
            var none = new PyRef(Heap.NoneObject);
            var result = Heap.NewTuple(none, none);
            if (result.IsNull)
            {
                Heap.DecRef(o);
                return PyRef.Null;
            }

            it->Result = result.Ptr;
        }

        Heap.Gc.Track(o);
        return new PyRef(o);
    }

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)sizeof(PyDictIteratorObject);

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        var it = (PyDictIteratorObject*)self;
        Heap.Gc.Untrack(self);
        Heap.ClearRef(ref it->Dict);
        Heap.ClearRef(ref it->Result);
        Heap.FreeObject(self, this, SizeOf(self));
    }

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var it = (PyDictIteratorObject*)self;
        var r = it->Dict != null ? visit(it->Dict, arg) : 0;
        return r == 0 && it->Result != null ? visit(it->Result, arg) : r;
    }

    /// <inheritdoc/>
    public override void Clear(PyObject* self)
    {
        var it = (PyDictIteratorObject*)self;
        Heap.ClearRef(ref it->Dict);
        Heap.ClearRef(ref it->Result);
    }

    /// <inheritdoc/>
    public override PyRef IterNext(PyObject* self)
    {
        var it = (PyDictIteratorObject*)self;
        var d = it->Dict;
        if (d == null)
        {
            return PyRef.Null;
        }

        var dicts = Heap.Types.Dict;
        if (it->Used != dicts.Count(d))
        {
            it->Used = -1;
            return Heap.Raise(Heap.Types.Exceptions.RuntimeError, "dictionary changed size during iteration");
        }

        var pos = it->Pos;
        if (pos < 0 || !dicts.Next(d, ref pos, out var key, out var value))
        {
            it->Pos = -1;
            Heap.ClearRef(ref it->Dict);
            return PyRef.Null;
        }

        if (it->Len == 0 && Behaviour.DictIteratorChecksKeysChanged)
        {
            Heap.ClearRef(ref it->Dict);
            return Heap.Raise(Heap.Types.Exceptions.RuntimeError, "dictionary keys changed during iteration");
        }

        it->Pos = pos;
        it->Len--;
        return _kind switch
        {
            DictIterationKind.Keys => new PyRef(key).NewRef(),
            DictIterationKind.Values => new PyRef(value).NewRef(),
            _ => ItemResult(it, key, value),
        };
    }

    /// <summary>The (key, value) tuple: the iterator's own when nobody else holds it, else a new one.</summary>
    private PyRef ItemResult(PyDictIteratorObject* it, PyObject* key, PyObject* value)
    {
        var result = it->Result;
        Heap.IncRef(key);
        Heap.IncRef(value);
        if (result != null && result->RefCount == 1)
        {
            // Reuse: the caller dropped the previous item, so the tuple can be refilled in place.
            Heap.IncRef(result);
            var items = TupleType.Items(result);
            var oldKey = items[0];
            var oldValue = items[1];
            items[0] = key;
            items[1] = value;
            Heap.DecRef(oldKey);
            Heap.DecRef(oldValue);

            // The collector may have untracked the tuple while it held untrackable items (bpo-42536).
            if (!Gc.Collector.IsTracked(result))
            {
                Heap.Gc.Track(result);
            }

            return new PyRef(result);
        }

        var tuple = Heap.Types.Tuple.New(2);
        if (tuple.IsNull)
        {
            Heap.DecRef(key);
            Heap.DecRef(value);
            return tuple;
        }

        TupleType.Items(tuple.Ptr)[0] = key;
        TupleType.Items(tuple.Ptr)[1] = value;
        return tuple;
    }

    /// <inheritdoc/>
    public override nint LengthHint(PyObject* self)
    {
        var it = (PyDictIteratorObject*)self;
        return it->Dict != null && it->Used == Heap.Types.Dict.Count(it->Dict) ? it->Len : 0;
    }
}
