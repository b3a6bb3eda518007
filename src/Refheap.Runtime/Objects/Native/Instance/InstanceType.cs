using Refheap.Objects.Native.Exceptions;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects.Native.Instance;

/// <summary>
/// The instances of one user class (CPython's subtype_* slots): attribute storage, slots,
/// finalizer, weak-reference slot, and a live-instance counter.
/// </summary>
/// <remarks>
/// Layout: the solid base's part (<see cref="TypeDescriptor.BaseInstanceSize"/>), then the
/// fields this class hierarchy adds, each an owned reference or null:
/// <code>
///  [solid base part][dict][weaklist][slot 0][slot 1]...[3.12: inline value 0][value 1]...
/// </code>
/// 2.7 keeps attributes in a separate <c>__dict__</c> object made on the first store. 3.12
/// keeps them in values indexed by the class's shared keys, at the end of the instance's own
/// block, with their header in the dict word (InstanceType.InlineValues.cs), and makes a dict
/// object only when <c>__dict__</c> is asked for (or when the shared keys are full), after
/// which the instance uses that dict. Its size for <c>sys.getsizeof</c> is CPython 3.12's,
/// which keeps the dict and weak-list words in a pre-header (<see cref="SizeOf"/>).
/// </remarks>
internal sealed unsafe partial class InstanceType : TypeDescriptor
{
    /// <summary>At most this many shared keys per class (CPython's SHARED_KEYS_MAX_SIZE).</summary>
    private const int SharedKeysMax = 30;

    private readonly List<nint> _sharedKeys = [];

    // CPython 3.12's dk_usable of the class's shared keys: 30 at first, one less for each
    // instance made (down to 1, init_inline_values) and for each key added; no key is added at 0.
    private int _sharedKeysUsable = SharedKeysMax;

    // The version tag under which the class's __init__ was found to be object's (0: not known).
    private uint _objectInitTag;

    // Whether the solid base has a str() of its own; found once (see BaseHasOwnStr).
    private bool? _baseHasOwnStr;

    // The inline capacity a new instance gets (3.12), kept current by UpdateNewInlineCapacity.
    private int _newInlineCapacity;
    private readonly bool _legacyFinalizers;
    private readonly string _module;

    /// <summary>Creates the descriptor of a class's instances with the given layout.</summary>
    public InstanceType(Heap heap, string name, string module, InstanceLayout layout)
        : base(heap, name)
    {
        _module = module;
        Layout = layout;
        BaseType = layout.Parent;
        _legacyFinalizers = heap.Profile.LegacyFinalizers;
        UpdateNewInlineCapacity();
    }

    /// <summary>The instance layout.</summary>
    public InstanceLayout Layout { get; }

    /// <summary>3.x <c>__qualname__</c> (e.g. <c>Outer.Inner</c>), taken out of the class dict as type_new does; null in 2.7.</summary>
    public string? Qualname { get; internal set; }

    /// <summary>Whether the class or a base defines <c>__del__</c> (kept current by class attribute stores).</summary>
    public bool HasDel { get; internal set; }

    /// <summary>Instances of this class alive now (not counting subclasses).</summary>
    public long LiveInstances { get; private set; }

    /// <inheritdoc/>
    public override bool IsGc => Layout.IsGc;

    /// <inheritdoc/>
    public override bool IsHeapType => true;

    /// <inheritdoc/>
    public override int WeakListOffset => Layout.WeakListOffset;

    /// <inheritdoc/>
    public override nuint BaseInstanceSize => Layout.Size;

    /// <inheritdoc/>
    public override string QualifiedName => _module == "builtins" || _module == "__builtin__" ? Qualname ?? Name : $"{_module}.{Qualname ?? Name}";

    /// <inheritdoc/>
    /// <remarks>
    /// Both report CPython's figure: the solid base's size for this object (a list's or a
    /// dict's includes its items, as their <c>__sizeof__</c> does), then 2.7 the fields the
    /// class hierarchy adds, 3.12 the slots and two
    /// pre-header words when the class hierarchy added a dict or a weak-reference list —
    /// whatever the instance's block holds here.
    /// </remarks>
    public override nuint SizeOf(PyObject* self)
    {
        if (!Heap.Profile.InlineInstanceValues)
        {
            // 2.7's __sizeof__ of a list, dict or set counts the type's basic size (the class's
            // fields included) and the object's items; the base's figure plus the fields here.
            return Layout.SolidBase.SizeOf(self) + (Layout.Size - Layout.SolidBase.BaseInstanceSize);
        }

        var preHeader = (Layout.DictOffset != 0 && !Layout.DictInSolidBase) || Layout.WeakListOffset != Layout.SolidBase.WeakListOffset;
        return Layout.SolidBase.SizeOf(self) + (nuint)(8 * Layout.Slots.Count) + (preHeader ? 16u : 0u);
    }

    private PyObject** DictSlot(PyObject* o) => (PyObject**)((byte*)o + Layout.DictOffset);

    private PyObject** SlotAt(PyObject* o, int offset) => (PyObject**)((byte*)o + offset);

    /// <summary>Makes an instance and runs <c>__init__</c> with the call's arguments.</summary>
    public override PyRef Construct(PyObject* args, PyObject* kwargs)
    {
        var customNew = CustomNew();
        if (customNew != null)
        {
            return ConstructWithNew(customNew, args, kwargs);
        }

        var self = Allocate();
        if (self.IsNull)
        {
            return self;
        }

        if (Layout.SolidBase is ExceptionType exception)
        {
            exception.InitializeArgs(self.Ptr, args);
        }
        else if (Layout.SolidBase is Set.SetType { Frozen: true } frozen && TupleType.Size(args) > 0)
        {
            // frozenset_new fills the set, which has no __init__ to do it later.
            var n = TupleType.Size(args);
            if (n > 1)
            {
                self.DecRef();
                return Heap.RaiseTypeError($"{Name} expected at most 1 argument{(Heap.Profile.Wording == ErrorWording.Cpython27 ? "s" : "")}, got {n}");
            }

            if (frozen.Update(self.Ptr, TupleType.Item(args, 0)) < 0)
            {
                self.DecRef();
                return PyRef.Null;
            }
        }

        if (Tuple.TupleType.Size(args) == 0 && (kwargs == null || Heap.Types.Dict.Count(kwargs) == 0) && InheritsObjectInit())
        {
            // object.__init__ without arguments does nothing (as in RunInit).
            return self;
        }

        if (Heap.RunInit(self.Ptr, args, kwargs) < 0)
        {
            self.DecRef();
            return PyRef.Null;
        }

        return self;
    }

    /// <summary>
    /// Whether this class's <c>__init__</c> is <c>object.__init__</c>, remembered under the
    /// class's version tag: any change to the class or a base resets the tag (see
    /// <see cref="TypeAttributeCache"/>), so a remembered answer is never used after one.
    /// </summary>
    private bool InheritsObjectInit()
    {
        var tag = TypeObject->VersionTag;
        if (tag != 0 && tag == _objectInitTag)
        {
            return true;
        }

        if (!Heap.InheritsObjectInit(TypeObject))
        {
            return false;
        }

        // The lookup gave the class its tag if it had none.
        _objectInitTag = TypeObject->VersionTag;
        return true;
    }

    /// <summary>A new, tracked instance with no attributes.</summary>
    public PyRef Allocate()
    {
        var capacity = Layout.ValuesOffset != 0 ? _newInlineCapacity : 0;
        var o = Heap.AllocObject(this, Layout.Size + (nuint)(8 * capacity));
        if (o == null)
        {
            return PyRef.Null;
        }

        if (capacity != 0)
        {
            *ValuesWord(o) = InlineHeader(capacity);
        }

        if (Layout.ValuesOffset != 0 && _sharedKeysUsable > 1)
        {
            _sharedKeysUsable--;
        }

        LiveInstances++;
        if (Layout.IsGc)
        {
            Heap.Gc.Track(o);
        }

        return new PyRef(o);
    }

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        if (Layout.IsGc)
        {
            Heap.Gc.Untrack(self);
        }

        var weakList = Layout.WeakListOffset == 0 ? null : (PyObject**)((byte*)self + Layout.WeakListOffset);
        if (_legacyFinalizers && weakList != null && *weakList != null)
        {
            // 2.7's subtype_dealloc clears weak references before __del__ runs.
            Heap.ClearWeakList(self, weakList);
        }

        if (Heap.HasFinalizer(self->Type) && Heap.RunFinalizerFromDealloc(self))
        {
            return;
        }

        if (!_legacyFinalizers && weakList != null && *weakList != null)
        {
            Heap.ClearWeakList(self, weakList);
        }

        if (!ReleaseForDealloc(self))
        {
            ReleaseContents(self);
        }

        LiveInstances--;
        var type = self->Type;
        Heap.FreeObject(self, this, AllocatedSize(self));
        Heap.DecRef((PyObject*)type);
    }

    /// <summary>
    /// The common case of deallocation's release: a 3.12 instance of a class without slots
    /// over object, its values inline. False for any other instance (use <see cref="ReleaseContents"/>).
    /// </summary>
    private bool ReleaseForDealloc(PyObject* self) =>
        Layout.ValuesOffset != 0 && Layout.SlotOffsets.Length == 0 && Layout.SolidBaseIsObject && ReleaseInlineValuesForDealloc(self);

    /// <inheritdoc/>
    public override void ReleaseContents(PyObject* self)
    {
        foreach (var offset in Layout.SlotOffsets)
        {
            Heap.ClearRef(ref *SlotAt(self, offset));
        }

        if (Layout.ValuesOffset != 0)
        {
            ReleaseManagedAttributes(self);
        }
        else if (Layout.DictOffset != 0 && !Layout.DictInSolidBase)
        {
            Heap.ClearRef(ref *DictSlot(self));
        }

        if (!Layout.SolidBaseIsObject)
        {
            Layout.SolidBase.ReleaseContents(self);
        }
    }

    private static nuint ValuesBytes(nint capacity) => (nuint)(8 * (2 + (2 * capacity)));

    /// <summary>The insertion-order part of a values buffer: its length, then the indexes.</summary>
    private static nint* OrderOf(nint* values) => values + values[0] + 1;

    /// <inheritdoc/>
    public override delegate*<PyObject*, delegate*<PyObject*, void*, int>, void*, int> TraverseFunction => TraverseFieldsFunction;

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg) => TraverseFields(self, visit, arg);

    /// <summary>The traverse function of every user class's instances: the collector recognises it to traverse them inline.</summary>
    internal static readonly delegate*<PyObject*, delegate*<PyObject*, void*, int>, void*, int> TraverseFieldsFunction = &TraverseFields;

    /// <summary>
    /// <see cref="TraverseFields"/> with the collector's visitor inlined (same order); the
    /// solid base's own fields through <paramref name="visit"/>/<paramref name="arg"/>.
    /// </summary>
    internal static void TraverseFieldsWith<TVisitor>(PyObject* self, ref TVisitor visitor, delegate*<PyObject*, void*, int> visit, void* arg)
        where TVisitor : struct, Gc.IChildVisitor
    {
        var type = self->Type;
        var offsets = type->RefOffsets;
        for (var i = 0; i < type->RefOffsetCount; i++)
        {
            var v = *(PyObject**)((byte*)self + offsets[i]);
            if (v != null)
            {
                visitor.Visit(v);
            }
        }

        if (type->ValuesOffset != 0)
        {
            TraverseManagedWith(self, type, ref visitor);
        }

        visitor.Visit((PyObject*)type);
        if (type->BaseTraverse != null)
        {
            type->BaseTraverse(self, visit, arg);
        }
    }

    /// <summary>
    /// subtype_traverse, driven by the reference map kept in the type object (see
    /// <see cref="InstanceLayout.ReferenceMap"/>): the slot fields, the dict (3.12: or the
    /// values), the type, then the solid base's own fields.
    /// </summary>
    private static int TraverseFields(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        // subtype_traverse's order: slots (this class's first), the dict or inline values,
        // the type (a heap type's instance owns it), then the solid base's own fields.
        var type = self->Type;
        var offsets = type->RefOffsets;
        int r;
        for (var i = 0; i < type->RefOffsetCount; i++)
        {
            var v = *(PyObject**)((byte*)self + offsets[i]);
            if (v != null && (r = visit(v, arg)) != 0)
            {
                return r;
            }
        }

        if (type->ValuesOffset != 0 && (r = TraverseManaged(self, type, visit, arg)) != 0)
        {
            return r;
        }

        if ((r = visit((PyObject*)type, arg)) != 0)
        {
            return r;
        }

        return type->BaseTraverse != null ? type->BaseTraverse(self, visit, arg) : 0;
    }

    /// <inheritdoc/>
    /// <remarks>subtype_clear drops what subtype_dealloc drops: slots, the dict or values, the base's part.</remarks>
    public override void Clear(PyObject* self) => ReleaseContents(self);
}
