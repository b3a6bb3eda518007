namespace Refheap.Objects;

/// <summary>
/// The managed behaviour of one type's instances: what CPython keeps in the type object's
/// slots (tp_dealloc, tp_traverse, tp_clear, tp_repr, tp_hash, tp_richcompare, ...).
/// </summary>
/// <remarks>
/// One descriptor per built-in type and one per user class, each belonging to one
/// <see cref="Heap"/>. Methods follow CPython's C API conventions: a method that returns a
/// <see cref="PyRef"/> returns a new reference, or <see cref="PyRef.Null"/> with the heap's
/// error indicator set; arguments are borrowed.
/// </remarks>
internal abstract unsafe partial class TypeDescriptor
{
    /// <summary>Creates a descriptor for one heap.</summary>
    protected TypeDescriptor(Heap heap, string name)
    {
        Heap = heap;
        Name = name;
    }

    /// <summary>The heap this descriptor's objects live on.</summary>
    public Heap Heap { get; }

    /// <summary>The type's name as <c>__name__</c> shows it.</summary>
    public string Name { get; }

    /// <summary>The type object this descriptor belongs to; set once when the type object is made.</summary>
    public PyTypeObject* TypeObject { get; internal set; }

    /// <summary>The base type (bool: int; most built-ins: object; object: none).</summary>
    public TypeDescriptor? BaseType { get; internal set; }

    /// <summary>Whether instances are counted in the census; false for caches CPython keeps too.</summary>
    public virtual bool CountsInCensus => true;

    /// <summary>
    /// Called once every built-in type object exists: make singletons, caches and free lists.
    /// </summary>
    internal virtual void Initialize()
    {
    }

    /// <summary>Whether instances carry a GC header and can take part in cycles.</summary>
    public virtual bool IsGc => false;

    /// <summary>Whether the type object is a heap type (a user class): instances own a reference to it.</summary>
    public virtual bool IsHeapType => false;

    /// <summary>Byte offset of the weak-reference list slot in an instance, or 0 when not weak-referenceable.</summary>
    public virtual int WeakListOffset => 0;

    /// <summary>
    /// Byte offset of the instance dict slot the type itself has (CPython's tp_dictoffset of a
    /// built-in type, e.g. BaseException's), or 0: a subclass keeps its attributes there.
    /// </summary>
    public virtual int InstanceDictOffset => 0;

    /// <summary>Frees the object: drops its references and returns its memory. Its count is zero.</summary>
    public abstract void Dealloc(PyObject* self);

    /// <summary>The instance's size as <c>sys.getsizeof</c> counts it, without the GC header.</summary>
    public abstract nuint SizeOf(PyObject* self);

    /// <summary>Calls <paramref name="visit"/> for every object this one owns a reference to (tp_traverse); stops at a non-zero result.</summary>
    public virtual int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg) => 0;

    /// <summary>
    /// The traversal as a static function, stored in the type object as CPython's
    /// tp_traverse slot so that the collector calls it without reaching this descriptor.
    /// Default: a function that calls <see cref="Traverse"/>.
    /// </summary>
    public virtual delegate*<PyObject*, delegate*<PyObject*, void*, int>, void*, int> TraverseFunction => &TraverseThroughDescriptor;

    private static int TraverseThroughDescriptor(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg) =>
        self->Type->Descriptor.Traverse(self, visit, arg);

    /// <summary>Drops the references that could form cycles (tp_clear); the object stays valid.</summary>
    public virtual void Clear(PyObject* self)
    {
    }

    /// <summary>Whether the collector may untrack this object right now (atomic tuples and dicts).</summary>
    public virtual bool CanUntrack(PyObject* self) => false;

    /// <summary><c>repr(self)</c>: a new reference to a str.</summary>
    public virtual PyRef Repr(PyObject* self) =>
        Heap.NewString($"<{QualifiedName} object at 0x{(nint)self:x}>");

    /// <summary><c>str(self)</c>: a new reference to a str.</summary>
    public virtual PyRef Str(PyObject* self) => Repr(self);

    /// <summary>The name used in reprs: the class name, with its module for user classes.</summary>
    public virtual string QualifiedName => Name;

    /// <summary><c>hash(self)</c>; -1 with the error set when unhashable. Default: identity.</summary>
    public virtual long Hash(PyObject* self) => Heap.IdentityHash(self);

    /// <summary>Rich comparison; returns a new reference, NotImplemented when undefined, or null on error.</summary>
    public virtual PyRef RichCompare(PyObject* self, PyObject* other, CompareOp op) => Heap.IdentityCompare(self, other, op);

    /// <summary><c>getattr(self, name)</c> with <paramref name="name"/> a str; new reference or null.</summary>
    public virtual PyRef GetAttr(PyObject* self, PyObject* name) => Heap.GenericGetAttr(self, name);

    /// <summary>Sets (value non-null) or deletes (value null) an attribute; 0 or -1 with the error set.</summary>
    public virtual int SetAttr(PyObject* self, PyObject* name, PyObject* value) => Heap.GenericSetAttr(self, name, value);

    /// <summary><c>self(*args, **kwargs)</c>; <paramref name="kwargs"/> may be null.</summary>
    public virtual PyRef Call(PyObject* self, PyObject* args, PyObject* kwargs) =>
        Heap.RaiseTypeError($"'{Name}' object is not callable");

    /// <summary><c>callable(self)</c>: whether calling the object can work (it has tp_call).</summary>
    public virtual bool IsCallable(PyObject* self) => false;

    /// <summary>Calling the type object: makes an instance (<c>type.__call__</c>).</summary>
    public virtual PyRef Construct(PyObject* args, PyObject* kwargs) =>
        Heap.RaiseTypeError($"cannot create '{Name}' instances");

    /// <summary>
    /// Bytes of an instance when this type is the solid base of a user class, whose fields
    /// are laid out after these; 0 when the type cannot be subclassed (yet).
    /// </summary>
    public virtual nuint BaseInstanceSize => 0;

    /// <summary>
    /// 2.7's has_finalizer for an object whose type carries <see cref="TypeFlags.HasFinalizer"/>:
    /// whether this object has a finalizer now (a generator only while suspended in a block, a
    /// classic instance when <c>__del__</c> is found on it). Default: the flag says it all.
    /// </summary>
    public virtual bool HasLegacyFinalizer(PyObject* self) => true;

    /// <summary>Whether <c>sys.getsizeof</c> counts a GC header for <paramref name="self"/> (CPython's PyObject_IS_GC).</summary>
    public virtual bool ReportsGcHeader(PyObject* self) => IsGc;

    /// <summary>
    /// CPython's size for this type's part of an object minus Refheap's: sizes reported as
    /// CPython's (<c>sys.getsizeof</c>, a subclass instance's size) add it. Positive where
    /// Refheap leaves a field out (2.7's dict lookup pointer), negative where it keeps one
    /// CPython's profile does not have (2.7 exceptions keep 3.x's traceback and chaining).
    /// </summary>
    public virtual nint ReportedSizeAdjustment => 0;

    /// <summary>Drops the references and buffers of this type's part of an instance (a subclass's dealloc calls it); memory is not freed.</summary>
    public virtual void ReleaseContents(PyObject* self)
    {
    }

    /// <summary>
    /// The descriptor protocol's <c>__get__</c>: what an attribute found on a class gives when
    /// read through <paramref name="instance"/> (null: read on the class itself). Default: the attribute itself.
    /// </summary>
    public virtual PyRef DescriptorGet(PyObject* self, PyObject* instance, PyTypeObject* owner) => new PyRef(self).NewRef();

    /// <summary>Whether instances are data descriptors (define <c>__set__</c>), which take precedence over an instance's dict.</summary>
    public virtual bool IsDataDescriptor => false;

    /// <summary>
    /// Whether an instance found on a class is read before the instance's own dict: a data
    /// descriptor that also has a getter (PyObject_GenericGetAttr's order; one with only
    /// <c>__set__</c> is shadowed by the dict, and returned as it is without one).
    /// </summary>
    public virtual bool ReadBeforeInstanceDict => IsDataDescriptor;

    /// <summary>The descriptor protocol's <c>__set__</c>/<c>__delete__</c> (value null); 0 or -1.</summary>
    public virtual int DescriptorSet(PyObject* self, PyObject* instance, PyObject* value)
    {
        Heap.Raise(Heap.Types.Exceptions.AttributeError, "attribute is read-only");
        return -1;
    }

    /// <summary><c>self[key]</c> (mp_subscript): a new reference or null.</summary>
    public virtual PyRef Subscript(PyObject* self, PyObject* key) =>
        Heap.RaiseTypeError(Heap.Profile.Wording == ErrorWording.Cpython27
            ? $"'{Name}' object has no attribute '__getitem__'"
            : $"'{Name}' object is not subscriptable");

    /// <summary><c>self[key] = value</c>, or <c>del self[key]</c> when value is null; 0 or -1.</summary>
    public virtual int SetItem(PyObject* self, PyObject* key, PyObject* value)
    {
        Heap.RaiseTypeError(value == null
            ? $"'{Name}' object doesn't support item deletion"
            : $"'{Name}' object does not support item assignment");
        return -1;
    }

    /// <summary><c>len(self)</c>, or -1 with the error set.</summary>
    public virtual nint Length(PyObject* self)
    {
        Heap.RaiseTypeError($"object of type '{Name}' has no len()");
        return -1;
    }

    /// <summary><c>bool(self)</c>: 1, 0, or -1 on error. Default: true unless a length says 0.</summary>
    public virtual int IsTrue(PyObject* self) => 1;
}
