using System.Text;

namespace Refheap.Objects.Native.List;

/// <summary><c>list</c>: a growable array of owned references, always tracked, with a free list of 80 list objects.</summary>
internal sealed unsafe class ListType : TypeDescriptor
{
    private const int MaxFreeList = 80;
    private FreeList? _freeList;

    /// <summary>Creates the descriptor.</summary>
    public ListType(Heap heap)
        : base(heap, "list")
    {
    }

    /// <inheritdoc/>
    public override bool IsGc => true;

    /// <inheritdoc/>
    internal override void Initialize() =>
        _freeList = Heap.FreeLists.AddContainer(new FreeList("list", MaxFreeList, block => Heap.FreeObject((PyObject*)block, this, (nuint)sizeof(PyListObject))));

    /// <summary>The number of items.</summary>
    public static nint Size(PyObject* list) => ((PyVarObject*)list)->Size;

    /// <summary>The item array (valid until the list is resized).</summary>
    public static PyObject** Items(PyObject* list) => ((PyListObject*)list)->Items;

    /// <summary>Puts freed blocks on the free list until it holds <paramref name="count"/> (what the interpreter's start-up leaves there), uncounted.</summary>
    public void Prefill(int count)
    {
        while (_freeList!.Count < Math.Min(count, _freeList.Capacity))
        {
            var o = Heap.AllocObject(this, (nuint)sizeof(PyListObject), counted: false);
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

    /// <summary>
    /// A new empty list in a new block, as calling <c>list</c> makes one (type_call's tp_alloc,
    /// not PyList_New's free list): the collector always counts it.
    /// </summary>
    public PyRef NewFromType()
    {
        var o = Heap.AllocObject(this, (nuint)sizeof(PyListObject));
        if (o == null)
        {
            return PyRef.Null;
        }

        Heap.Gc.Track(o);
        return new PyRef(o);
    }

    /// <summary>A new list of <paramref name="n"/> null items (PyList_New); the caller fills every slot.</summary>
    public PyRef New(nint n)
    {
        if (n < 0)
        {
            return Heap.RaiseValueError("negative list size");
        }

        var o = _freeList!.TryPop();
        if (o != null)
        {
            // A recycled list object was never uncounted by the collector (as in CPython).
            o->RefCount = 1;
        }
        else
        {
            o = Heap.AllocObject(this, (nuint)sizeof(PyListObject));
            if (o == null)
            {
                return PyRef.Null;
            }
        }

        var list = (PyListObject*)o;
        list->Items = null;
        list->Allocated = 0;
        list->Base.Size = 0;
        if (n > 0)
        {
            if (n > int.MaxValue / 8)
            {
                Heap.FreeObject(o, this, (nuint)sizeof(PyListObject));
                Heap.SetNoMemory();
                return PyRef.Null;
            }

            var items = (PyObject**)Heap.AllocBuffer((nuint)(8 * n));
            if (items == null)
            {
                Heap.FreeObject(o, this, (nuint)sizeof(PyListObject));
                return PyRef.Null;
            }

            new Span<nint>(items, (int)n).Clear();
            list->Items = items;
            list->Allocated = n;
            list->Base.Size = n;
        }

        Heap.Gc.Track(o);
        return new PyRef(o);
    }

    /// <summary>A new list holding new references to <paramref name="items"/>.</summary>
    public PyRef Pack(ReadOnlySpan<PyRef> items)
    {
        var list = New(items.Length);
        if (list.IsNull)
        {
            return list;
        }

        var slots = Items(list.Ptr);
        for (var i = 0; i < items.Length; i++)
        {
            slots[i] = items[i].NewRef().Ptr;
        }

        return list;
    }

    /// <summary><c>list.append(item)</c>: takes a new reference to the item; 0 or -1 with MemoryError.</summary>
    public int Append(PyObject* self, PyObject* item)
    {
        var n = Size(self);
        if (Resize(self, n + 1) < 0)
        {
            return -1;
        }

        Heap.IncRef(item);
        Items(self)[n] = item;
        return 0;
    }

    /// <summary>
    /// Makes room for <paramref name="newSize"/> items with CPython's over-allocation, and sets
    /// the size. New slots are not initialized. 0, or -1 with MemoryError and the list intact.
    /// </summary>
    public int Resize(PyObject* self, nint newSize)
    {
        var list = (PyListObject*)self;
        var allocated = list->Allocated;
        if (allocated >= newSize && newSize >= allocated >> 1)
        {
            list->Base.Size = newSize;
            return 0;
        }

        var newAllocated = OverAllocate(newSize, list->Base.Size);
        if (newSize == 0)
        {
            newAllocated = 0;
        }

        if (newAllocated > int.MaxValue / 8)
        {
            Heap.SetNoMemory();
            return -1;
        }

        PyObject** items;
        if (newAllocated == 0)
        {
            if (list->Items != null)
            {
                Heap.FreeBuffer(list->Items, (nuint)(8 * allocated));
            }

            items = null;
        }
        else if (list->Items == null)
        {
            items = (PyObject**)Heap.AllocBuffer((nuint)(8 * newAllocated));
            if (items == null)
            {
                return -1;
            }
        }
        else
        {
            items = (PyObject**)Heap.Allocator.Reallocate(list->Items, (nuint)(8 * allocated), (nuint)(8 * newAllocated));
            if (items == null)
            {
                Heap.SetNoMemory();
                return -1;
            }
        }

        list->Items = items;
        list->Allocated = newAllocated;
        list->Base.Size = newSize;
        return 0;
    }

    private nint OverAllocate(nint newSize, nint oldSize)
    {
        if (Heap.Profile.ListGrowth == ListGrowthPolicy.Cpython27)
        {
            return newSize + (newSize >> 3) + (newSize < 9 ? 3 : 6);
        }

        var n = (newSize + (newSize >> 3) + 6) & ~(nint)3;
        if (newSize - oldSize > n - newSize)
        {
            n = (newSize + 3) & ~(nint)3;
        }

        return n;
    }

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)(sizeof(PyListObject) + (8 * ((PyListObject*)self)->Allocated));

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        Heap.Gc.Untrack(self);
        ReleaseItems(self);
        if (!_freeList!.TryPush(self))
        {
            Heap.FreeObject(self, this, (nuint)sizeof(PyListObject));
        }
    }

    private void ReleaseItems(PyObject* self)
    {
        var list = (PyListObject*)self;
        var items = list->Items;
        var n = list->Base.Size;
        var allocated = list->Allocated;
        if (items == null)
        {
            return;
        }

        // Detach first: a finalizer run by a released item must see an empty list, never freed slots.
        list->Items = null;
        list->Base.Size = 0;
        list->Allocated = 0;
        for (var i = n - 1; i >= 0; i--)
        {
            Heap.XDecRef(items[i]);
        }

        Heap.FreeBuffer(items, (nuint)(8 * allocated));
    }

    /// <inheritdoc/>
    public override delegate*<PyObject*, delegate*<PyObject*, void*, int>, void*, int> TraverseFunction => TraverseItemsFunction;

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg) => TraverseItems(self, visit, arg);

    /// <summary>The traverse function of this type: the collector recognises it to traverse these inline.</summary>
    internal static readonly delegate*<PyObject*, delegate*<PyObject*, void*, int>, void*, int> TraverseItemsFunction = &TraverseItems;

    /// <summary><see cref="TraverseItems"/> with the collector's visitor inlined (same order: from the last item).</summary>
    internal static void TraverseItemsWith<TVisitor>(PyObject* self, ref TVisitor visitor)
        where TVisitor : struct, Gc.IChildVisitor
    {
        var items = Items(self);
        for (var i = Size(self) - 1; i >= 0; i--)
        {
            if (items[i] != null)
            {
                visitor.Visit(items[i]);
            }
        }
    }

    private static int TraverseItems(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var items = Items(self);
        for (nint i = Size(self) - 1; i >= 0; i--)
        {
            if (items[i] != null)
            {
                var r = visit(items[i], arg);
                if (r != 0)
                {
                    return r;
                }
            }
        }

        return 0;
    }

    /// <inheritdoc/>
    public override void Clear(PyObject* self) => ReleaseItems(self);

    /// <inheritdoc/>
    /// <remarks>A zeroed list part is a valid empty list, so a subclass instance needs no set-up.</remarks>
    public override nuint BaseInstanceSize => (nuint)sizeof(PyListObject);

    /// <inheritdoc/>
    public override void ReleaseContents(PyObject* self) => ReleaseItems(self);

    /// <inheritdoc/>
    public override PyRef Construct(PyObject* args, PyObject* kwargs) => Constructors.SequenceConstructors.List(Heap, args, kwargs);

    /// <inheritdoc/>
    public override nint Length(PyObject* self) => Size(self);

    /// <inheritdoc/>
    public override PyRef Iter(PyObject* self) => Heap.Types.Iterators.List.New(self);

    /// <inheritdoc/>
    public override int Contains(PyObject* self, PyObject* item)
    {
        // The list may change while items are compared: size and items are read at every step.
        var found = 0;
        for (nint i = 0; found == 0 && i < Size(self); i++)
        {
            var element = Items(self)[i];
            Heap.IncRef(element);
            found = Heap.CompareForSearch(element, item);
            Heap.DecRef(element);
        }

        return found;
    }

    /// <inheritdoc/>
    public override int IsTrue(PyObject* self) => Size(self) != 0 ? 1 : 0;

    /// <inheritdoc/>
    public override long Hash(PyObject* self)
    {
        Heap.RaiseTypeError("unhashable type: 'list'");
        return -1;
    }

    /// <inheritdoc/>
    public override PyRef Subscript(PyObject* self, PyObject* key)
    {
        if (Heap.Types.Slice.IsSlice(key))
        {
            return Heap.Types.Slice.TryIndices(key, Size(self), out var s) ? ListSlicing.Get(Heap, self, s) : PyRef.Null;
        }

        if (!Heap.TryIndex(key, Size(self), "list", out var i))
        {
            return PyRef.Null;
        }

        return new PyRef(Items(self)[i]).NewRef();
    }

    /// <inheritdoc/>
    public override int SetItem(PyObject* self, PyObject* key, PyObject* value)
    {
        if (Heap.Types.Slice.IsSlice(key))
        {
            return Heap.Types.Slice.TryIndices(key, Size(self), out var s) ? ListSlicing.Assign(Heap, self, s, value) : -1;
        }

        if (!Heap.TryIndex(key, Size(self), "list", out var i))
        {
            // list_ass_item words its range error differently from list_item (both versions).
            if (Heap.ErrorMatches(Heap.Types.Exceptions.IndexError)
                && Exceptions.ExceptionType.MessageOf(Heap, Heap.CurrentError.Ptr) == "list index out of range")
            {
                Heap.RaiseIndexError("list assignment index out of range");
            }

            return -1;
        }

        var items = Items(self);
        if (value == null)
        {
            var old = items[i];
            var n = Size(self);
            for (var j = i; j < n - 1; j++)
            {
                items[j] = items[j + 1];
            }

            Resize(self, n - 1);
            Heap.DecRef(old);
            return 0;
        }

        Heap.IncRef(value);
        Heap.SetRef(ref items[i], value);
        return 0;
    }

    /// <inheritdoc/>
    public override PyRef RichCompare(PyObject* self, PyObject* other, CompareOp op)
    {
        if (!Heap.IsInstance(other, this))
        {
            return Heap.NotImplemented;
        }

        return Heap.CompareSequences(Items(self), Size(self), Items(other), Size(other), op);
    }

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        if (Size(self) == 0)
        {
            return Heap.NewString("[]");
        }

        if (!Heap.ReprEnter(self))
        {
            return Heap.NewString("[...]");
        }

        try
        {
            var sb = new StringBuilder("[");

            // The list may change while an item's repr runs: re-read size and items each time.
            for (nint i = 0; i < Size(self); i++)
            {
                if (i > 0)
                {
                    sb.Append(", ");
                }

                var item = Items(self)[i];
                Heap.IncRef(item);
                var ok = Heap.AppendRepr(sb, item);
                Heap.DecRef(item);
                if (!ok)
                {
                    return PyRef.Null;
                }
            }

            return Heap.NewString(sb.Append(']').ToString());
        }
        finally
        {
            Heap.ReprLeave(self);
        }
    }
}
