using System.Text;
using Refheap.Objects.Native.Iterators;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Dict;

/// <summary>
/// 3.x's dict views (<c>d.keys()</c>, <c>d.values()</c>, <c>d.items()</c>): live, tracked
/// objects over the dict with len, iteration, <c>in</c>, a repr such as
/// <c>dict_keys([1, 2])</c>, and (keys and items, which are set-like) equality with sets and
/// views. The set operators (&amp;, |, -, ^) are <see cref="DictViewOperators"/>.
/// </summary>
internal sealed unsafe class DictViewType : TypeDescriptor
{
    private readonly DictIterationKind _kind;

    /// <summary>Creates the descriptor of one view type.</summary>
    public DictViewType(Heap heap, string name, DictIterationKind kind)
        : base(heap, name) => _kind = kind;

    /// <inheritdoc/>
    public override bool IsGc => true;

    /// <summary>The dict of a view, borrowed.</summary>
    public static PyObject* DictOf(PyObject* view) => ((PyDictViewObject*)view)->Dict;

    /// <summary>A new view of <paramref name="dict"/> (borrowed): a new reference, or null with MemoryError set.</summary>
    public PyRef New(PyObject* dict)
    {
        var o = Heap.AllocObject(this, (nuint)sizeof(PyDictViewObject));
        if (o == null)
        {
            return PyRef.Null;
        }

        Heap.IncRef(dict);
        ((PyDictViewObject*)o)->Dict = dict;
        Heap.Gc.Track(o);
        return new PyRef(o);
    }

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)sizeof(PyDictViewObject);

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        Heap.Gc.Untrack(self);
        Heap.ClearRef(ref ((PyDictViewObject*)self)->Dict);
        Heap.FreeObject(self, this, SizeOf(self));
    }

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var d = DictOf(self);
        return d != null ? visit(d, arg) : 0;
    }

    /// <inheritdoc/>
    public override void Clear(PyObject* self) => Heap.ClearRef(ref ((PyDictViewObject*)self)->Dict);

    /// <inheritdoc/>
    public override nint Length(PyObject* self) => DictOf(self) == null ? 0 : Heap.Types.Dict.Count(DictOf(self));

    /// <inheritdoc/>
    public override int IsTrue(PyObject* self) => Length(self) != 0 ? 1 : 0;

    /// <inheritdoc/>
    public override PyRef Iter(PyObject* self)
    {
        var iterators = Heap.Types.Iterators;
        var type = _kind switch
        {
            DictIterationKind.Keys => iterators.DictKeys,
            DictIterationKind.Values => iterators.DictValues,
            _ => iterators.DictItems,
        };
        return type.New(DictOf(self));
    }

    /// <inheritdoc/>
    public override int Contains(PyObject* self, PyObject* item)
    {
        var d = DictOf(self);
        switch (_kind)
        {
            case DictIterationKind.Keys:
                return Heap.Types.Dict.Contains(d, item);
            case DictIterationKind.Values:
                return Heap.ContainsByIteration(self, item);
        }

        // An item is in the view when it is a (key, value) pair whose key maps to an equal value.
        if (item->Type != Heap.Types.Tuple.TypeObject || TupleType.Size(item) != 2)
        {
            return 0;
        }

        var value = Heap.Types.Dict.GetItem(d, TupleType.Item(item, 0));
        if (value == null)
        {
            return Heap.ErrorOccurred ? -1 : 0;
        }

        Heap.IncRef(value);
        var r = Heap.RichCompareBool(value, TupleType.Item(item, 1), CompareOp.Eq);
        Heap.DecRef(value);
        return r;
    }

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        if (!Heap.ReprEnter(self))
        {
            return Heap.NewString("...");
        }

        try
        {
            var sb = new StringBuilder(Name).Append("([");
            var it = Iter(self);
            if (it.IsNull)
            {
                return it;
            }

            var first = true;
            while (true)
            {
                var item = Heap.IterNext(it.Ptr);
                if (item.IsNull)
                {
                    break;
                }

                if (!first)
                {
                    sb.Append(", ");
                }

                first = false;
                var ok = Heap.AppendRepr(sb, item.Ptr);
                item.DecRef();
                if (!ok)
                {
                    break;
                }
            }

            it.DecRef();
            return Heap.ErrorOccurred ? PyRef.Null : Heap.NewString(sb.Append("])").ToString());
        }
        finally
        {
            Heap.ReprLeave(self);
        }
    }

    /// <inheritdoc/>
    /// <remarks>Keys and items views equal a set, frozenset or set-like view with the same elements; values views compare by identity.</remarks>
    public override PyRef RichCompare(PyObject* self, PyObject* other, CompareOp op)
    {
        var setLike = other->Type->Descriptor is DictViewType { _kind: not DictIterationKind.Values } || Heap.IsAnySet(other);
        if (_kind == DictIterationKind.Values || !setLike || (op != CompareOp.Eq && op != CompareOp.Ne))
        {
            return _kind == DictIterationKind.Values ? base.RichCompare(self, other, op) : Heap.NotImplemented;
        }

        var equal = Length(self) == Heap.Length(other) ? AllIn(self, other) : 0;
        return equal < 0 ? PyRef.Null : Heap.NewBool((equal == 1) == (op == CompareOp.Eq));
    }

    /// <summary>Whether every element of <paramref name="self"/> is in <paramref name="other"/>: 1, 0, or -1.</summary>
    private int AllIn(PyObject* self, PyObject* other)
    {
        var r = Heap.ForEach(self, item => Heap.Contains(other, (PyObject*)item) switch
        {
            1 => 0,
            0 => 1,
            _ => -1,
        });
        return r switch
        {
            0 => 1,
            1 => 0,
            _ => -1,
        };
    }

    /// <inheritdoc/>
    /// <remarks>Keys and items views define equality, so they are unhashable; a values view hashes by identity.</remarks>
    public override long Hash(PyObject* self)
    {
        if (_kind == DictIterationKind.Values)
        {
            return base.Hash(self);
        }

        Heap.RaiseTypeError($"unhashable type: '{Name}'");
        return -1;
    }
}
