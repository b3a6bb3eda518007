using System.Runtime.CompilerServices;
using System.Text;
using Refheap.Gc;
using Refheap.Objects.Native.List;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Dict;

/// <summary><c>dict</c>: CPython's open-addressing hash table, as the profile's CPython builds it.</summary>
/// <remarks>
/// Two tables, chosen by <see cref="Profile.InsertionOrderedDicts"/>:
/// <list type="bullet">
/// <item>py27 (DictType.Classic.cs): 2.7's dictobject.c. Entries live in the slots of the
/// hash table itself (eight inline), so iteration follows slot order and <c>print d</c>
/// comes out as 2.7.18 prints it.</item>
/// <item>py312 (DictType.Compact.cs): 3.6+'s compact dict. A sparse index array points into a
/// dense entry array kept in insertion order; iteration follows the entries.</item>
/// </list>
/// Both follow CPython's C API: keys and values are owned references; a lookup's key
/// comparison may run arbitrary code that mutates the dict, so the table is re-checked after
/// every comparison and the lookup restarts when it changed (never touching a freed table).
/// A new dict is untracked; inserting something that may be tracked tracks it
/// (MAINTAIN_TRACKING), and the collector untracks dicts that hold nothing trackable
/// (<see cref="CanUntrack"/>). Freed dict objects go to a free list of 80 (both versions),
/// and py312's minimal str-keyed tables to one of 80 too, as in CPython 3.12.
/// </remarks>
internal sealed unsafe partial class DictType : DictTypeBase
{
    /// <summary>PyDict_MAXFREELIST: dict objects (and, py312, small key tables) kept for reuse.</summary>
    private const int MaxFreeList = 80;

    /// <summary>Marks a deleted slot's key in py27 tables (2.7's <c>dummy</c>); never dereferenced.</summary>
    private static readonly PyObject* Deleted = (PyObject*)1;

    private readonly bool _compact;
    private FreeList? _freeList;
    private FreeList? _keysFreeList;
    private PyTypeObject* _str;
    private PyTypeObject* _tuple;

    /// <summary>Creates the descriptor.</summary>
    public DictType(Heap heap)
        : base(heap, "dict")
    {
        _compact = heap.Profile.InsertionOrderedDicts;
    }

    /// <inheritdoc/>
    public override bool IsGc => true;

    /// <summary>Bytes of a dict object without its table: 240 (py27, eight slots inline) or 48 (py312).</summary>
    public nuint ObjectSize => _compact ? (nuint)sizeof(CompactDictObject) : (nuint)sizeof(ClassicDictObject);

    /// <inheritdoc/>
    /// <remarks>py27: 2.7's <c>ma_lookup</c> pointer, 8 bytes (<see cref="ClassicDictObject"/>).</remarks>
    public override nint ReportedSizeAdjustment => _compact ? 0 : sizeof(nint);

    /// <inheritdoc/>
    /// <remarks>A zeroed block of this size is a valid empty dict, so subclass instances need no set-up.</remarks>
    public override nuint BaseInstanceSize => ObjectSize;

    internal override void Initialize()
    {
        _str = Heap.Types.Str.TypeObject;
        _tuple = Heap.Types.Tuple.TypeObject;
        var size = ObjectSize;
        _freeList = Heap.FreeLists.AddContainer(new FreeList("dict", MaxFreeList, block => Heap.FreeObject((PyObject*)block, this, size)));
        if (_compact)
        {
            _keysFreeList = Heap.FreeLists.AddContainer(new FreeList("dict keys", MaxFreeList, block => Heap.FreeBuffer((void*)block, MinUnicodeKeysSize)));
        }
    }

    /// <summary>
    /// Tops the dict free list up to <paramref name="count"/> blocks, uncounted by the collector
    /// (what CPython's start-up leaves there: see PythonDialect.StartupDictFreeList).
    /// </summary>
    public void Prefill(int count)
    {
        var size = ObjectSize;
        while (_freeList!.Count < Math.Min(count, _freeList.Capacity))
        {
            var o = Heap.AllocObject(this, size, counted: false);
            if (o == null)
            {
                Heap.ClearError();
                return;
            }

            // A listed block is a dead object: count 0, as one freed onto the list.
            o->RefCount = 0;
            _freeList.TryPush(o);
        }
    }

    /// <summary>A new empty dict, untracked (PyDict_New): a new reference, or null with MemoryError set.</summary>
    public PyRef New()
    {
        var o = _freeList!.TryPop();
        if (o != null)
        {
            // A recycled block: as in CPython it was never uncounted by the collector. Its type
            // is still dict; everything after the header is reset to an empty dict.
            o->RefCount = 1;
            GcHead.Of(o)->Prev = 0;
            // Constant sizes, which the JIT clears in line (the size as a variable cost a call).
            if (_compact)
            {
                Unsafe.InitBlockUnaligned((byte*)o + sizeof(PyObject), 0, (uint)(sizeof(CompactDictObject) - sizeof(PyObject)));
            }
            else
            {
                Unsafe.InitBlockUnaligned((byte*)o + sizeof(PyObject), 0, (uint)(sizeof(ClassicDictObject) - sizeof(PyObject)));
            }
        }
        else
        {
            o = Heap.AllocObject(this, ObjectSize);
            if (o == null)
            {
                return PyRef.Null;
            }
        }

        return new PyRef(o);
    }

    /// <summary>
    /// A new empty dict sized for <paramref name="minUsed"/> items without resizing
    /// (_PyDict_NewPresized, used by CPython for dict displays): 2.7 presizes from 6 items,
    /// 3.12 from 6 too, capping at 2**17 slots. <paramref name="strKeys"/>: 3.12 makes the
    /// str-only table when every key is known to be a str.
    /// </summary>
    public PyRef NewPresized(nint minUsed, bool strKeys = false)
    {
        var d = New();
        if (d.IsNull || minUsed <= 5)
        {
            return d;
        }

        int r;
        if (_compact)
        {
            const int log2MaxPresize = 17;
            var log2 = minUsed > UsableFraction((nint)1 << log2MaxPresize) ? log2MaxPresize : EstimateLog2KeySize(minUsed);
            r = CompactResize((CompactDictObject*)d.Ptr, log2, strKeys);
        }
        else
        {
            r = ClassicResize(Classic(d.Ptr), minUsed);
        }

        if (r < 0)
        {
            d.DecRef();
            return PyRef.Null;
        }

        return d;
    }

    /// <summary>
    /// <c>d[key]</c> without KeyError (PyDict_GetItemWithError): the value, BORROWED, or null.
    /// Null with no error set means missing; with an error set, hashing or comparing failed.
    /// </summary>
    public PyObject* GetItem(PyObject* d, PyObject* key)
    {
        var hash = HashOf(key);
        if (hash == -1)
        {
            return null;
        }

        return LookupValue(d, key, hash, out _);
    }

    /// <summary>
    /// The value for a str key given as text, BORROWED, or null when missing (never an error).
    /// </summary>
    /// <remarks>
    /// Unlike PyDict_GetItemString no str is made: only keys that are exact strs are compared,
    /// by text, so no user code runs (a key of another type equal to the str is not found).
    /// </remarks>
    public PyObject* GetItemString(PyObject* d, ReadOnlySpan<char> key)
    {
        var hash = StrType.ComputeHash(key);
        return _compact ? CompactLookupText((CompactDictObject*)d, key, hash) : ClassicLookupText(Classic(d), key, hash);
    }

    /// <summary>
    /// <c>d[key] = value</c> (PyDict_SetItem), or <c>del d[key]</c> when value is null (the
    /// mp_ass_subscript slot). Takes new references to both; 0, or -1 with the error set
    /// (TypeError for an unhashable key, KeyError when deleting a missing key).
    /// </summary>
    public override int SetItem(PyObject* d, PyObject* key, PyObject* value)
    {
        if (value == null)
        {
            return DelItem(d, key);
        }

        var hash = HashOf(key);
        if (hash == -1)
        {
            return -1;
        }

        Heap.IncRef(key);
        Heap.IncRef(value);
        return _compact ? CompactInsert(d, key, hash, value) : ClassicSetItem(Classic(d), key, hash, value);
    }

    /// <summary><c>d[key] = value</c> with a str key given as text, interned as CPython does (PyDict_SetItemString).</summary>
    public int SetItemString(PyObject* d, string key, PyObject* value)
    {
        var k = Heap.InternString(key);
        if (k.IsNull)
        {
            return -1;
        }

        return SetItem(d, k.Ptr, value);
    }

    /// <summary><c>del d[key]</c> (PyDict_DelItem): 0, or -1 with KeyError(key) or the hash/compare error set.</summary>
    public int DelItem(PyObject* d, PyObject* key)
    {
        var hash = HashOf(key);
        if (hash == -1)
        {
            return -1;
        }

        return _compact ? CompactDelete((CompactDictObject*)d, key, hash) : ClassicDelete(Classic(d), key, hash);
    }

    /// <summary><c>key in d</c>: 1, 0, or -1 with the error set (PyDict_Contains).</summary>
    public override int Contains(PyObject* d, PyObject* key)
    {
        var hash = HashOf(key);
        if (hash == -1)
        {
            return -1;
        }

        var value = LookupValue(d, key, hash, out var error);
        return error ? -1 : value != null ? 1 : 0;
    }

    /// <summary>
    /// The next item (PyDict_Next): <paramref name="pos"/> starts at 0; key and value are
    /// BORROWED. Order: 2.7's slot order (py27) or insertion order (py312). Mutating the dict
    /// during the walk is memory-safe but, as in CPython, may skip or repeat items.
    /// </summary>
    public bool Next(PyObject* d, ref nint pos, out PyObject* key, out PyObject* value) =>
        NextEntry(d, ref pos, out key, out value, out _);

    /// <summary><see cref="Next"/> that also gives the key's stored hash (_PyDict_Next).</summary>
    internal bool NextEntry(PyObject* d, ref nint pos, out PyObject* key, out PyObject* value, out long hash) =>
        _compact
            ? CompactNext((CompactDictObject*)d, ref pos, out key, out value, out hash)
            : ClassicNext(Classic(d), ref pos, out key, out value, out hash);

    /// <summary>The number of items (PyDict_Size).</summary>
    public nint Count(PyObject* d) => _compact ? ((CompactDictObject*)d)->Used : ((ClassicDictObject*)d)->Used;

    /// <summary>
    /// <c>d.clear()</c> (PyDict_Clear): the dict is emptied first and only then are the old
    /// keys and values released, so code they run sees an empty dict.
    /// </summary>
    public void ClearContents(PyObject* d)
    {
        if (_compact)
        {
            CompactClear((CompactDictObject*)d);
        }
        else
        {
            ClassicClear(Classic(d));
        }
    }

    /// <summary>
    /// Drops every key and value and the table, leaving an empty dict; the object itself is not
    /// freed (a dict subclass's dealloc calls this).
    /// </summary>
    public override void ReleaseContents(PyObject* self) => ClearContents(self);

    /// <summary><c>d.copy()</c> (PyDict_Copy): a new reference, or null with the error set.</summary>
    /// <remarks>
    /// The copy is built as the profile's CPython builds it, which matters for py27's order:
    /// 2.7 inserts the items into a fresh dict in the source's slot order, so a copy can
    /// iterate differently from its source.
    /// </remarks>
    public PyRef Copy(PyObject* d)
    {
        var copy = New();
        if (copy.IsNull)
        {
            return copy;
        }

        if ((_compact ? CompactCopyInto((CompactDictObject*)copy.Ptr, (CompactDictObject*)d) : ClassicMerge(Classic(copy.Ptr), Classic(d))) < 0)
        {
            copy.DecRef();
            return PyRef.Null;
        }

        return copy;
    }

    /// <summary>
    /// <c>a.update(b)</c> for a dict <paramref name="b"/> (PyDict_Merge with override): 0, or
    /// -1 with the error set. <paramref name="b"/> must have dict's layout.
    /// </summary>
    public int Merge(PyObject* a, PyObject* b) =>
        _compact ? CompactMerge((CompactDictObject*)a, (CompactDictObject*)b) : ClassicMerge(Classic(a), Classic(b));

    /// <summary>Whether an object has dict's layout (a dict or an instance of a dict subclass).</summary>
    public bool IsDict(PyObject* o) => Heap.IsInstance(o, this);

    // The dicts made from a 3.12 instance's values (marked by a non-null Values word), with the
    // class whose shared keys CPython's split table would use.
    private readonly Dictionary<nint, Instance.InstanceType> _splitOwners = [];

    /// <summary>
    /// Marks <paramref name="dict"/>, just made from a 3.12 instance's values, as CPython's split
    /// table over <paramref name="owner"/>'s shared keys, for <see cref="SizeOf"/>; the mark
    /// goes when the dict is cleared or freed, or when a key CPython's shared keys could not
    /// take is found in it.
    /// </summary>
    public void MarkSplit(PyObject* dict, Instance.InstanceType owner)
    {
        ((CompactDictObject*)dict)->Values = (void*)1;
        _splitOwners[(nint)dict] = owner;
    }

    private void Unmark(CompactDictObject* mp)
    {
        if (mp->Values != null)
        {
            mp->Values = null;
            _splitOwners.Remove((nint)mp);
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// 3.12: a dict made from an instance's values is a split table, whose keys the class owns:
    /// its size is the object and a value word for each usable shared key
    /// (<see cref="Instance.InstanceType.SplitValuesSize"/>).
    /// </remarks>
    public override nuint SizeOf(PyObject* self)
    {
        if (_compact)
        {
            var split = (CompactDictObject*)self;
            if (split->Values != null && _splitOwners.TryGetValue((nint)self, out var owner))
            {
                var values = owner.SplitValuesSize(self);
                if (values > 0)
                {
                    return ObjectSize + values;
                }

                Unmark(split);
            }

            // 3.12's _PyDict_SizeOf: the object plus its own key table (the shared empty table is not counted).
            var dk = ((CompactDictObject*)self)->Keys;
            return ObjectSize + (dk == null ? 0 : (nuint)KeysSize(dk));
        }

        // 2.7's dict_sizeof: the object, plus the table when it is not the inline one.
        var mp = (ClassicDictObject*)self;
        return (nuint)((nint)ObjectSize + ReportedSizeAdjustment) + (mp->Table == null || mp->Table == ClassicDictObject.SmallTable(mp) ? 0 : (nuint)(mp->Mask + 1) * (nuint)sizeof(DictEntry));
    }

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        Heap.Gc.Untrack(self);
        if (_compact)
        {
            CompactClear((CompactDictObject*)self);
        }
        else
        {
            ClassicDeallocContents((ClassicDictObject*)self);
        }

        if (self->Type == TypeObject && _freeList!.TryPush(self))
        {
            return;
        }

        Heap.FreeObject(self, this, ObjectSize);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// As CPython's dict_traverse: py27 visits each key then its value; py312 visits each value
    /// then its key, and in a str-keyed table only the values (str keys cannot be in cycles).
    /// </remarks>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg) =>
        _compact ? CompactTraverse((CompactDictObject*)self, visit, arg) : ClassicTraverse(Classic(self), visit, arg);

    /// <inheritdoc/>
    public override delegate*<PyObject*, delegate*<PyObject*, void*, int>, void*, int> TraverseFunction =>
        _compact ? CompactTraverseFunction : ClassicTraverseFunction;

    /// <summary>3.12's dict traverse function: the collector recognises it to traverse dicts inline.</summary>
    internal static readonly delegate*<PyObject*, delegate*<PyObject*, void*, int>, void*, int> CompactTraverseFunction = &TraverseCompactDict;

    /// <summary>2.7's dict traverse function: the collector recognises it to traverse dicts inline.</summary>
    internal static readonly delegate*<PyObject*, delegate*<PyObject*, void*, int>, void*, int> ClassicTraverseFunction = &TraverseClassicDict;

    private static int TraverseCompactDict(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg) =>
        CompactTraverse((CompactDictObject*)self, visit, arg);

    private static int TraverseClassicDict(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg) =>
        ClassicTraverse(Classic(self), visit, arg);

    /// <inheritdoc/>
    public override void Clear(PyObject* self) => ClearContents(self);

    /// <inheritdoc/>
    /// <remarks>
    /// _PyDict_MaybeUntrack: an exact dict none of whose keys and values may be tracked can
    /// leave the collector's lists; inserting something trackable tracks it again.
    /// </remarks>
    public override bool CanUntrack(PyObject* self)
    {
        if (self->Type != TypeObject)
        {
            return false;
        }

        nint pos = 0;
        while (NextEntry(self, ref pos, out var key, out var value, out _))
        {
            if (MayBeTracked(value) || MayBeTracked(key))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether <see cref="CanUntrack"/> could say yes once the collector has untracked what
    /// tuples it can: false when an entry holds a collectable object other than a tuple (such
    /// an object keeps the dict tracked, tracked itself or not). The collector asks this while
    /// the dict is in cache, so that untrack_dicts only revisits the dicts that may go.
    /// </summary>
    internal bool MayBecomeUntrackable(PyObject* self)
    {
        if (self->Type != TypeObject)
        {
            return false;
        }

        nint pos = 0;
        while (NextEntry(self, ref pos, out var key, out var value, out _))
        {
            if ((Collector.IsGcObject(value) && value->Type != _tuple) || (Collector.IsGcObject(key) && key->Type != _tuple))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        if (!Heap.ReprEnter(self))
        {
            return Heap.NewString("{...}");
        }

        try
        {
            if (Count(self) == 0)
            {
                return Heap.NewString("{}");
            }

            var sb = new StringBuilder("{");
            var first = true;
            nint pos = 0;

            // repr() of a key or value may mutate the dict: each pair is held while it is written.
            while (Next(self, ref pos, out var key, out var value))
            {
                Heap.IncRef(key);
                Heap.IncRef(value);
                if (!first)
                {
                    sb.Append(", ");
                }

                first = false;
                var ok = Heap.AppendRepr(sb, key) && Heap.AppendRepr(sb.Append(": "), value);
                Heap.DecRef(key);
                Heap.DecRef(value);
                if (!ok)
                {
                    return PyRef.Null;
                }
            }

            return Heap.NewString(sb.Append('}').ToString());
        }
        finally
        {
            Heap.ReprLeave(self);
        }
    }

    /// <inheritdoc/>
    public override PyRef Subscript(PyObject* self, PyObject* key)
    {
        var hash = HashOf(key);
        if (hash == -1)
        {
            return PyRef.Null;
        }

        var value = LookupValue(self, key, hash, out var error);
        if (value == null)
        {
            if (!error)
            {
                Heap.RaiseKeyError(new PyRef(key));
            }

            return PyRef.Null;
        }

        return new PyRef(value).NewRef();
    }

    /// <inheritdoc/>
    public override nint Length(PyObject* self) => Count(self);

    /// <inheritdoc/>
    public override PyRef Iter(PyObject* self) => Heap.Types.Iterators.DictKeys.New(self);

    /// <inheritdoc/>
    public override int IsTrue(PyObject* self) => Count(self) != 0 ? 1 : 0;

    /// <inheritdoc/>
    public override long Hash(PyObject* self)
    {
        Heap.RaiseTypeError($"unhashable type: '{self->Type->Descriptor.Name}'");
        return -1;
    }

    /// <inheritdoc/>
    /// <remarks>== and != compare contents (dict_equal); the orderings are NotImplemented.</remarks>
    public override PyRef RichCompare(PyObject* self, PyObject* other, CompareOp op)
    {
        if (!IsDict(other) || (op != CompareOp.Eq && op != CompareOp.Ne))
        {
            return Heap.NotImplemented;
        }

        var equal = _compact ? CompactEqual((CompactDictObject*)self, other) : ClassicEqual(Classic(self), other);
        if (equal < 0)
        {
            return PyRef.Null;
        }

        return Heap.NewBool((equal == 1) == (op == CompareOp.Eq));
    }

    /// <inheritdoc/>
    /// <remarks>
    /// <c>dict()</c>, <c>dict(mapping)</c>, <c>dict(pairs)</c> and keyword arguments
    /// (dict_update_common): a mapping, or an iterable of pairs.
    /// </remarks>
    public override PyRef Construct(PyObject* args, PyObject* kwargs)
    {
        var nargs = args == null ? 0 : TupleType.Size(args);
        if (nargs > 1)
        {
            return Heap.RaiseTypeError(_compact
                ? $"dict expected at most 1 argument, got {nargs}"
                : $"dict expected at most 1 arguments, got {nargs}");
        }

        // dict_new's tp_alloc: a new (counted) block, never one from the free list; a zeroed
        // block is an empty dict.
        var o = Heap.AllocObject(this, ObjectSize);
        if (o == null)
        {
            return PyRef.Null;
        }

        var d = new PyRef(o);
        var arg = nargs == 1 ? TupleType.Item(args, 0) : null;
        if ((arg != null && (IsDict(arg) ? DictMethods.UpdateFrom(Heap, o, arg) : Update(o, arg)) < 0)
            || (kwargs != null && Count(kwargs) > 0 && Merge(o, kwargs) < 0))
        {
            d.DecRef();
            return PyRef.Null;
        }

        return d;
    }

    /// <summary>
    /// <c>d.update(other)</c> (dict_update_arg): a dict, a tuple or list of key/value pairs, or
    /// any mapping or iterable of pairs (<see cref="DictMethods.UpdateFrom"/>); 0, or -1 with the error set.
    /// </summary>
    public int Update(PyObject* d, PyObject* other)
    {
        if (IsDict(other))
        {
            return Merge(d, other);
        }

        var isTuple = other->Type == Heap.Types.Tuple.TypeObject;
        if (!isTuple && other->Type != Heap.Types.List.TypeObject)
        {
            return DictMethods.UpdateFrom(Heap, d, other);
        }

        // PyDict_MergeFromSeq2: each item must be a sequence of two; a list may change while
        // keys are compared, so its size and items are read again at every step.
        for (nint i = 0; i < (isTuple ? TupleType.Size(other) : ListType.Size(other)); i++)
        {
            var item = isTuple ? TupleType.Item(other, i) : ListType.Items(other)[i];
            Heap.IncRef(item);
            var r = UpdateFromPair(d, item, i);
            Heap.DecRef(item);
            if (r < 0)
            {
                return -1;
            }
        }

        return 0;
    }

    private int UpdateFromPair(PyObject* d, PyObject* item, nint index)
    {
        PyObject* key;
        PyObject* value;
        nint n;
        if (item->Type == Heap.Types.Tuple.TypeObject)
        {
            n = TupleType.Size(item);
            key = n > 0 ? TupleType.Item(item, 0) : null;
            value = n > 1 ? TupleType.Item(item, 1) : null;
        }
        else if (item->Type == Heap.Types.List.TypeObject)
        {
            n = ListType.Size(item);
            key = n > 0 ? ListType.Items(item)[0] : null;
            value = n > 1 ? ListType.Items(item)[1] : null;
        }
        else
        {
            Heap.RaiseTypeError($"cannot convert dictionary update sequence element #{index} to a sequence");
            return -1;
        }

        if (n != 2)
        {
            Heap.RaiseValueError($"dictionary update sequence element #{index} has length {n}; 2 is required");
            return -1;
        }

        // Held while inserting: the key's comparisons may mutate a list pair.
        Heap.IncRef(key);
        Heap.IncRef(value);
        var r = SetItem(d, key, value);
        Heap.DecRef(key);
        Heap.DecRef(value);
        return r;
    }

    /// <summary>hash(key), taking an exact str's cached hash directly.</summary>
    private long HashOf(PyObject* key) => StrKeys.Hash(Heap, _str, key);

    /// <summary>The value for a key, BORROWED, or null (missing, or <paramref name="error"/> with the error set).</summary>
    private PyObject* LookupValue(PyObject* d, PyObject* key, long hash, out bool error)
    {
        if (_compact)
        {
            var mp = (CompactDictObject*)d;
            var ix = CompactLookup(mp, key, hash);
            error = ix == IxError;
            return ix >= 0 ? *ValueAt(mp->Keys, ix) : null;
        }

        var ep = ClassicLookup(Classic(d), key, hash);
        error = ep == null;
        return ep == null ? null : ep->Value;
    }

    /// <summary>Tracks the dict when it starts holding something the collector must see (MAINTAIN_TRACKING).</summary>
    private void MaintainTracking(PyObject* d, PyObject* key, PyObject* value)
    {
        if (!Collector.IsTracked(d) && (MayBeTracked(key) || MayBeTracked(value)))
        {
            Heap.Gc.Track(d);
        }
    }

    /// <summary>
    /// _PyObject_GC_MAY_BE_TRACKED as both CPythons define it: a collectable object, unless it
    /// is an exact tuple that is not tracked now. An untracked dict counts as trackable (it may
    /// be tracked later), so <c>d[1] = {}</c> tracks <c>d</c>, as CPython does.
    /// </summary>
    private bool MayBeTracked(PyObject* o) =>
        Collector.IsGcObject(o) && (o->Type != _tuple || Collector.IsTracked(o));

    /// <summary>
    /// Whether two keys with equal hashes are equal without running user code: both exact strs.
    /// </summary>
    private bool BothStr(PyObject* a, PyObject* b) => a->Type == _str && b->Type == _str;
}
