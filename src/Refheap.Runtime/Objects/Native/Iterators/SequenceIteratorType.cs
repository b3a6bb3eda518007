using Refheap.Objects.Native.List;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Iterators;

/// <summary>
/// The iterators that walk a sequence by position: listiterator / list_iterator,
/// listreverseiterator / list_reverseiterator, tupleiterator / tuple_iterator, 3.x's
/// str_ascii_iterator and str_iterator, and the generic <c>iterator</c> over
/// <c>__getitem__</c> (2.7's str iterates through it). Tracked; the sequence is dropped as soon
/// as the iterator is exhausted, as CPython does.
/// </summary>
internal sealed unsafe class SequenceIteratorType : IteratorType
{
    private readonly SequenceIteratorKind _kind;

    /// <summary>Creates the descriptor of one iterator type.</summary>
    public SequenceIteratorType(Heap heap, string name, SequenceIteratorKind kind)
        : base(heap, name) => _kind = kind;

    /// <inheritdoc/>
    public override bool IsGc => true;

    /// <summary>A new iterator over <paramref name="seq"/> (borrowed): a new reference, or null with MemoryError set.</summary>
    public PyRef New(PyObject* seq)
    {
        var o = Heap.AllocObject(this, (nuint)sizeof(PySequenceIteratorObject));
        if (o == null)
        {
            return PyRef.Null;
        }

        var it = (PySequenceIteratorObject*)o;
        Heap.IncRef(seq);
        it->Seq = seq;
        it->Index = _kind == SequenceIteratorKind.ReversedList ? ListType.Size(seq) - 1 : 0;
        Heap.Gc.Track(o);
        return new PyRef(o);
    }

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)sizeof(PySequenceIteratorObject);

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        Heap.Gc.Untrack(self);
        Heap.ClearRef(ref ((PySequenceIteratorObject*)self)->Seq);
        Heap.FreeObject(self, this, SizeOf(self));
    }

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var seq = ((PySequenceIteratorObject*)self)->Seq;
        return seq != null ? visit(seq, arg) : 0;
    }

    /// <inheritdoc/>
    public override void Clear(PyObject* self) => Heap.ClearRef(ref ((PySequenceIteratorObject*)self)->Seq);

    /// <inheritdoc/>
    public override PyRef IterNext(PyObject* self)
    {
        var it = (PySequenceIteratorObject*)self;
        var seq = it->Seq;
        if (seq == null)
        {
            return PyRef.Null;
        }

        var i = it->Index;
        switch (_kind)
        {
            case SequenceIteratorKind.List:
                // The list may change between steps: its size is read every time.
                if (i < ListType.Size(seq))
                {
                    it->Index = i + 1;
                    return new PyRef(ListType.Items(seq)[i]).NewRef();
                }

                break;
            case SequenceIteratorKind.ReversedList:
                if (i >= 0 && i < ListType.Size(seq))
                {
                    it->Index = i - 1;
                    return new PyRef(ListType.Items(seq)[i]).NewRef();
                }

                it->Index = -1;
                break;
            case SequenceIteratorKind.Tuple:
                if (i < TupleType.Size(seq))
                {
                    it->Index = i + 1;
                    return new PyRef(TupleType.Item(seq, i)).NewRef();
                }

                break;
            case SequenceIteratorKind.Str:
                if (i < StrType.LengthOf(seq))
                {
                    it->Index = i + 1;
                    return Heap.NewString(StrType.AsSpan(seq).Slice((int)i, 1));
                }

                break;
            default:
                return NextByGetItem(it);
        }

        Exhaust(it);
        return PyRef.Null;
    }

    /// <summary>seqiter_next: <c>seq[i]</c>; IndexError or StopIteration ends the iteration.</summary>
    private PyRef NextByGetItem(PySequenceIteratorObject* it)
    {
        var seq = it->Seq;
        var i = it->Index;
        PyRef item;
        if (seq->Type == Heap.Types.Str.TypeObject)
        {
            // An exact str's items are its characters: no need to go through subscription.
            item = i < StrType.LengthOf(seq) ? Heap.NewString(StrType.AsSpan(seq).Slice((int)i, 1)) : PyRef.Null;
            if (item.IsNull && !Heap.ErrorOccurred)
            {
                Exhaust(it);
                return PyRef.Null;
            }
        }
        else
        {
            var index = Heap.NewInt(i);
            if (index.IsNull)
            {
                return index;
            }

            item = Heap.GetItem(seq, index.Ptr);
            index.DecRef();
        }

        if (!item.IsNull)
        {
            it->Index = i + 1;
            return item;
        }

        if (Heap.ErrorMatches(Heap.Types.Exceptions.IndexError) || Heap.ErrorMatches(Heap.Types.Exceptions.StopIteration))
        {
            Heap.ClearError();
            Exhaust(it);
        }

        return PyRef.Null;
    }

    private static void Exhaust(PySequenceIteratorObject* it) => Heap.ClearRef(ref it->Seq);

    /// <inheritdoc/>
    public override nint LengthHint(PyObject* self)
    {
        var it = (PySequenceIteratorObject*)self;
        var seq = it->Seq;
        if (seq == null)
        {
            return 0;
        }

        return _kind switch
        {
            SequenceIteratorKind.List => Math.Max(0, ListType.Size(seq) - it->Index),
            SequenceIteratorKind.ReversedList => it->Index < ListType.Size(seq) ? it->Index + 1 : 0,
            SequenceIteratorKind.Tuple => Math.Max(0, TupleType.Size(seq) - it->Index),
            SequenceIteratorKind.Str => Math.Max(0, StrType.LengthOf(seq) - it->Index),
            _ => Heap.Length(seq) is var n && n >= 0 ? Math.Max(0, n - it->Index) : ClearedZero(),
        };
    }

    private nint ClearedZero()
    {
        Heap.ClearError();
        return 0;
    }
}
