using Refheap.Objects;

namespace Refheap.Weak;

/// <summary>
/// <c>weakref.WeakValueDictionary</c>: a dict from keys to <see cref="KeyedReferenceType">KeyedRefs</see>
/// of the values; an entry goes when its value dies, by reference counting or in a collection.
/// </summary>
/// <remarks>
/// As Lib/weakref.py: <c>d[k]</c> raises KeyError for a missing key and for a dead value; the
/// removal callback deletes an entry only while its weak reference is still the dead one
/// (<c>_remove_dead_weakref</c>), so a value stored again under the same key survives the
/// old value's death. 2.7's class derives from UserDict (lists from <c>keys()</c>,
/// <c>values()</c>, <c>items()</c>; <c>len()</c> counts dead entries still pending); 3.12's
/// from MutableMapping (generators; <c>len()</c> commits pending removals first).
/// </remarks>
internal sealed unsafe class WeakValueDictionaryType : WeakContainerType
{
    private const string Owner = "WeakValueDictionary";

    /// <summary>Creates the descriptor.</summary>
    public WeakValueDictionaryType(Heap heap)
        : base(heap, Owner, "weakref")
    {
    }

    /// <inheritdoc/>
    public override WeakIterationKind DefaultIteration => WeakIterationKind.ValueKeys;

    /// <inheritdoc/>
    protected override string RemoveName => "remove";

    /// <inheritdoc/>
    public override bool DataIsSet => false;

    /// <inheritdoc/>
    protected override PyRef NewData() => Heap.NewDict();

    /// <inheritdoc/>
    protected override int OnReferentDied(PyObject* self, PyObject* wr)
    {
        if (!KeyedReferenceType.IsKeyedReference(wr))
        {
            Heap.Raise(Heap.Types.Exceptions.AttributeError, $"'{wr->Type->Descriptor.Name}' object has no attribute 'key'");
            return -1;
        }

        // A KeyedRef the collector cleared has no key left, and no entry to remove.
        var key = KeyedReferenceType.KeyOf(wr);
        if (key == null)
        {
            return 0;
        }

        return IsIterating(self) ? AppendPending(self, key) : RemoveDeadWeakReference(Data(self), key);
    }

    /// <inheritdoc/>
    protected override int CommitPendingRemovals(PyObject* self)
    {
        for (var key = PopPending(self); !key.IsNull; key = PopPending(self))
        {
            var r = RemoveDeadWeakReference(Data(self), key.Ptr);
            key.DecRef();
            if (r < 0)
            {
                return -1;
            }
        }

        return 0;
    }

    /// <summary>
    /// <c>_weakref._remove_dead_weakref(d, key)</c>: deletes <c>d[key]</c> only if it is a dead
    /// weak reference; a missing key is fine. 0, or -1 when hashing or comparing the key fails.
    /// </summary>
    private int RemoveDeadWeakReference(PyObject* d, PyObject* key)
    {
        var value = Heap.Types.Dict.GetItem(d, key);
        if (value == null)
        {
            return Heap.ErrorOccurred ? -1 : 0;
        }

        var isWeakReference = KeyedReferenceType.IsKeyedReference(value) || WeakReferenceType.IsWeakReference(value);
        if (!isWeakReference || WeakReferenceType.Referent(value) != null)
        {
            return 0;
        }

        if (Heap.Types.Dict.DelItem(d, key) < 0)
        {
            if (!Heap.ErrorMatches(Heap.Types.Exceptions.KeyError))
            {
                return -1;
            }

            Heap.ClearError();
        }

        return 0;
    }

    /// <summary>The live value under <paramref name="key"/> as a new reference; null with no error when the key is missing or its value died, null with the error set when the lookup failed.</summary>
    private PyRef LiveValue(PyObject* self, PyObject* key)
    {
        var wr = Heap.Types.Dict.GetItem(Data(self), key);
        return wr == null ? PyRef.Null : Deref(wr);
    }

    /// <inheritdoc/>
    /// <remarks><c>__getitem__</c>: commits pending removals, then KeyError(key) for a missing key or a dead value.</remarks>
    public override PyRef Subscript(PyObject* self, PyObject* key)
    {
        if (IsCleared(self) || CommitRemovals(self) < 0)
        {
            return PyRef.Null;
        }

        var o = LiveValue(self, key);
        return !o.IsNull || Heap.ErrorOccurred ? o : Heap.RaiseKeyError(new PyRef(key));
    }

    /// <inheritdoc/>
    /// <remarks><c>__setitem__</c> stores <c>KeyedRef(value, self._remove, key)</c>; <c>__delitem__</c> deletes the entry, dead or alive.</remarks>
    public override int SetItem(PyObject* self, PyObject* key, PyObject* value)
    {
        if (IsCleared(self) || CommitRemovals(self) < 0)
        {
            return -1;
        }

        if (value == null)
        {
            return Heap.Types.Dict.DelItem(Data(self), key);
        }

        var kr = Heap.Types.WeakContainers.KeyedRef.New(value, RemoveCallback(self), key);
        if (kr.IsNull)
        {
            return -1;
        }

        var r = Heap.Types.Dict.SetItem(Data(self), key, kr.Ptr);
        kr.DecRef();
        return r;
    }

    /// <inheritdoc/>
    public override nint Length(PyObject* self)
    {
        if (IsCleared(self) || (Behaviour.ValueLengthCommitsRemovals && CommitRemovals(self) < 0))
        {
            return -1;
        }

        return Heap.Types.Dict.Count(Data(self));
    }

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self) => MappingRepr(self);

    /// <inheritdoc/>
    public override long Hash(PyObject* self)
    {
        if (!Behaviour.ClassicMappings)
        {
            return base.Hash(self);
        }

        // An old-style instance calls its class's __hash__, which UserDict sets to None.
        Heap.RaiseTypeError("'NoneType' object is not callable");
        return -1;
    }

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name) => ClassicGetAttr(self, name);

    /// <summary><c>key in d</c>: whether the key has a live value (after committing pending removals); 1, 0 or -1.</summary>
    public override int Contains(PyObject* self, PyObject* key)
    {
        if (IsCleared(self) || CommitRemovals(self) < 0)
        {
            return -1;
        }

        var o = LiveValue(self, key);
        if (o.IsNull)
        {
            return Heap.ErrorOccurred ? -1 : 0;
        }

        o.DecRef();
        return 1;
    }

    /// <inheritdoc/>
    protected override List<(MethodSignature Signature, MethodBody Body)> Methods()
    {
        List<(MethodSignature Signature, MethodBody Body)> methods =
        [
            (new MethodSignature(Owner, "get", ["key", "default"], 1), Get),
            (new MethodSignature(Owner, "pop", ["key"], 1, varArgs: true), Pop),
            (new MethodSignature(Owner, "setdefault", ["key", "default"], 1), SetDefault),
            (new MethodSignature(Owner, "__contains__", ["key"], 1), (self, a) => BoolResult(Contains(self, a[0]))),
            (MethodSignature.NoArguments(Owner, "__iter__"), (self, _) => NewIterator(self, WeakIterationKind.ValueKeys)),
            (MethodSignature.NoArguments(Owner, "valuerefs"), ValueRefs),
            (MethodSignature.NoArguments(Owner, "itervaluerefs"), (self, _) => NewIterator(self, WeakIterationKind.ValueRefs)),
            (MethodSignature.NoArguments(Owner, "clear"), Clear),
        ];
        if (Behaviour.MappingViewsAreGenerators)
        {
            methods.Add((MethodSignature.NoArguments(Owner, "keys"), (self, _) => NewIterator(self, WeakIterationKind.ValueKeys)));
            methods.Add((MethodSignature.NoArguments(Owner, "values"), (self, _) => NewIterator(self, WeakIterationKind.ValueValues)));
            methods.Add((MethodSignature.NoArguments(Owner, "items"), (self, _) => NewIterator(self, WeakIterationKind.ValueItems)));
            return methods;
        }

        // 2.7: UserDict's keys() lists every key of the data, without committing; the rest commit first.
        methods.Add((new MethodSignature(Owner, "has_key", ["key"], 1), (self, a) => BoolResult(Contains(self, a[0]))));
        methods.Add((MethodSignature.NoArguments("UserDict", "keys"), (self, _) => ListOf(self, (k, _) => new PyRef(k).NewRef())));
        methods.Add((MethodSignature.NoArguments(Owner, "values"), (self, _) => CommittedList(self, (_, wr) => Deref(wr))));
        methods.Add((MethodSignature.NoArguments(Owner, "items"), (self, _) => CommittedList(self, LiveItem)));
        methods.Add((MethodSignature.NoArguments(Owner, "iterkeys"), (self, _) => NewIterator(self, WeakIterationKind.ValueKeys)));
        methods.Add((MethodSignature.NoArguments(Owner, "itervalues"), (self, _) => NewIterator(self, WeakIterationKind.ValueValues)));
        methods.Add((MethodSignature.NoArguments(Owner, "iteritems"), (self, _) => NewIterator(self, WeakIterationKind.ValueItems)));
        return methods;
    }

    private PyRef BoolResult(int r) => r < 0 ? PyRef.Null : Heap.NewBool(r == 1);

    private PyRef CommittedList(PyObject* self, DictEntrySelector select) =>
        CommitRemovals(self) < 0 ? PyRef.Null : ListOf(self, select);

    private PyRef LiveItem(PyObject* key, PyObject* wr)
    {
        var o = Deref(wr);
        if (o.IsNull)
        {
            return o;
        }

        var pair = Heap.NewTuple(new PyRef(key), o);
        o.DecRef();
        return pair;
    }

    /// <summary><c>get(key, default=None)</c>: the live value, else the default.</summary>
    private PyRef Get(PyObject* self, PyObject*[] a)
    {
        if (CommitRemovals(self) < 0)
        {
            return PyRef.Null;
        }

        var o = LiveValue(self, a[0]);
        if (!o.IsNull || Heap.ErrorOccurred)
        {
            return o;
        }

        return a[1] != null ? new PyRef(a[1]).NewRef() : Heap.None;
    }

    /// <summary><c>pop(key, *args)</c>: removes the entry (dead or alive); its live value, else the default, else KeyError(key).</summary>
    private PyRef Pop(PyObject* self, PyObject*[] a)
    {
        if (CommitRemovals(self) < 0)
        {
            return PyRef.Null;
        }

        var data = Data(self);
        var wr = Heap.Types.Dict.GetItem(data, a[0]);
        var o = PyRef.Null;
        if (wr != null)
        {
            Heap.IncRef(wr);
            if (Heap.Types.Dict.DelItem(data, a[0]) < 0)
            {
                Heap.DecRef(wr);
                return PyRef.Null;
            }

            o = Deref(wr);
            Heap.DecRef(wr);
        }
        else if (Heap.ErrorOccurred)
        {
            return PyRef.Null;
        }

        if (!o.IsNull)
        {
            return o;
        }

        return a.Length > 1 ? new PyRef(a[1]).NewRef() : Heap.RaiseKeyError(new PyRef(a[0]));
    }

    /// <summary><c>setdefault(key, default=None)</c>: the live value, else stores <c>KeyedRef(default)</c> and returns the default.</summary>
    private PyRef SetDefault(PyObject* self, PyObject*[] a)
    {
        if (Behaviour.ValueSetdefaultCommitsFirst && CommitRemovals(self) < 0)
        {
            return PyRef.Null;
        }

        var o = LiveValue(self, a[0]);
        if (!o.IsNull || Heap.ErrorOccurred)
        {
            return o;
        }

        if (!Behaviour.ValueSetdefaultCommitsFirst && CommitRemovals(self) < 0)
        {
            return PyRef.Null;
        }

        var value = a[1] != null ? a[1] : Heap.NoneObject;
        var kr = Heap.Types.WeakContainers.KeyedRef.New(value, RemoveCallback(self), a[0]);
        if (kr.IsNull)
        {
            return PyRef.Null;
        }

        var r = Heap.Types.Dict.SetItem(Data(self), a[0], kr.Ptr);
        kr.DecRef();
        return r < 0 ? PyRef.Null : new PyRef(value).NewRef();
    }

    /// <summary><c>valuerefs()</c>: a list of the KeyedRefs, after committing pending removals.</summary>
    private PyRef ValueRefs(PyObject* self, PyObject*[] a) => CommittedList(self, (_, wr) => new PyRef(wr).NewRef());

    /// <summary><c>clear()</c>: commits pending removals, then empties the data.</summary>
    private PyRef Clear(PyObject* self, PyObject*[] a)
    {
        if (CommitRemovals(self) < 0)
        {
            return PyRef.Null;
        }

        Heap.Types.Dict.ClearContents(Data(self));
        return Heap.None;
    }
}
