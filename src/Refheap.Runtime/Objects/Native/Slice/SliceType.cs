using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Slice;

/// <summary>
/// <c>slice</c>: tracked in both profiles (2.7.18 and 3.12 alike), compared as the tuple
/// (start, stop, step), unhashable in 2.7 and hashed in 3.12 as 3.12's slice_hash does. 3.12
/// keeps one freed slice for the next (its interpreter's slice cache), so a slice made and
/// dropped in a loop counts as one allocation in <c>gc.get_count()</c>, as there.
/// </summary>
internal sealed unsafe class SliceType : TypeDescriptor
{
    private static readonly nuint ObjectSize = (nuint)sizeof(PySliceObject);
    private FreeList? _cache;

    /// <summary>Creates the descriptor.</summary>
    public SliceType(Heap heap)
        : base(heap, "slice")
    {
    }

    private bool Py27 => Heap.Profile.Wording == ErrorWording.Cpython27;

    /// <inheritdoc/>
    public override bool IsGc => true;

    internal override void Initialize()
    {
        if (!Py27)
        {
            _cache = Heap.FreeLists.AddCache(new FreeList("slice", 1, block => Heap.FreeObject((PyObject*)block, this, ObjectSize)));
        }
    }

    /// <summary>Fills 3.12's slice cache (<paramref name="count"/> is 0 or 1), uncounted: CPython's start-up leaves a slice there; nothing in 2.7, which has none.</summary>
    public void Prefill(int count)
    {
        while (_cache != null && _cache.Count < Math.Min(count, _cache.Capacity))
        {
            var o = Heap.AllocObject(this, ObjectSize, counted: false);
            if (o == null)
            {
                Heap.ClearError();
                return;
            }

            // A cached block is a dead object: count 0, as one freed into the cache.
            o->RefCount = 0;
            _cache.TryPush(o);
        }
    }

    /// <summary>
    /// A new slice of <paramref name="start"/>, <paramref name="stop"/>, <paramref name="step"/>
    /// (borrowed; null means None): a new reference, or null with MemoryError set.
    /// </summary>
    public PyRef New(PyObject* start, PyObject* stop, PyObject* step)
    {
        var o = _cache?.TryPop();
        if (o != null)
        {
            // A recycled block: as in CPython it was never uncounted by the collector.
            o->RefCount = 1;
            GcHead.Of(o)->Prev = 0;
        }
        else
        {
            o = Heap.AllocObject(this, ObjectSize);
            if (o == null)
            {
                return PyRef.Null;
            }
        }

        var s = (PySliceObject*)o;
        s->Start = OrNone(start);
        s->Stop = OrNone(stop);
        s->Step = OrNone(step);
        Heap.Gc.Track(o);
        return new PyRef(o);
    }

    private PyObject* OrNone(PyObject* o)
    {
        o = o == null ? Heap.NoneObject : o;
        Heap.IncRef(o);
        return o;
    }

    /// <summary>The start, borrowed.</summary>
    public static PyObject* Start(PyObject* s) => ((PySliceObject*)s)->Start;

    /// <summary>The stop, borrowed.</summary>
    public static PyObject* Stop(PyObject* s) => ((PySliceObject*)s)->Stop;

    /// <summary>The step, borrowed.</summary>
    public static PyObject* Step(PyObject* s) => ((PySliceObject*)s)->Step;

    /// <summary>Whether <paramref name="o"/> is a slice.</summary>
    public bool IsSlice(PyObject* o) => o->Type == TypeObject;

    /// <summary>A slice object resolved against <paramref name="length"/>, or false with the error set.</summary>
    public bool TryIndices(PyObject* slice, nint length, out SliceIndices indices) =>
        TryIndices(Start(slice), Stop(slice), Step(slice), length, out indices);

    /// <summary>
    /// <c>[start:stop:step]</c> (each may be null or None) resolved against
    /// <paramref name="length"/> as CPython's PySlice_GetIndicesEx does: negative bounds count
    /// from the end, bounds past either end are clipped; or false with TypeError (a bound that
    /// is not an int or None) or ValueError (a zero step) set.
    /// </summary>
    public bool TryIndices(PyObject* start, PyObject* stop, PyObject* step, nint length, out SliceIndices indices)
    {
        indices = default;
        nint stride = 1;
        if (!IsNone(step))
        {
            if (!TryBound(step, out var s))
            {
                return false;
            }

            if (s == 0)
            {
                Heap.RaiseValueError("slice step cannot be zero");
                return false;
            }

            // Stepping backwards by the most negative value would overflow when negated.
            stride = s < -nint.MaxValue ? -nint.MaxValue : s;
        }

        var forward = stride > 0;
        if (!Bound(start, forward ? 0 : length - 1, out var first) || !Bound(stop, forward ? length : -1, out var last))
        {
            return false;
        }

        nint count = 0;
        if (forward ? first < last : first > last)
        {
            count = forward ? ((last - first - 1) / stride) + 1 : ((first - last - 1) / -stride) + 1;
        }

        indices = new SliceIndices(first, last, stride, count);
        return true;

        bool Bound(PyObject* v, nint absent, out nint result)
        {
            result = absent;
            if (IsNone(v))
            {
                return true;
            }

            if (!TryBound(v, out var x))
            {
                return false;
            }

            if (x < 0)
            {
                x += length;
                if (x < 0)
                {
                    x = forward ? 0 : -1;
                }
            }
            else if (x >= length)
            {
                x = forward ? length : length - 1;
            }

            result = x;
            return true;
        }
    }

    private bool IsNone(PyObject* o) => o == null || o == Heap.NoneObject;

    // A bound as an index: ints beyond a machine word saturate, as _PyEval_SliceIndex clips them.
    private bool TryBound(PyObject* v, out nint value)
    {
        value = 0;
        if (!Heap.IsInt(v))
        {
            if (Heap.TryIndexSpecial(v, out var asInt))
            {
                var ok = !asInt.IsNull && TryBound(asInt.Ptr, out value);
                asInt.XDecRef();
                return ok;
            }

            Heap.RaiseTypeError("slice indices must be integers or None or have an __index__ method");
            return false;
        }

        if (Heap.TryAsLong(v, out var x))
        {
            value = (nint)x;
            return true;
        }

        value = Heap.AsBigInteger(v).Sign < 0 ? nint.MinValue + 1 : nint.MaxValue;
        return true;
    }

    /// <inheritdoc/>
    public override PyRef Construct(PyObject* args, PyObject* kwargs)
    {
        if (kwargs != null && Heap.Types.Dict.Count(kwargs) > 0)
        {
            return Heap.RaiseTypeError("slice() takes no keyword arguments");
        }

        var n = TupleType.Size(args);
        if (n == 0 || n > 3)
        {
            var plural = Py27 || n > 1 ? "arguments" : "argument";
            return Heap.RaiseTypeError($"slice expected at {(n == 0 ? "least 1" : "most 3")} {plural}, got {n}");
        }

        return n == 1
            ? New(null, TupleType.Item(args, 0), null)
            : New(TupleType.Item(args, 0), TupleType.Item(args, 1), n == 3 ? TupleType.Item(args, 2) : null);
    }

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => ObjectSize;

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        Heap.Gc.Untrack(self);
        var s = (PySliceObject*)self;
        Heap.ClearRef(ref s->Start);
        Heap.ClearRef(ref s->Stop);
        Heap.ClearRef(ref s->Step);
        if (_cache == null || !_cache.TryPush(self))
        {
            Heap.FreeObject(self, this, ObjectSize);
        }
    }

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var s = (PySliceObject*)self;
        var r = visit(s->Start, arg);
        if (r == 0)
        {
            r = visit(s->Stop, arg);
        }

        return r == 0 ? visit(s->Step, arg) : r;
    }

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        var s = (PySliceObject*)self;
        var parts = new string[3];
        var items = (ReadOnlySpan<nint>)[(nint)s->Start, (nint)s->Stop, (nint)s->Step];
        for (var i = 0; i < 3; i++)
        {
            var r = Heap.Repr((PyObject*)items[i]);
            if (r.IsNull)
            {
                return r;
            }

            parts[i] = StrType.AsString(r.Ptr);
            r.DecRef();
        }

        return Heap.NewString($"slice({parts[0]}, {parts[1]}, {parts[2]})");
    }

    /// <inheritdoc/>
    /// <remarks>Two slices compare as their (start, stop, step) tuples; anything else is not comparable here.</remarks>
    public override PyRef RichCompare(PyObject* self, PyObject* other, CompareOp op)
    {
        if (other->Type != TypeObject)
        {
            return Heap.NotImplemented;
        }

        var a = AsTuple(self);
        var b = a.IsNull ? PyRef.Null : AsTuple(other);
        var r = b.IsNull ? PyRef.Null : Heap.RichCompare(a.Ptr, b.Ptr, op);
        a.XDecRef();
        b.XDecRef();
        return r;
    }

    private PyRef AsTuple(PyObject* self)
    {
        var s = (PySliceObject*)self;
        return Heap.NewTuple(new PyRef(s->Start), new PyRef(s->Stop), new PyRef(s->Step));
    }

    /// <inheritdoc/>
    /// <remarks>2.7: unhashable. 3.12: slice_hash, tuple's xxHash rounds over the three items without its length round.</remarks>
    public override long Hash(PyObject* self)
    {
        if (Py27)
        {
            Heap.RaiseTypeError("unhashable type");
            return -1;
        }

        const ulong prime1 = 11400714785074694791UL;
        const ulong prime2 = 14029467366897019727UL;
        const ulong prime5 = 2870177450012600261UL;
        var s = (PySliceObject*)self;
        var acc = prime5;
        foreach (var item in (ReadOnlySpan<nint>)[(nint)s->Start, (nint)s->Stop, (nint)s->Step])
        {
            var lane = Heap.Hash((PyObject*)item);
            if (lane == -1)
            {
                return -1;
            }

            unchecked
            {
                acc += (ulong)lane * prime2;
                acc = (acc << 31) | (acc >> 33);
                acc *= prime1;
            }
        }

        return acc == ulong.MaxValue ? 1546275796 : unchecked((long)acc);
    }

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        var s = (PySliceObject*)self;
        var member = Member(s, name);
        return member != null ? new PyRef(member).NewRef() : base.GetAttr(self, name);
    }

    /// <inheritdoc/>
    /// <remarks>start, stop and step are read-only members (2.7: TypeError, 3.12: AttributeError).</remarks>
    public override int SetAttr(PyObject* self, PyObject* name, PyObject* value)
    {
        if (Member((PySliceObject*)self, name) != null)
        {
            Heap.Raise(Py27 ? Heap.Types.Exceptions.TypeError : Heap.Types.Exceptions.AttributeError, "readonly attribute");
            return -1;
        }

        return base.SetAttr(self, name, value);
    }

    private static PyObject* Member(PySliceObject* s, PyObject* name) =>
        StrType.EqualsText(name, "start") ? s->Start
        : StrType.EqualsText(name, "stop") ? s->Stop
        : StrType.EqualsText(name, "step") ? s->Step
        : null;
}
