using System.Runtime.InteropServices;
using System.Text;
using Refheap.Objects.Native.Dict;
using Refheap.Objects.Native.List;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Set;

/// <summary><c>set</c> and <c>frozenset</c>: CPython's setobject.c hash tables, as the profile's CPython builds them.</summary>
/// <remarks>
/// One descriptor class, two instances (<see cref="Frozen"/>). The table follows the
/// profile's CPython so that iteration order and reprs come out the same:
/// <list type="bullet">
/// <item>py27 (SetType.Classic.cs): 2.7's set, probing like 2.7's dict, growing when fill
/// reaches 2/3 of the slots; freed sets go to a free list of 80 shared by both types; the
/// empty <c>frozenset()</c> is a singleton.</item>
/// <item>py312 (SetType.Linear.cs): 3.x's set, which looks at 9 neighbouring slots before
/// jumping (LINEAR_PROBES), reuses the last dummy on the path, and grows when fill reaches
/// 3/5 of the mask.</item>
/// </list>
/// Which one is used follows <see cref="Profile.InsertionOrderedDicts"/>: the 3.x container
/// implementations go together. Sets are tracked from birth, frozensets too, as in CPython.
/// </remarks>
internal sealed unsafe partial class SetType : TypeDescriptor
{
    /// <summary>2.7's PySet_MAXFREELIST.</summary>
    private const int MaxFreeList = 80;

    /// <summary>Marks a deleted slot's key (CPython's <c>dummy</c>); never dereferenced.</summary>
    private static readonly PyObject* Deleted = (PyObject*)1;

    private readonly bool _linear;
    private FreeList? _freeList;
    private PyObject* _emptyFrozenSet;
    private PyTypeObject* _str;

    /// <summary>Creates the descriptor of <c>set</c> or, when <paramref name="frozen"/>, <c>frozenset</c>.</summary>
    public SetType(Heap heap, bool frozen)
        : base(heap, frozen ? "frozenset" : "set")
    {
        Frozen = frozen;
        _linear = heap.Profile.InsertionOrderedDicts;
    }

    /// <summary>Whether this is <c>frozenset</c>.</summary>
    public bool Frozen { get; }

    /// <inheritdoc/>
    public override bool IsGc => true;

    // Computed once: Marshal.OffsetOf is reflection, far too slow for every dealloc that asks.
    private static readonly int s_weakListOffset = (int)Marshal.OffsetOf<PySetObject>(nameof(PySetObject.WeakList));

    /// <inheritdoc/>
    public override int WeakListOffset => s_weakListOffset;

    /// <inheritdoc/>
    /// <remarks>A zeroed block of this size is a valid empty set, so subclass instances need no set-up.</remarks>
    public override nuint BaseInstanceSize => (nuint)sizeof(PySetObject);

    /// <summary>Tops 2.7's set free list up to <paramref name="count"/> blocks, uncounted (what CPython's start-up leaves there); nothing in 3.12, which has none.</summary>
    public void Prefill(int count)
    {
        var list = _linear ? null : SharedFreeList;
        while (list != null && list.Count < Math.Min(count, list.Capacity))
        {
            var o = Heap.AllocObject(this, (nuint)sizeof(PySetObject), counted: false);
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

    /// <summary>2.7's set free list, shared by set and frozenset (made by set's descriptor).</summary>
    private FreeList? SharedFreeList => Frozen ? Heap.Types.Set._freeList : _freeList;

    internal override void Initialize()
    {
        _str = Heap.Types.Str.TypeObject;
        if (!_linear && !Frozen)
        {
            _freeList = Heap.FreeLists.AddContainer(new FreeList("set", MaxFreeList, block => Heap.FreeObject((PyObject*)block, this, (nuint)sizeof(PySetObject))));
        }
    }

    /// <summary>
    /// A new set (or frozenset) holding the items of <paramref name="iterableOrNull"/> (PySet_New /
    /// PyFrozenSet_New): a new reference, or null with the error set. The iterable may be null
    /// (empty) or any iterable (sets, dicts, tuples, lists and strs directly; anything else
    /// through the iteration protocol).
    /// </summary>
    public PyRef New(PyObject* iterableOrNull)
    {
        var o = AllocateEmpty();
        if (o == null)
        {
            return PyRef.Null;
        }

        if (iterableOrNull != null && Update(o, iterableOrNull) < 0)
        {
            Heap.DecRef(o);
            return PyRef.Null;
        }

        return new PyRef(o);
    }

    /// <summary><c>s.add(key)</c> (PySet_Add): 0, or -1 with the error set (TypeError for an unhashable key).</summary>
    public int Add(PyObject* s, PyObject* key)
    {
        var hash = HashOf(key);
        if (hash == -1)
        {
            return -1;
        }

        return _linear ? LinearAdd(Set(s), key, hash) : ClassicAdd(Set(s), key, hash);
    }

    /// <summary><c>s.discard(key)</c> (PySet_Discard): 1 when found and removed, 0 when missing, -1 on error.</summary>
    public int Discard(PyObject* s, PyObject* key)
    {
        var hash = HashOf(key);
        if (hash == -1)
        {
            return -1;
        }

        return _linear ? LinearDiscard(Set(s), key, hash) : ClassicDiscard(Set(s), key, hash);
    }

    /// <summary><c>key in s</c> (PySet_Contains): 1, 0, or -1 with the error set.</summary>
    public override int Contains(PyObject* s, PyObject* key)
    {
        var hash = HashOf(key);
        if (hash == -1)
        {
            return -1;
        }

        return ContainsEntry(Set(s), key, hash);
    }

    /// <summary>The number of items (PySet_Size).</summary>
    public nint Count(PyObject* s) => ((PySetObject*)s)->Used;

    /// <summary>
    /// The next key in table order, BORROWED (_PySet_NextEntry); <paramref name="pos"/> starts
    /// at 0. Mutating the set during the walk is memory-safe but may skip or repeat keys.
    /// </summary>
    public bool Next(PyObject* s, ref nint pos, out PyObject* key) => NextEntry(Set(s), ref pos, out key, out _);

    /// <summary>
    /// <c>s.pop()</c> (set_pop) on a non-empty set: takes out the key at CPython's search finger
    /// and returns the set's reference to it. 3.x keeps the finger in the set; 2.7 in the hash
    /// field of slot 0, searching slots 1 and up when slot 0 is free. No key is compared or hashed.
    /// </summary>
    public PyObject* Pop(PyObject* s)
    {
        var so = Set(s);
        var table = so->Table;
        var mask = so->Mask;
        nint i;
        if (_linear)
        {
            i = so->Finger & mask;
            while (table[i].Key == null || table[i].Key == Deleted)
            {
                i = i == mask ? 0 : i + 1;
            }

            so->Finger = i + 1;
        }
        else
        {
            i = 0;
            if (table[0].Key == null || table[0].Key == Deleted)
            {
                i = (nint)table[0].Hash;
                if (i > mask || i < 1)
                {
                    i = 1;
                }

                while (table[i].Key == null || table[i].Key == Deleted)
                {
                    i = i == mask ? 1 : i + 1;
                }
            }
        }

        var key = table[i].Key;
        table[i].Key = Deleted;
        table[i].Hash = -1;
        so->Used--;
        if (!_linear)
        {
            table[0].Hash = i + 1;
        }

        return key;
    }

    /// <summary><c>s.update(other)</c> (set_update_internal): 0, or -1 with the error set.</summary>
    public int Update(PyObject* s, PyObject* other)
    {
        var so = Set(s);
        if (IsAnySet(other))
        {
            return _linear ? LinearMerge(so, Set(other)) : ClassicMerge(so, Set(other));
        }

        var dicts = Heap.Types.Dict;
        if (other->Type == dicts.TypeObject)
        {
            return _linear ? LinearUpdateFromDict(so, other) : ClassicUpdateFromDict(so, other);
        }

        if (dicts.IsDict(other))
        {
            // A dict subclass: plain iteration over its keys, without the up-front resize.
            nint pos = 0;
            while (dicts.Next(other, ref pos, out var key, out _))
            {
                if (AddHeld(s, key) < 0)
                {
                    return -1;
                }
            }

            return 0;
        }

        if (other->Type == Heap.Types.Tuple.TypeObject)
        {
            var n = TupleType.Size(other);
            for (nint i = 0; i < n; i++)
            {
                if (Add(s, TupleType.Item(other, i)) < 0)
                {
                    return -1;
                }
            }

            return 0;
        }

        if (other->Type == Heap.Types.List.TypeObject)
        {
            // A list may change while keys are compared: size and items are read at every step.
            for (nint i = 0; i < ListType.Size(other); i++)
            {
                if (AddHeld(s, ListType.Items(other)[i]) < 0)
                {
                    return -1;
                }
            }

            return 0;
        }

        if (other->Type == _str)
        {
            var n = ((PyStrObject*)other)->Length;
            for (nint i = 0; i < n; i++)
            {
                var c = Heap.NewString(new ReadOnlySpan<char>(StrType.Chars(other) + i, 1));
                if (c.IsNull)
                {
                    return -1;
                }

                var r = Add(s, c.Ptr);
                c.DecRef();
                if (r < 0)
                {
                    return -1;
                }
            }

            return 0;
        }

        return Heap.ForEach(other, key => Add(s, (PyObject*)key));
    }

    /// <summary><c>s.clear()</c>: the set is emptied first, then the old keys are released in slot order.</summary>
    public void ClearContents(PyObject* s)
    {
        var so = Set(s);
        var table = so->Table;
        var mask = so->Mask;
        var used = so->Used;
        var small = PySetObject.SmallTable(so);
        var tableIsBuffer = table != small;
        var smallCopy = stackalloc SetEntry[PySetObject.MinSize];
        if (tableIsBuffer)
        {
            EmptyToMinSize(so);
        }
        else if (so->Fill > 0)
        {
            Buffer.MemoryCopy(table, smallCopy, sizeof(SetEntry) * PySetObject.MinSize, sizeof(SetEntry) * PySetObject.MinSize);
            table = smallCopy;
            EmptyToMinSize(so);
        }

        for (var entry = table; used > 0; entry++)
        {
            if (entry->Key != null && entry->Key != Deleted)
            {
                used--;
                Heap.DecRef(entry->Key);
            }
        }

        if (tableIsBuffer)
        {
            Heap.FreeBuffer(table, (nuint)(mask + 1) * (nuint)sizeof(SetEntry));
        }
    }

    /// <summary>Drops every key and the table, leaving an empty set; the object is not freed (a subclass's dealloc calls this).</summary>
    public override void ReleaseContents(PyObject* self) => ClearContents(self);

    /// <summary>Whether an object is a set or frozenset (or an instance of a subclass of either).</summary>
    public bool IsAnySet(PyObject* o) => Heap.IsInstance(o, Heap.Types.Set) || Heap.IsInstance(o, Heap.Types.FrozenSet);

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self)
    {
        var so = (PySetObject*)self;
        var table = so->Table == null || so->Table == PySetObject.SmallTable(so) ? 0 : (nuint)(so->Mask + 1) * (nuint)sizeof(SetEntry);
        return (nuint)sizeof(PySetObject) + table;
    }

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        Heap.Gc.Untrack(self);
        if (((PySetObject*)self)->WeakList != null)
        {
            Heap.ClearWeakReferences(self);
        }

        ClearContents(self);
        if (!_linear && (self->Type == Heap.Types.Set.TypeObject || self->Type == Heap.Types.FrozenSet.TypeObject) && SharedFreeList!.TryPush(self))
        {
            return;
        }

        Heap.FreeObject(self, this, (nuint)sizeof(PySetObject));
    }

    /// <inheritdoc/>
    /// <remarks>
    /// A static function, not the descriptor's <see cref="Traverse"/>: a set subclass's
    /// instance traverses its set part through it, and dispatching on the instance's type
    /// would come back to the subclass (endless recursion).
    /// </remarks>
    public override delegate*<PyObject*, delegate*<PyObject*, void*, int>, void*, int> TraverseFunction => &TraverseEntries;

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg) => TraverseEntries(self, visit, arg);

    private static int TraverseEntries(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var so = Set(self);
        nint pos = 0;
        while (NextEntry(so, ref pos, out var key, out _))
        {
            var r = visit(key, arg);
            if (r != 0)
            {
                return r;
            }
        }

        return 0;
    }

    /// <inheritdoc/>
    public override void Clear(PyObject* self) => ClearContents(self);

    /// <inheritdoc/>
    public override nint Length(PyObject* self) => Count(self);

    /// <inheritdoc/>
    public override PyRef Iter(PyObject* self) => Heap.Types.Iterators.Set.New(self);

    /// <inheritdoc/>
    public override int IsTrue(PyObject* self) => Count(self) != 0 ? 1 : 0;

    /// <inheritdoc/>
    public override long Hash(PyObject* self)
    {
        if (!Frozen)
        {
            Heap.RaiseTypeError($"unhashable type: '{self->Type->Descriptor.Name}'");
            return -1;
        }

        var so = Set(self);
        if (so->Hash != -1)
        {
            return so->Hash;
        }

        so->Hash = _linear ? LinearFrozenHash(so) : ClassicFrozenHash(so);
        return so->Hash;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// set_richcompare: == and != compare contents; &lt;= &lt; &gt;= &gt; are the subset and
    /// superset tests; anything but a set or frozenset gives NotImplemented.
    /// </remarks>
    public override PyRef RichCompare(PyObject* self, PyObject* other, CompareOp op)
    {
        if (!IsAnySet(other))
        {
            return Heap.NotImplemented;
        }

        var v = Set(self);
        var w = Set(other);
        int r;
        switch (op)
        {
            case CompareOp.Eq:
            case CompareOp.Ne:
                r = v->Used != w->Used || (v->Hash != -1 && w->Hash != -1 && v->Hash != w->Hash) ? 0 : IsSubset(v, w);
                if (r >= 0 && op == CompareOp.Ne)
                {
                    r = 1 - r;
                }

                break;
            case CompareOp.Le:
                r = IsSubset(v, w);
                break;
            case CompareOp.Ge:
                r = IsSubset(w, v);
                break;
            case CompareOp.Lt:
                r = v->Used >= w->Used ? 0 : IsSubset(v, w);
                break;
            default:
                r = v->Used <= w->Used ? 0 : IsSubset(w, v);
                break;
        }

        return r < 0 ? PyRef.Null : Heap.NewBool(r == 1);
    }

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        var name = self->Type->Descriptor.Name;
        if (!Heap.ReprEnter(self))
        {
            return Heap.NewString($"{name}(...)");
        }

        // As CPython, the keys are first copied (PySequence_List): a key's repr may mutate the set.
        var keys = new List<nint>((int)Count(self));
        try
        {
            var so = Set(self);
            if (_linear && so->Used == 0)
            {
                return Heap.NewString($"{name}()");
            }

            nint pos = 0;
            while (NextEntry(so, ref pos, out var key, out _))
            {
                Heap.IncRef(key);
                keys.Add((nint)key);
            }

            // 2.7: set([1, 2]); 3.x: {1, 2}, or frozenset({1, 2}) for anything but an exact set.
            var exactSet = self->Type == Heap.Types.Set.TypeObject;
            var sb = new StringBuilder();
            sb.Append(_linear ? exactSet ? "{" : $"{name}({{" : $"{name}([");
            for (var i = 0; i < keys.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(", ");
                }

                if (!Heap.AppendRepr(sb, (PyObject*)keys[i]))
                {
                    return PyRef.Null;
                }
            }

            sb.Append(_linear ? exactSet ? "}" : "})" : "])");
            return Heap.NewString(sb.ToString());
        }
        finally
        {
            foreach (var key in keys)
            {
                Heap.DecRef((PyObject*)key);
            }

            Heap.ReprLeave(self);
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// <c>set()</c>, <c>set(iterable)</c>; <c>frozenset(f)</c> of an exact frozenset is
    /// <c>f</c> itself, and in 2.7 every empty <c>frozenset()</c> is one singleton.
    /// </remarks>
    public override PyRef Construct(PyObject* args, PyObject* kwargs)
    {
        if (kwargs != null && Heap.Types.Dict.Count(kwargs) > 0)
        {
            return Heap.RaiseTypeError(_linear ? $"{Name}() takes no keyword arguments" : $"{Name}() does not take keyword arguments");
        }

        var nargs = args == null ? 0 : TupleType.Size(args);
        if (nargs > 1)
        {
            return Heap.RaiseTypeError(_linear ? $"{Name} expected at most 1 argument, got {nargs}" : $"{Name} expected at most 1 arguments, got {nargs}");
        }

        var iterable = nargs == 1 ? TupleType.Item(args, 0) : null;
        if (!Frozen)
        {
            return New(iterable);
        }

        if (iterable != null && iterable->Type == TypeObject)
        {
            return new PyRef(iterable).NewRef();
        }

        if (_linear)
        {
            return New(iterable);
        }

        if (iterable != null)
        {
            var result = New(iterable);
            if (result.IsNull || Count(result.Ptr) > 0)
            {
                return result;
            }

            result.DecRef();
        }

        if (_emptyFrozenSet == null)
        {
            // 2.7 makes the singleton on first use and keeps it for the life of the interpreter.
            var empty = New(null);
            if (empty.IsNull)
            {
                return empty;
            }

            _emptyFrozenSet = empty.Ptr;
        }

        return new PyRef(_emptyFrozenSet).NewRef();
    }

    /// <summary>A new empty set of this type, tracked; null with MemoryError set.</summary>
    private PyObject* AllocateEmpty()
    {
        var o = _linear ? null : SharedFreeList!.TryPop();
        if (o != null)
        {
            // A recycled block: never uncounted by the collector (as in CPython). 2.7 shares the
            // list between set and frozenset, so the type is set again.
            o->RefCount = 1;
            o->Type = TypeObject;
            GcHead.Of(o)->Prev = 0;
            new Span<byte>((byte*)o + sizeof(PyObject), sizeof(PySetObject) - sizeof(PyObject)).Clear();
        }
        else
        {
            o = Heap.AllocObject(this, (nuint)sizeof(PySetObject));
            if (o == null)
            {
                return null;
            }
        }

        Set(o);
        Heap.Gc.Track(o);
        return o;
    }

    /// <summary>The set, its table and hash set up if the block is still all zeroes.</summary>
    private static PySetObject* Set(PyObject* s)
    {
        var so = (PySetObject*)s;
        if (so->Table == null)
        {
            so->Table = PySetObject.SmallTable(so);
            so->Mask = PySetObject.MinSize - 1;
            so->Hash = -1;
        }

        return so;
    }

    private static void EmptyToMinSize(PySetObject* so)
    {
        var small = PySetObject.SmallTable(so);
        new Span<byte>(small, sizeof(SetEntry) * PySetObject.MinSize).Clear();
        so->Fill = 0;
        so->Used = 0;
        so->Mask = PySetObject.MinSize - 1;
        so->Table = small;
        so->Hash = -1;
    }

    /// <summary>set_next: the next active slot.</summary>
    private static bool NextEntry(PySetObject* so, ref nint pos, out PyObject* key, out long hash)
    {
        var i = pos;
        var mask = so->Mask;
        var table = so->Table;
        while (i >= 0 && i <= mask && (table[i].Key == null || table[i].Key == Deleted))
        {
            i++;
        }

        if (i < 0 || i > mask)
        {
            pos = mask + 1;
            key = null;
            hash = 0;
            return false;
        }

        pos = i + 1;
        key = table[i].Key;
        hash = table[i].Hash;
        return true;
    }

    /// <summary>Adds a key borrowed from a container that may drop it meanwhile: it is held during the add.</summary>
    private int AddHeld(PyObject* s, PyObject* key)
    {
        Heap.IncRef(key);
        var r = Add(s, key);
        Heap.DecRef(key);
        return r;
    }

    /// <summary>set_contains_entry: 1, 0, or -1 with the error set.</summary>
    private int ContainsEntry(PySetObject* so, PyObject* key, long hash)
    {
        var entry = _linear ? LinearLookup(so, key, hash) : ClassicLookup(so, key, hash);
        if (entry == null)
        {
            return -1;
        }

        return entry->Key != null && entry->Key != Deleted ? 1 : 0;
    }

    /// <summary>set_issubset: whether every key of a is in b (1, 0, or -1 with the error set).</summary>
    private int IsSubset(PySetObject* a, PySetObject* b)
    {
        if (a->Used > b->Used)
        {
            return 0;
        }

        nint pos = 0;
        while (NextEntry(a, ref pos, out var key, out var hash))
        {
            Heap.IncRef(key);
            var rv = ContainsEntry(b, key, hash);
            Heap.DecRef(key);
            if (rv <= 0)
            {
                return rv;
            }
        }

        return 1;
    }

    /// <summary>hash(key), taking an exact str's cached hash directly.</summary>
    private long HashOf(PyObject* key) => StrKeys.Hash(Heap, _str, key);

    /// <summary>Compares a slot's key with <paramref name="key"/> (same hash) without user code when both are exact strs.</summary>
    private bool StrKeysEqual(PyObject* startkey, PyObject* key, out bool decided)
    {
        decided = startkey->Type == _str && key->Type == _str;
        return decided && StrKeys.Equal(startkey, key);
    }
}
