using Refheap.Objects.Native.Iterators;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects.Native.BuiltinIterators;

/// <summary>
/// <c>map</c>, <c>filter</c>, <c>zip</c>, <c>enumerate</c> and <c>reversed</c>: calling the
/// type makes a tracked iterator object (as CPython's bltinmodule.c and enumobject.c do), which
/// draws from its iterators one step at a time and drops them once exhausted.
/// </summary>
internal sealed unsafe class BuiltinIteratorType : IteratorType
{
    private readonly BuiltinIteratorKind _kind;

    /// <summary>Creates the descriptor of one kind.</summary>
    public BuiltinIteratorType(Heap heap, string name, BuiltinIteratorKind kind)
        : base(heap, name)
    {
        _kind = kind;
        var layouts = heap.Profile.Layouts;
        _size = kind switch
        {
            BuiltinIteratorKind.Map or BuiltinIteratorKind.Filter => layouts.MapSize,
            BuiltinIteratorKind.Zip => layouts.ZipSize,
            BuiltinIteratorKind.Enumerate => layouts.EnumerateSize,
            BuiltinIteratorKind.Reversed => layouts.ReversedSize,
            _ => layouts.CallableIteratorSize,
        };
    }

    // CPython's size of the kind; Refheap's objects hold their iterators inline, so the block
    // is that size or the fields, whichever is larger (BlockOf).
    private readonly int _size;

    /// <inheritdoc/>
    public override bool IsGc => true;

    private bool Py27 => Heap.Profile.Wording == ErrorWording.Cpython27;

    private static PyObject** Items(PyObject* o) => (PyObject**)((byte*)o + PyBuiltinIteratorObject.ItemsOffset);

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)_size;

    // The bytes allocated for an object with `count` iterator slots: never fewer than its fields.
    private nuint BlockOf(nint count) =>
        Heap.Profile.Layouts.BlockSize(_size, PyBuiltinIteratorObject.ItemsOffset + (sizeof(nint) * (int)count));

    // A new object with `count` iterator slots and the function (borrowed, may be null); not yet tracked.
    private PyRef Allocate(nint count, PyObject* function)
    {
        var o = Heap.AllocObject(this, BlockOf(count));
        if (o == null)
        {
            return PyRef.Null;
        }

        var it = (PyBuiltinIteratorObject*)o;
        it->Count = count;
        Heap.XIncRef(function);
        it->Function = function;
        return new PyRef(o);
    }

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        Heap.Gc.Untrack(self);
        Clear(self);
        Heap.FreeObject(self, this, BlockOf(((PyBuiltinIteratorObject*)self)->Count));
    }

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var it = (PyBuiltinIteratorObject*)self;
        int r;
        if (_kind == BuiltinIteratorKind.Enumerate && it->Count > 0 && Items(self)[0] != null && (r = visit(Items(self)[0], arg)) != 0)
        {
            return r;
        }

        if (it->Function != null && (r = visit(it->Function, arg)) != 0)
        {
            return r;
        }

        if (it->BigIndex != null && (r = visit(it->BigIndex, arg)) != 0)
        {
            return r;
        }

        for (nint i = _kind == BuiltinIteratorKind.Enumerate ? 1 : 0; i < it->Count; i++)
        {
            var item = Items(self)[i];
            if (item != null && (r = visit(item, arg)) != 0)
            {
                return r;
            }
        }

        return 0;
    }

    /// <inheritdoc/>
    public override void Clear(PyObject* self)
    {
        var it = (PyBuiltinIteratorObject*)self;
        Heap.ClearRef(ref it->Function);
        Heap.ClearRef(ref it->BigIndex);
        for (nint i = 0; i < it->Count; i++)
        {
            Heap.ClearRef(ref Items(self)[i]);
        }
    }

    /// <inheritdoc/>
    public override nint LengthHint(PyObject* self)
    {
        var it = (PyBuiltinIteratorObject*)self;
        return _kind == BuiltinIteratorKind.Reversed && it->Function != null ? (nint)(it->Index + 1) : 0;
    }

    /// <inheritdoc/>
    public override PyRef Construct(PyObject* args, PyObject* kwargs) => _kind switch
    {
        BuiltinIteratorKind.Map => NewMap(args, kwargs),
        BuiltinIteratorKind.Filter => NewFilter(args, kwargs),
        BuiltinIteratorKind.Zip => NewZip(args, kwargs),
        BuiltinIteratorKind.Enumerate => NewEnumerate(args, kwargs),
        BuiltinIteratorKind.Reversed => NewReversed(args, kwargs),
        _ => base.Construct(args, kwargs),
    };

    /// <summary>
    /// <c>iter(callable, sentinel)</c> (both borrowed): a new callable iterator, or null with the
    /// error set; the callable must be callable (checked by the caller, who words the error).
    /// </summary>
    public PyRef NewCallable(PyObject* callable, PyObject* sentinel)
    {
        var o = Allocate(1, callable);
        if (o.IsNull)
        {
            return o;
        }

        Heap.IncRef(sentinel);
        Items(o.Ptr)[0] = sentinel;
        return Finish(o, true);
    }

    private bool NoKeywords(PyObject* kwargs)
    {
        if (kwargs == null || Heap.Types.Dict.Count(kwargs) == 0)
        {
            return true;
        }

        Heap.RaiseTypeError($"{Name}() takes no keyword arguments");
        return false;
    }

    // Fills the object's slots with iter(args[first + i]); false with the error set.
    private bool FillIterators(PyRef o, PyObject* args, nint first)
    {
        var n = ((PyBuiltinIteratorObject*)o.Ptr)->Count;
        for (nint i = 0; i < n; i++)
        {
            var it = Heap.GetIter(TupleType.Item(args, first + i));
            if (it.IsNull)
            {
                return false;
            }

            Items(o.Ptr)[i] = it.Ptr;
        }

        return true;
    }

    // Tracks a finished object, or drops a failed one.
    private PyRef Finish(PyRef o, bool ok)
    {
        if (!ok)
        {
            o.DecRef();
            return PyRef.Null;
        }

        Heap.Gc.Track(o.Ptr);
        return o;
    }

    private PyRef NewMap(PyObject* args, PyObject* kwargs)
    {
        var n = TupleType.Size(args);
        if (!NoKeywords(kwargs))
        {
            return PyRef.Null;
        }

        if (n < 2)
        {
            return Heap.RaiseTypeError("map() must have at least two arguments.");
        }

        var o = Allocate(n - 1, TupleType.Item(args, 0));
        return o.IsNull ? o : Finish(o, FillIterators(o, args, 1));
    }

    private PyRef NewFilter(PyObject* args, PyObject* kwargs)
    {
        var n = TupleType.Size(args);
        if (!NoKeywords(kwargs))
        {
            return PyRef.Null;
        }

        if (n != 2)
        {
            return Heap.RaiseTypeError($"filter expected 2 arguments, got {n}");
        }

        // None (or bool itself) means "the item's own truth".
        var function = TupleType.Item(args, 0);
        if (function == Heap.NoneObject || function == (PyObject*)Heap.Types.Bool.TypeObject)
        {
            function = null;
        }

        var o = Allocate(1, function);
        return o.IsNull ? o : Finish(o, FillIterators(o, args, 1));
    }

    private PyRef NewZip(PyObject* args, PyObject* kwargs)
    {
        var strict = false;
        if (kwargs != null && Heap.Types.Dict.Count(kwargs) > 0)
        {
            var flag = Heap.Types.Dict.GetItemString(kwargs, "strict");
            if (flag == null || Heap.Types.Dict.Count(kwargs) > 1)
            {
                return Heap.RaiseTypeError("zip() takes at most one keyword argument");
            }

            var truth = Heap.IsTrue(flag);
            if (truth < 0)
            {
                return PyRef.Null;
            }

            strict = truth == 1;
        }

        // zip_new: a tuple of the iterators, then the result tuple it reuses (Nones), then the object.
        var n = TupleType.Size(args);
        var iterators = Heap.Types.Tuple.New(n);
        if (iterators.IsNull)
        {
            return iterators;
        }

        for (nint i = 0; i < n; i++)
        {
            var it = Heap.GetIter(TupleType.Item(args, i));
            if (it.IsNull)
            {
                iterators.DecRef();
                return it;
            }

            TupleType.Items(iterators.Ptr)[i] = it.Ptr;
        }

        var result = Heap.Types.Tuple.New(n);
        if (result.IsNull)
        {
            iterators.DecRef();
            return result;
        }

        for (nint i = 0; i < n; i++)
        {
            TupleType.Items(result.Ptr)[i] = Heap.None.Ptr;
        }

        var o = Allocate(0, null);
        if (o.IsNull)
        {
            iterators.DecRef();
            result.DecRef();
            return o;
        }

        var z = (PyBuiltinIteratorObject*)o.Ptr;
        z->Index = strict ? 1 : 0;
        z->Function = iterators.Ptr;
        z->BigIndex = result.Ptr;
        return Finish(o, true);
    }

    private PyRef NewEnumerate(PyObject* args, PyObject* kwargs)
    {
        var n = TupleType.Size(args);
        var firstName = Py27 ? "sequence" : "iterable";
        PyObject* iterable = n > 0 ? TupleType.Item(args, 0) : null;
        PyObject* start = n > 1 ? TupleType.Item(args, 1) : null;
        if (n > 2)
        {
            return Heap.RaiseTypeError($"enumerate() takes at most 2 arguments ({n} given)");
        }

        string? unknown = null;
        if (kwargs != null)
        {
            nint pos = 0;
            while (Heap.Types.Dict.Next(kwargs, ref pos, out var key, out var value))
            {
                var name = Heap.IsInstance(key, Heap.Types.Str) ? StrType.AsString(key) : "";
                if (name == firstName && iterable == null)
                {
                    iterable = value;
                }
                else if (name == "start" && start == null)
                {
                    start = value;
                }
                else if (!Py27)
                {
                    // 3.12's enum_new (Argument Clinic) names any keyword it cannot place so.
                    return Heap.RaiseTypeError($"'{name}' is an invalid keyword argument for enumerate()");
                }
                else if (name == firstName || name == "start")
                {
                    return Heap.RaiseTypeError($"Argument given by name ('{name}') and position ({(name == "start" ? 2 : 1)})");
                }
                else
                {
                    // 2.7's parser reports a missing sequence before an unknown keyword.
                    unknown ??= name;
                }
            }
        }

        if (iterable == null)
        {
            return Heap.RaiseTypeError(Py27 ? "Required argument 'sequence' (pos 1) not found" : "enumerate() missing required argument 'iterable'");
        }

        if (unknown != null)
        {
            return Heap.RaiseTypeError($"'{unknown}' is an invalid keyword argument for this function");
        }

        long index = 0;
        PyObject* bigIndex = null;
        if (start != null)
        {
            if (!Heap.IsInt(start))
            {
                return Heap.RaiseTypeError(Py27
                    ? $"'{start->Type->Descriptor.Name}' object cannot be interpreted as an index"
                    : $"'{start->Type->Descriptor.Name}' object cannot be interpreted as an integer");
            }

            if (!Heap.TryAsLong(start, out index))
            {
                bigIndex = start;
            }
        }

        // enum_new: the object, its iterator, then the result tuple it reuses (two Nones).
        var o = Allocate(1, null);
        if (o.IsNull)
        {
            return o;
        }

        var e = (PyBuiltinIteratorObject*)o.Ptr;
        e->Index = index;
        Heap.XIncRef(bigIndex);
        e->BigIndex = bigIndex;
        var it = Heap.GetIter(iterable);
        if (it.IsNull)
        {
            return Finish(o, false);
        }

        Items(o.Ptr)[0] = it.Ptr;
        var result = Heap.NewTuple(new PyRef(Heap.NoneObject), new PyRef(Heap.NoneObject));
        if (result.IsNull)
        {
            return Finish(o, false);
        }

        e->Function = result.Ptr;
        return Finish(o, true);
    }

    private PyRef NewReversed(PyObject* args, PyObject* kwargs)
    {
        var n = TupleType.Size(args);
        if (!NoKeywords(kwargs))
        {
            return PyRef.Null;
        }

        if (n != 1)
        {
            return Heap.RaiseTypeError(Py27 ? $"reversed expected 1 arguments, got {n}" : $"reversed expected 1 argument, got {n}");
        }

        var seq = TupleType.Item(args, 0);
        if ((seq->Type == Heap.Types.List.TypeObject || seq->Type == Heap.Types.Iterators.Range.TypeObject)
            && !Heap.Types.NativeFunction.ModelBoundMethod())
        {
            // 2.7 reads their __reversed__ as a bound built-in method, made and dropped.
            return PyRef.Null;
        }

        if (Heap.TryGetReversedIter(seq, out var builtin))
        {
            return builtin;
        }

        if (seq->Type->Descriptor.IsHeapType && TryCallReversed(seq, out var result))
        {
            return result;
        }

        if (!IsSequence(seq))
        {
            if (!Py27 && Heap.IsDict(seq))
            {
                return Heap.Raise(Heap.Types.Exceptions.NotImplementedError, "Refheap does not support reversed(dict)");
            }

            return Heap.RaiseTypeError(Py27 ? "argument to reversed() must be a sequence" : $"'{seq->Type->Descriptor.Name}' object is not reversible");
        }

        var length = Heap.Length(seq);
        if (length < 0)
        {
            return PyRef.Null;
        }

        var o = Allocate(0, seq);
        if (o.IsNull)
        {
            return o;
        }

        ((PyBuiltinIteratorObject*)o.Ptr)->Index = length - 1;
        return Finish(o, true);
    }

    // A class's __reversed__ (None there means "not reversible").
    private bool TryCallReversed(PyObject* seq, out PyRef result)
    {
        result = PyRef.Null;
        var name = Heap.InternString("__reversed__");
        var attr = TypeType.Lookup(seq->Type, name.Ptr);
        if (attr == null)
        {
            return false;
        }

        if (attr == Heap.NoneObject)
        {
            result = Heap.RaiseTypeError($"'{seq->Type->Descriptor.Name}' object is not reversible");
            return true;
        }

        return Heap.TryCallSpecial(seq, "__reversed__", out result);
    }

    // PySequence_Check as reversed() needs it: a tuple, a str, a list, or a class (not a dict subclass) with __getitem__ (2.7: and __len__).
    private bool IsSequence(PyObject* o)
    {
        if (Heap.IsInstance(o, Heap.Types.Tuple) || Heap.IsInstance(o, Heap.Types.Str) || Heap.IsInstance(o, Heap.Types.List))
        {
            return true;
        }

        if (!o->Type->Descriptor.IsHeapType || Heap.IsDict(o))
        {
            return false;
        }

        return TypeType.Lookup(o->Type, Heap.InternString("__getitem__").Ptr) != null
            && TypeType.Lookup(o->Type, Heap.InternString("__len__").Ptr) != null;
    }

    /// <inheritdoc/>
    public override PyRef IterNext(PyObject* self) => _kind switch
    {
        BuiltinIteratorKind.Map => NextMap(self),
        BuiltinIteratorKind.Filter => NextFilter(self),
        BuiltinIteratorKind.Zip => NextZip(self),
        BuiltinIteratorKind.Enumerate => NextEnumerate(self),
        BuiltinIteratorKind.Reversed => NextReversed(self),
        _ => NextCallable(self),
    };

    // calliter_iternext: call; the sentinel (sentinel == result) or a StopIteration ends it, and
    // drops both. The call may exhaust this iterator re-entrantly: its result is then dropped.
    private PyRef NextCallable(PyObject* self)
    {
        var c = (PyBuiltinIteratorObject*)self;
        if (c->Function == null)
        {
            return PyRef.Null;
        }

        var result = Heap.Call(c->Function, Heap.Types.Tuple.Empty, null);
        if (result.IsNull)
        {
            if (Heap.ErrorMatches(Heap.Types.Exceptions.StopIteration))
            {
                Heap.ClearError();
                Clear(self);
            }

            return result;
        }

        if (c->Function == null)
        {
            result.DecRef();
            return PyRef.Null;
        }

        var sentinel = Items(self)[0];
        var done = sentinel == null ? 0 : Heap.RichCompareBool(sentinel, result.Ptr, CompareOp.Eq);
        if (done == 0)
        {
            return result;
        }

        result.DecRef();
        if (done > 0)
        {
            Clear(self);
        }

        return PyRef.Null;
    }

    // The next item of each iterator as a new tuple; null without an error when one is exhausted.
    private PyRef NextMap(PyObject* self)
    {
        // map_next gathers one item of each iterable on the C stack and passes them to the
        // function where they are (vectorcall): no tuple.
        var n = (int)((PyBuiltinIteratorObject*)self)->Count;
        var items = new PyRef[n];
        for (var i = 0; i < n; i++)
        {
            var it = Items(self)[i];
            var item = it == null ? PyRef.Null : Heap.IterNext(it);
            if (item.IsNull)
            {
                ReleaseAll(items.AsSpan(0, i));
                return PyRef.Null;
            }

            items[i] = item;
        }

        var result = Heap.CallVector(((PyBuiltinIteratorObject*)self)->Function, items);
        ReleaseAll(items);
        return result;
    }

    private static void ReleaseAll(ReadOnlySpan<PyRef> items)
    {
        foreach (var item in items)
        {
            item.DecRef();
        }
    }

    private PyRef NextFilter(PyObject* self)
    {
        var f = (PyBuiltinIteratorObject*)self;
        while (true)
        {
            var it = Items(self)[0];
            var item = it == null ? PyRef.Null : Heap.IterNext(it);
            if (item.IsNull)
            {
                return item;
            }

            int truth;
            if (f->Function == null)
            {
                truth = Heap.IsTrue(item.Ptr);
            }
            else
            {
                var r = Heap.CallVector(f->Function, [item]);
                truth = r.IsNull ? -1 : Heap.IsTrue(r.Ptr);
                r.XDecRef();
            }

            if (truth != 0)
            {
                if (truth < 0)
                {
                    item.DecRef();
                    return PyRef.Null;
                }

                return item;
            }

            item.DecRef();
        }
    }

    /// <summary>
    /// zip_next: one item of each iterator, into the zip's result tuple when nothing else holds
    /// it (its reference count is 1; tracked again if the collector untracked it), else into a
    /// new tuple. With <c>strict=True</c> every iterator must end at the same step.
    /// </summary>
    private PyRef NextZip(PyObject* self)
    {
        var z = (PyBuiltinIteratorObject*)self;
        var iterators = z->Function;
        var n = iterators == null ? 0 : TupleType.Size(iterators);
        if (n == 0)
        {
            return PyRef.Null;
        }

        var result = z->BigIndex;
        var reuse = result->RefCount == 1;
        PyRef tuple;
        if (reuse)
        {
            Heap.IncRef(result);
            tuple = new PyRef(result);
        }
        else
        {
            tuple = Heap.Types.Tuple.New(n);
            if (tuple.IsNull)
            {
                return tuple;
            }
        }

        for (nint i = 0; i < n; i++)
        {
            var item = Heap.IterNext(TupleType.Item(iterators, i));
            if (item.IsNull)
            {
                tuple.DecRef();
                return z->Index == 0 || Heap.ErrorOccurred ? PyRef.Null : ZipStrictEnd(iterators, i);
            }

            var old = TupleType.Items(tuple.Ptr)[i];
            TupleType.Items(tuple.Ptr)[i] = item.Ptr;
            Heap.XDecRef(old);
        }

        if (reuse && !Gc.Collector.IsTracked(result))
        {
            Heap.Gc.Track(result);
        }

        return tuple;
    }

    // zip(strict=True) after iterator `at` ended: an error unless every iterator ends here.
    private PyRef ZipStrictEnd(PyObject* iterators, nint at)
    {
        if (at > 0)
        {
            return Heap.RaiseValueError($"zip() argument {at + 1} is shorter than argument{(at == 1 ? "" : "s")} 1{(at == 1 ? "" : $"-{at}")}");
        }

        for (nint i = 1; i < TupleType.Size(iterators); i++)
        {
            var item = Heap.IterNext(TupleType.Item(iterators, i));
            if (!item.IsNull)
            {
                item.DecRef();
                return Heap.RaiseValueError($"zip() argument {i + 1} is longer than argument{(i == 1 ? "" : "s")} 1{(i == 1 ? "" : $"-{i}")}");
            }

            if (Heap.ErrorOccurred)
            {
                return PyRef.Null;
            }
        }

        return PyRef.Null;
    }

    private PyRef NextEnumerate(PyObject* self)
    {
        var e = (PyBuiltinIteratorObject*)self;
        var it = Items(self)[0];
        var item = it == null ? PyRef.Null : Heap.IterNext(it);
        if (item.IsNull)
        {
            return item;
        }

        PyRef number;
        if (e->BigIndex == null && e->Index < long.MaxValue)
        {
            number = Heap.NewInt(e->Index++);
        }
        else
        {
            if (e->BigIndex == null)
            {
                var big = Heap.NewInt(e->Index);
                if (big.IsNull)
                {
                    item.DecRef();
                    return big;
                }

                e->BigIndex = big.Ptr;
            }

            number = new PyRef(e->BigIndex).NewRef();
            var one = Heap.NewInt(1);
            var next = one.IsNull ? one : Heap.Add(e->BigIndex, one.Ptr);
            one.XDecRef();
            if (next.IsNull)
            {
                number.DecRef();
                item.DecRef();
                return next;
            }

            Heap.SetRef(ref e->BigIndex, next.Ptr);
        }

        if (number.IsNull)
        {
            item.DecRef();
            return number;
        }

        // enum_next: the result tuple again when nothing else holds it (3.x also tracks it
        // again if the collector untracked it), else a new pair.
        var result = e->Function;
        if (result != null && result->RefCount == 1)
        {
            Heap.IncRef(result);
            var items = TupleType.Items(result);
            var oldIndex = items[0];
            var oldItem = items[1];
            items[0] = number.Ptr;
            items[1] = item.Ptr;
            Heap.XDecRef(oldIndex);
            Heap.XDecRef(oldItem);
            if (!Py27 && !Gc.Collector.IsTracked(result))
            {
                Heap.Gc.Track(result);
            }

            return new PyRef(result);
        }

        var pair = Heap.Types.Tuple.New(2);
        if (pair.IsNull)
        {
            number.DecRef();
            item.DecRef();
            return pair;
        }

        TupleType.Items(pair.Ptr)[0] = number.Ptr;
        TupleType.Items(pair.Ptr)[1] = item.Ptr;
        return pair;
    }

    private PyRef NextReversed(PyObject* self)
    {
        var r = (PyBuiltinIteratorObject*)self;
        if (r->Function == null || r->Index < 0)
        {
            Heap.ClearRef(ref r->Function);
            return PyRef.Null;
        }

        var index = Heap.NewInt(r->Index--);
        if (index.IsNull)
        {
            return index;
        }

        var item = Heap.GetItem(r->Function, index.Ptr);
        index.DecRef();
        if (item.IsNull && (Heap.ErrorMatches(Heap.Types.Exceptions.IndexError) || Heap.ErrorMatches(Heap.Types.Exceptions.StopIteration)))
        {
            Heap.ClearError();
            r->Index = -1;
            Heap.ClearRef(ref r->Function);
        }

        return item;
    }
}
