using System.Globalization;
using Refheap.Objects.Native.Iterators;
using Refheap.Objects.Native.List;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Range;

/// <summary>
/// The lazy range: 3.x <c>range</c> (a full sequence: repr <c>range(0, 5)</c>, start/stop/step,
/// index, count, ==, hash) and 2.7 <c>xrange</c> (repr <c>xrange(5)</c>, len, subscript,
/// iteration, <c>in</c> by search). 2.7's <c>range()</c>, which makes a list, is
/// <see cref="NewList"/>.
/// </summary>
/// <remarks>
/// Bounds are 64-bit: a bound beyond that raises OverflowError "Python int too large to convert
/// to C long", as 2.7 does; 3.x would accept it (its longrange_iterator), Refheap does not.
/// </remarks>
internal sealed unsafe class RangeType : TypeDescriptor
{
    private readonly IterationBehaviour _behaviour;

    /// <summary>Creates the descriptor; its name is the profile's (<c>range</c> or <c>xrange</c>).</summary>
    public RangeType(Heap heap, RangeIteratorType iterator)
        : base(heap, IterationBehaviour.For(heap.Profile).RangeTypeName)
    {
        _behaviour = IterationBehaviour.For(heap.Profile);
        Iterator = iterator;
    }

    /// <summary>The iterator type.</summary>
    public RangeIteratorType Iterator { get; }

    /// <summary>The first value.</summary>
    public static long Start(PyObject* r) => ((PyRangeObject*)r)->Start;

    /// <summary>The bound as given.</summary>
    public static long Stop(PyObject* r) => ((PyRangeObject*)r)->Stop;

    /// <summary>The step.</summary>
    public static long Step(PyObject* r) => ((PyRangeObject*)r)->Step;

    /// <summary>The number of values.</summary>
    public static long LengthOf(PyObject* r) => ((PyRangeObject*)r)->Length;

    /// <summary>A new range: a new reference, or null with the error set (ValueError for a zero step).</summary>
    public PyRef New(long start, long stop, long step)
    {
        if (step == 0)
        {
            return Heap.RaiseValueError($"{Name}() arg 3 must not be zero");
        }

        var length = Count(start, stop, step);
        if (length < 0)
        {
            return Heap.RaiseOverflowError(_behaviour.RangeIsFullSequence ? "Python int too large to convert to C ssize_t" : "xrange() result has too many items");
        }

        var o = Heap.AllocObject(this, (nuint)sizeof(PyRangeObject));
        if (o == null)
        {
            return PyRef.Null;
        }

        var r = (PyRangeObject*)o;
        r->Start = start;
        r->Stop = stop;
        r->Step = step;
        r->Length = length;
        return new PyRef(o);
    }

    /// <summary>How many values <c>range(start, stop, step)</c> has; -1 when more than a long holds.</summary>
    private static long Count(long start, long stop, long step)
    {
        var lo = step > 0 ? (Int128)start : stop;
        var hi = step > 0 ? (Int128)stop : start;
        var s = step > 0 ? (Int128)step : -(Int128)step;
        if (lo >= hi)
        {
            return 0;
        }

        var n = ((hi - lo - 1) / s) + 1;
        return n > long.MaxValue ? -1 : (long)n;
    }

    /// <inheritdoc/>
    public override PyRef Construct(PyObject* args, PyObject* kwargs)
    {
        var n = TupleType.Size(args);
        var py3 = _behaviour.RangeIsFullSequence;
        if (kwargs != null && Heap.Types.Dict.Count(kwargs) > 0)
        {
            return Heap.RaiseTypeError(py3 ? "range() takes no keyword arguments" : "xrange() does not take keyword arguments");
        }

        if (n == 0 || n > 3)
        {
            return Heap.RaiseTypeError(py3
                ? $"range expected {(n == 0 ? "at least 1 argument" : "at most 3 arguments")}, got {n}"
                : "xrange() requires 1-3 int arguments");
        }

        var values = new long[3];
        for (var i = 0; i < n; i++)
        {
            if (!TryBound(TupleType.Item(args, i), out values[i]))
            {
                return PyRef.Null;
            }
        }

        return n switch
        {
            1 => New(0, values[0], 1),
            2 => New(values[0], values[1], 1),
            _ => New(values[0], values[1], values[2]),
        };
    }

    /// <summary>A range argument as a long (3.x: __index__; 2.7: PyArg_ParseTuple's "l"), or false with the error set.</summary>
    private bool TryBound(PyObject* o, out long value)
    {
        if (Heap.IsInt(o))
        {
            if (Heap.TryAsLong(o, out value))
            {
                return true;
            }

            Heap.RaiseOverflowError("Python int too large to convert to C long");
            return false;
        }

        value = 0;
        var typeName = o->Type->Descriptor.Name;
        Heap.RaiseTypeError(_behaviour.RangeIsFullSequence
            ? $"'{typeName}' object cannot be interpreted as an integer"
            : Heap.IsFloat(o) ? $"integer argument expected, got {typeName}" : "an integer is required");
        return false;
    }

    /// <summary>
    /// 2.7's builtin <c>range(...)</c>: a new list of the values (<paramref name="args"/> a
    /// tuple, <paramref name="kwargs"/> a dict or null), or null with 2.7's errors set.
    /// </summary>
    public PyRef NewList(PyObject* args, PyObject* kwargs)
    {
        var n = TupleType.Size(args);
        if (kwargs != null && Heap.Types.Dict.Count(kwargs) > 0)
        {
            return Heap.RaiseTypeError("range() takes no keyword arguments");
        }

        if (n == 0 || n > 3)
        {
            return Heap.RaiseTypeError($"range expected at {(n == 0 ? "least" : "most")} {(n == 0 ? 1 : 3)} arguments, got {n}");
        }

        string[] roles = n == 1 ? ["end"] : ["start", "end", "step"];
        var values = new long[3];
        for (var i = 0; i < n; i++)
        {
            var o = TupleType.Item(args, i);
            if (!Heap.IsInt(o))
            {
                return Heap.RaiseTypeError($"range() integer {roles[i]} argument expected, got {o->Type->Descriptor.Name}.");
            }

            if (!Heap.TryAsLong(o, out values[i]))
            {
                return Heap.RaiseOverflowError("range() result has too many items");
            }
        }

        var (start, stop, step) = n switch
        {
            1 => (0L, values[0], 1L),
            2 => (values[0], values[1], 1L),
            _ => (values[0], values[1], values[2]),
        };
        if (step == 0)
        {
            return Heap.RaiseValueError("range() step argument must not be zero");
        }

        var count = Count(start, stop, step);
        if (count < 0 || count > int.MaxValue / 8)
        {
            return count < 0 ? Heap.RaiseOverflowError("range() result has too many items") : NoMemory();
        }

        var list = Heap.Types.List.New((nint)count);
        if (list.IsNull)
        {
            return list;
        }

        var items = ListType.Items(list.Ptr);
        for (long i = 0; i < count; i++)
        {
            var v = Heap.NewInt(start + (i * step));
            if (v.IsNull)
            {
                // The slots not filled yet are null; a list of n slots is released item by item.
                ((PyVarObject*)list.Ptr)->Size = (nint)i;
                list.DecRef();
                return PyRef.Null;
            }

            items[i] = v.Ptr;
        }

        return list;
    }

    private PyRef NoMemory()
    {
        Heap.SetNoMemory();
        return PyRef.Null;
    }

    /// <summary>The value at position <paramref name="i"/> (0 ≤ i &lt; length).</summary>
    private static long ValueAt(PyObject* r, long i) => Start(r) + (i * Step(r));

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) =>
        _behaviour.RangeIsFullSequence ? (nuint)sizeof(PyRangeObject) : (nuint)sizeof(PyRangeObject) - 8;

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self) => Heap.FreeObject(self, this, (nuint)sizeof(PyRangeObject));

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        var r = (PyRangeObject*)self;
        if (_behaviour.RangeIsFullSequence)
        {
            return Heap.NewString(r->Step == 1
                ? Invariant($"range({r->Start}, {r->Stop})")
                : Invariant($"range({r->Start}, {r->Stop}, {r->Step})"));
        }

        // 2.7 shows the normalised bound: the first value past the end.
        var stop = r->Start + (r->Length * r->Step);
        if (r->Start == 0 && r->Step == 1)
        {
            return Heap.NewString(Invariant($"xrange({stop})"));
        }

        return Heap.NewString(r->Step == 1
            ? Invariant($"xrange({r->Start}, {stop})")
            : Invariant($"xrange({r->Start}, {stop}, {r->Step})"));
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override nint Length(PyObject* self) => (nint)LengthOf(self);

    /// <inheritdoc/>
    public override int IsTrue(PyObject* self) => LengthOf(self) != 0 ? 1 : 0;

    /// <inheritdoc/>
    public override PyRef Iter(PyObject* self) => Iterator.New(Start(self), Step(self), LengthOf(self));

    /// <summary><c>reversed(r)</c>: an iterator from the last value backwards (a new reference).</summary>
    public PyRef ReversedIter(PyObject* self)
    {
        var n = LengthOf(self);
        return Iterator.New(n == 0 ? Start(self) : ValueAt(self, n - 1), -Step(self), n);
    }

    /// <inheritdoc/>
    public override PyRef Subscript(PyObject* self, PyObject* key)
    {
        if (_behaviour.RangeIsFullSequence && Heap.Types.Slice.IsSlice(key))
        {
            // compute_slice: the selected values are again a range.
            if (!Heap.Types.Slice.TryIndices(key, (nint)LengthOf(self), out var s))
            {
                return PyRef.Null;
            }

            return New(Start(self) + (s.Start * Step(self)), Start(self) + (s.Stop * Step(self)), Step(self) * s.Step);
        }

        if (!_behaviour.RangeIsFullSequence && !Heap.IsInt(key))
        {
            return Heap.RaiseTypeError($"sequence index must be integer, not '{key->Type->Descriptor.Name}'");
        }

        if (!Heap.TryIndex(key, (nint)LengthOf(self), Name, out var i))
        {
            if (Heap.ErrorMatches(Heap.Types.Exceptions.IndexError))
            {
                Heap.RaiseIndexError($"{Name} object index out of range");
            }

            return PyRef.Null;
        }

        return Heap.NewInt(ValueAt(self, i));
    }

    /// <inheritdoc/>
    public override int Contains(PyObject* self, PyObject* item)
    {
        // range_contains: an exact int or a bool is tested by arithmetic; anything else (3.0,
        // an object with __eq__) by comparing the values.
        if (item->Type == Heap.Types.Int.TypeObject || item->Type == Heap.Types.Bool.TypeObject
            || (Heap.Types.Long != null && item->Type == Heap.Types.Long.TypeObject))
        {
            return Heap.TryAsLong(item, out var v) && IndexOf(self, v) >= 0 ? 1 : 0;
        }

        return Heap.ContainsByIteration(self, item);
    }

    /// <summary>The position of value <paramref name="v"/> in the range, or -1.</summary>
    public static long IndexOf(PyObject* self, long v)
    {
        var r = (PyRangeObject*)self;
        var offset = (Int128)v - r->Start;
        if (offset % r->Step != 0)
        {
            return -1;
        }

        var i = offset / r->Step;
        return i >= 0 && i < r->Length ? (long)i : -1;
    }

    /// <inheritdoc/>
    /// <remarks>3.x compares ranges as sequences: equal lengths, and starts and steps where they matter; 2.7 by identity.</remarks>
    public override PyRef RichCompare(PyObject* self, PyObject* other, CompareOp op)
    {
        if (!_behaviour.RangeIsFullSequence || other->Type != TypeObject || (op != CompareOp.Eq && op != CompareOp.Ne))
        {
            return _behaviour.RangeIsFullSequence ? Heap.NotImplemented : base.RichCompare(self, other, op);
        }

        var a = (PyRangeObject*)self;
        var b = (PyRangeObject*)other;
        var equal = a->Length == b->Length
            && (a->Length == 0 || (a->Start == b->Start && (a->Length == 1 || a->Step == b->Step)));
        return Heap.NewBool(equal == (op == CompareOp.Eq));
    }

    /// <inheritdoc/>
    /// <remarks>3.x: the hash of (len, start, step), with None for what does not matter; 2.7: identity.</remarks>
    public override long Hash(PyObject* self)
    {
        if (!_behaviour.RangeIsFullSequence)
        {
            return base.Hash(self);
        }

        var r = (PyRangeObject*)self;
        var len = Heap.NewInt(r->Length);
        var start = r->Length >= 1 ? Heap.NewInt(r->Start) : new PyRef(Heap.NoneObject).NewRef();
        var step = r->Length >= 2 ? Heap.NewInt(r->Step) : new PyRef(Heap.NoneObject).NewRef();
        var t = len.IsNull || start.IsNull || step.IsNull ? PyRef.Null : Heap.NewTuple(len, start, step);
        len.XDecRef();
        start.XDecRef();
        step.XDecRef();
        if (t.IsNull)
        {
            return -1;
        }

        var h = Heap.Hash(t.Ptr);
        t.DecRef();
        return h;
    }

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        if (_behaviour.RangeIsFullSequence)
        {
            var r = (PyRangeObject*)self;
            var text = Native.Str.StrType.AsSpan(name);
            if (text.SequenceEqual("start"))
            {
                return Heap.NewInt(r->Start);
            }

            if (text.SequenceEqual("stop"))
            {
                return Heap.NewInt(r->Stop);
            }

            if (text.SequenceEqual("step"))
            {
                return Heap.NewInt(r->Step);
            }
        }

        return base.GetAttr(self, name);
    }
}
