using Refheap.Objects;

namespace Refheap.Weak;

/// <summary>
/// <c>weakref.WeakKeyDictionary</c>: a dict from weak references to the keys (each with the
/// shared removal callback) to the values, held strongly; an entry goes when its key dies.
/// </summary>
/// <remarks>
/// As Lib/weakref.py: lookups go through <c>ref(key)</c>, which hashes and compares as the key
/// while it lives, so <c>d[k]</c> raises KeyError with that weak reference and a key that
/// cannot be weakly referenced raises TypeError (but is simply not <c>in</c> the dict). The
/// values are strong: a value that refers back to the dictionary makes a cycle, which the
/// collector frees.
/// </remarks>
internal sealed unsafe class WeakKeyDictionaryType : WeakContainerType
{
    private const string Owner = "WeakKeyDictionary";

    /// <summary>Creates the descriptor.</summary>
    public WeakKeyDictionaryType(Heap heap)
        : base(heap, Owner, "weakref")
    {
    }

    /// <inheritdoc/>
    public override WeakIterationKind DefaultIteration => WeakIterationKind.KeyKeys;

    /// <inheritdoc/>
    protected override string RemoveName => "remove";

    /// <inheritdoc/>
    public override bool DataIsSet => false;

    /// <inheritdoc/>
    protected override PyRef NewData() => Heap.NewDict();

    /// <inheritdoc/>
    /// <remarks>2.7's callback lets a KeyError for a key already gone escape (it is reported as unraisable); 3.x's ignores it.</remarks>
    protected override int OnReferentDied(PyObject* self, PyObject* wr)
    {
        if (IsIterating(self))
        {
            return AppendPending(self, wr);
        }

        return Behaviour.KeyRemovalIgnoresMissing ? DeleteIgnoringMissing(Data(self), wr) : Heap.Types.Dict.DelItem(Data(self), wr);
    }

    /// <inheritdoc/>
    protected override int CommitPendingRemovals(PyObject* self)
    {
        for (var wr = PopPending(self); !wr.IsNull; wr = PopPending(self))
        {
            var r = DeleteIgnoringMissing(Data(self), wr.Ptr);
            wr.DecRef();
            if (r < 0)
            {
                return -1;
            }
        }

        return 0;
    }

    /// <summary><c>try: del d[k] except KeyError: pass</c>; 0 or -1.</summary>
    private int DeleteIgnoringMissing(PyObject* d, PyObject* key)
    {
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

    /// <inheritdoc/>
    /// <remarks><c>self.data[ref(key)]</c>: KeyError carries the weak reference.</remarks>
    public override PyRef Subscript(PyObject* self, PyObject* key)
    {
        if (IsCleared(self))
        {
            return PyRef.Null;
        }

        var wr = WeakRefTo(key);
        if (wr.IsNull)
        {
            return wr;
        }

        var value = Heap.Types.Dict.GetItem(Data(self), wr.Ptr);
        var result = value != null ? new PyRef(value).NewRef() : Heap.ErrorOccurred ? PyRef.Null : Heap.RaiseKeyError(wr);
        wr.DecRef();
        return result;
    }

    /// <inheritdoc/>
    /// <remarks><c>self.data[ref(key, self._remove)] = value</c>; <c>del self.data[ref(key)]</c>.</remarks>
    public override int SetItem(PyObject* self, PyObject* key, PyObject* value)
    {
        if (IsCleared(self))
        {
            return -1;
        }

        if (value == null)
        {
            MarkLengthDirty(self);
            var r = WeakRefTo(key);
            if (r.IsNull)
            {
                return -1;
            }

            var status = Heap.Types.Dict.DelItem(Data(self), r.Ptr);
            r.DecRef();
            return status;
        }

        var wr = WeakRefWithRemoval(self, key);
        if (wr.IsNull)
        {
            return -1;
        }

        var s = Heap.Types.Dict.SetItem(Data(self), wr.Ptr, value);
        wr.DecRef();
        return s;
    }

    /// <summary>3.x's <c>self._dirty_len = True</c>: an explicit deletion may leave pending removals that no longer are in the data.</summary>
    private void MarkLengthDirty(PyObject* self)
    {
        if (Behaviour.KeyLengthSubtractsPending)
        {
            ((PyWeakContainerObject*)self)->DirtyLength = 1;
        }
    }

    /// <inheritdoc/>
    /// <remarks>2.7: <c>len(self.data)</c>, dead entries pending removal included. 3.x: <c>len(data) - len(pending)</c>, after scrubbing pending removals an explicit deletion already took (bpo-21173).</remarks>
    public override nint Length(PyObject* self)
    {
        if (IsCleared(self))
        {
            return -1;
        }

        var data = Data(self);
        if (!Behaviour.KeyLengthSubtractsPending)
        {
            return Heap.Types.Dict.Count(data);
        }

        var c = (PyWeakContainerObject*)self;
        if (c->DirtyLength != 0 && PendingCount(self) > 0)
        {
            if (FilterPending(self, k => Heap.Types.Dict.Contains(data, (PyObject*)k)) < 0)
            {
                return -1;
            }

            c->DirtyLength = 0;
        }

        return Heap.Types.Dict.Count(data) - PendingCount(self);
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

    /// <summary><c>key in d</c>: false for a key that cannot be weakly referenced; 1, 0 or -1.</summary>
    public override int Contains(PyObject* self, PyObject* key)
    {
        if (IsCleared(self))
        {
            return -1;
        }

        var wr = WeakRefOrNothing(key);
        if (wr.IsNull)
        {
            return Heap.ErrorOccurred ? -1 : 0;
        }

        var r = Heap.Types.Dict.Contains(Data(self), wr.Ptr);
        wr.DecRef();
        return r;
    }

    /// <inheritdoc/>
    protected override List<(MethodSignature Signature, MethodBody Body)> Methods()
    {
        List<(MethodSignature Signature, MethodBody Body)> methods =
        [
            (new MethodSignature(Owner, "get", ["key", "default"], 1), Get),
            (new MethodSignature(Owner, "pop", ["key"], 1, varArgs: true), Pop),
            (new MethodSignature(Owner, "setdefault", ["key", "default"], 1), SetDefault),
            (new MethodSignature(Owner, "__contains__", ["key"], 1), (self, a) => ContainsMethod(self, a[0])),
            (MethodSignature.NoArguments(Owner, "__iter__"), (self, _) => NewIterator(self, WeakIterationKind.KeyKeys)),
            (MethodSignature.NoArguments(Owner, "keyrefs"), (self, _) => ListOf(self, (wr, _) => new PyRef(wr).NewRef())),
            (MethodSignature.NoArguments(Owner, "clear"), Clear),
        ];
        if (Behaviour.MappingViewsAreGenerators)
        {
            methods.Add((MethodSignature.NoArguments(Owner, "keys"), (self, _) => NewIterator(self, WeakIterationKind.KeyKeys)));
            methods.Add((MethodSignature.NoArguments(Owner, "values"), (self, _) => NewIterator(self, WeakIterationKind.KeyValues)));
            methods.Add((MethodSignature.NoArguments(Owner, "items"), (self, _) => NewIterator(self, WeakIterationKind.KeyItems)));
            return methods;
        }

        // 2.7: keys() and items() list the live entries; UserDict's values() lists every value.
        methods.Add((new MethodSignature(Owner, "has_key", ["key"], 1), (self, a) => ContainsMethod(self, a[0])));
        methods.Add((MethodSignature.NoArguments(Owner, "keys"), (self, _) => ListOf(self, (wr, _) => Deref(wr))));
        methods.Add((MethodSignature.NoArguments("UserDict", "values"), (self, _) => ListOf(self, (_, v) => new PyRef(v).NewRef())));
        methods.Add((MethodSignature.NoArguments(Owner, "items"), (self, _) => ListOf(self, LiveItem)));
        methods.Add((MethodSignature.NoArguments(Owner, "iterkeys"), (self, _) => NewIterator(self, WeakIterationKind.KeyKeys)));
        methods.Add((MethodSignature.NoArguments(Owner, "itervalues"), (self, _) => NewIterator(self, WeakIterationKind.KeyValues)));
        methods.Add((MethodSignature.NoArguments(Owner, "iteritems"), (self, _) => NewIterator(self, WeakIterationKind.KeyItems)));
        methods.Add((MethodSignature.NoArguments(Owner, "iterkeyrefs"), (self, _) => NewIterator(self, WeakIterationKind.KeyRefs)));
        return methods;
    }

    /// <summary>
    /// <c>__contains__</c> (and 2.7's <c>has_key</c>): a bool; for a key that cannot be weakly
    /// referenced 2.7 returns the int 0 (<c>except TypeError: return 0</c>), 3.x False.
    /// </summary>
    private PyRef ContainsMethod(PyObject* self, PyObject* key)
    {
        if (Behaviour.ClassicMappings && key->Type->Descriptor.WeakListOffset == 0)
        {
            return Heap.NewInt(0);
        }

        var r = Contains(self, key);
        return r < 0 ? PyRef.Null : Heap.NewBool(r == 1);
    }

    private PyRef LiveItem(PyObject* wr, PyObject* value)
    {
        var key = Deref(wr);
        if (key.IsNull)
        {
            return key;
        }

        var pair = Heap.NewTuple(key, new PyRef(value));
        key.DecRef();
        return pair;
    }

    /// <summary><c>self.data.get(ref(key), default)</c>.</summary>
    private PyRef Get(PyObject* self, PyObject*[] a)
    {
        var wr = WeakRefTo(a[0]);
        if (wr.IsNull)
        {
            return wr;
        }

        var value = Heap.Types.Dict.GetItem(Data(self), wr.Ptr);
        wr.DecRef();
        if (value != null)
        {
            return new PyRef(value).NewRef();
        }

        return Heap.ErrorOccurred ? PyRef.Null : a[1] != null ? new PyRef(a[1]).NewRef() : Heap.None;
    }

    /// <summary><c>self.data.pop(ref(key), *args)</c>: KeyError carries the weak reference.</summary>
    private PyRef Pop(PyObject* self, PyObject*[] a)
    {
        MarkLengthDirty(self);
        var wr = WeakRefTo(a[0]);
        if (wr.IsNull)
        {
            return wr;
        }

        if (a.Length > 2)
        {
            wr.DecRef();
            return Heap.RaiseTypeError($"pop expected at most 2 arguments, got {a.Length}");
        }

        var data = Data(self);
        var value = Heap.Types.Dict.GetItem(data, wr.Ptr);
        PyRef result;
        if (value != null)
        {
            result = new PyRef(value).NewRef();
            if (Heap.Types.Dict.DelItem(data, wr.Ptr) < 0)
            {
                result.DecRef();
                result = PyRef.Null;
            }
        }
        else
        {
            result = Heap.ErrorOccurred ? PyRef.Null : a.Length > 1 ? new PyRef(a[1]).NewRef() : Heap.RaiseKeyError(wr);
        }

        wr.DecRef();
        return result;
    }

    /// <summary><c>self.data.setdefault(ref(key, self._remove), default)</c>.</summary>
    private PyRef SetDefault(PyObject* self, PyObject*[] a)
    {
        var wr = WeakRefWithRemoval(self, a[0]);
        if (wr.IsNull)
        {
            return wr;
        }

        var data = Data(self);
        var value = Heap.Types.Dict.GetItem(data, wr.Ptr);
        PyRef result;
        if (value != null)
        {
            result = new PyRef(value).NewRef();
        }
        else if (Heap.ErrorOccurred)
        {
            result = PyRef.Null;
        }
        else
        {
            var d = a[1] != null ? a[1] : Heap.NoneObject;
            result = Heap.Types.Dict.SetItem(data, wr.Ptr, d) < 0 ? PyRef.Null : new PyRef(d).NewRef();
        }

        wr.DecRef();
        return result;
    }

    /// <summary><c>clear()</c>: empties the data (3.x's MutableMapping.clear pops every item, marking the length dirty).</summary>
    private PyRef Clear(PyObject* self, PyObject*[] a)
    {
        MarkLengthDirty(self);
        Heap.Types.Dict.ClearContents(Data(self));
        return Heap.None;
    }
}
