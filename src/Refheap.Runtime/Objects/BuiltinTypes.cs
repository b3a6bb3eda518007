using System.Runtime.InteropServices;
using Refheap.Memory;
using Refheap.Objects.Native.Cell;
using Refheap.Objects.Native.Classic;
using Refheap.Objects.Native.Code;
using Refheap.Objects.Native.Descriptor;
using Refheap.Objects.Native.Dict;
using Refheap.Objects.Native.Exceptions;
using Refheap.Objects.Native.Float;
using Refheap.Objects.Native.Frame;
using Refheap.Objects.Native.Function;
using Refheap.Objects.Native.Generator;
using Refheap.Objects.Native.Instance;
using Refheap.Objects.Native.Int;
using Refheap.Objects.Native.List;
using Refheap.Objects.Native.Method;
using Refheap.Objects.Native.Module;
using Refheap.Objects.Native.None;
using Refheap.Objects.Native.Object;
using Refheap.Objects.Native.Set;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Traceback;
using Refheap.Objects.Native.Tuple;
using Refheap.Objects.Native.Type;
using Refheap.Weak;

namespace Refheap.Objects;

/// <summary>The built-in types of one heap and the bootstrap that makes their type objects.</summary>
/// <remarks>
/// Bootstrap order matters because type objects are themselves heap objects with a str
/// name, a tuple of bases and a dict: (1) every descriptor is constructed without
/// allocating; (2) every type object is allocated, `type` first (its own type); (3) each
/// descriptor initializes its singletons and free lists; (4) names, bases, MROs and dicts
/// are filled in, now that str, tuple and dict work.
/// </remarks>
internal sealed unsafe class BuiltinTypes : IDisposable
{
    private readonly Heap _heap;
    private readonly List<TypeDescriptor> _all = [];

    /// <summary>Constructs the descriptors; <see cref="Bootstrap"/> makes their type objects.</summary>
    public BuiltinTypes(Heap heap)
    {
        _heap = heap;
        Type = Add(new TypeType(heap));
        Object = Add(new ObjectType(heap));
        None = Add(new NoneType(heap));
        NotImplemented = Add(new NotImplementedType(heap));
        Int = Add(new IntType(heap));
        Long = heap.Profile.IntPromotesToLong ? Add(new LongType(heap)) : null;
        Bool = Add(new BoolType(heap));
        Float = Add(new FloatType(heap));
        Str = Add(new StrType(heap));
        Tuple = Add(new TupleType(heap));
        List = Add(new ListType(heap));
        Dict = Add(new DictType(heap));
        Set = Add(new SetType(heap, frozen: false));
        FrozenSet = Add(new SetType(heap, frozen: true));
        NativeFunction = Add(new NativeFunctionType(heap));
        foreach (var t in NativeFunction.DescriptorTypes)
        {
            Add(t);
        }

        GetSetDescriptor = Add(new AttributeDescriptorType(heap, member: false));
        MemberDescriptor = Add(new AttributeDescriptorType(heap, member: true));
        Iterators = new Native.Iterators.IterationTypes(heap);
        foreach (var t in Iterators.All)
        {
            Add(t);
        }

        BuiltinIterators = new Native.BuiltinIterators.BuiltinIteratorTypes(heap);
        foreach (var t in BuiltinIterators.All)
        {
            Add(t);
        }

        WeakReference = Add(new WeakReferenceType(heap, WeakReferenceKind.Reference));
        WeakProxy = Add(new WeakReferenceType(heap, WeakReferenceKind.Proxy));
        WeakCallableProxy = Add(new WeakReferenceType(heap, WeakReferenceKind.CallableProxy));
        Code = Add(new CodeType(heap));
        PythonFunction = Add(new PythonFunctionType(heap));
        Method = Add(new MethodType(heap));
        Cell = Add(new CellType(heap));
        Frame = Add(new FrameType(heap));
        Traceback = Add(new TracebackType(heap));
        Module = Add(new ModuleType(heap));
        Generator = Add(new GeneratorType(heap));
        ClassMethod = Add(new WrapperType(heap, WrapperKind.ClassMethod));
        StaticMethod = Add(new WrapperType(heap, WrapperKind.StaticMethod));
        Property = Add(new WrapperType(heap, WrapperKind.Property));
        Super = Add(new WrapperType(heap, WrapperKind.Super));
        Partial = Add(new WrapperType(heap, WrapperKind.Partial));
        Slice = Add(new Native.Slice.SliceType(heap));
        MappingProxy = Add(new MappingProxyType(heap));
        WeakContainers = new WeakContainerTypes(heap, WeakReference);
        foreach (var w in WeakContainers.All)
        {
            Add(w);
        }

        Classic = heap.Profile.IntPromotesToLong ? new ClassicTypes(heap) : null;
        foreach (var c in Classic?.All ?? [])
        {
            Add(c);
        }

        Exceptions = new ExceptionTypes(heap, this);
        foreach (var e in Exceptions.All)
        {
            Add(e);
        }

        // Last, so that the types before it keep their places (2.7 orders unlike types by address).
        Ellipsis = Add(new EllipsisType(heap));
        VersionInfo = Add(new StructSequenceType(heap, "sys.version_info", ["major", "minor", "micro", "releaselevel", "serial"]));
        FloatInfo = Add(new StructSequenceType(heap, "sys.float_info", ["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"]));
        IntInfo = Add(heap.Profile.IntPromotesToLong
            ? new StructSequenceType(heap, "sys.long_info", ["bits_per_digit", "sizeof_digit"])
            : new StructSequenceType(heap, "sys.int_info", ["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"]));
    }

    /// <summary><c>type</c>, the metatype.</summary>
    public TypeType Type { get; }

    /// <summary><c>object</c>.</summary>
    public ObjectType Object { get; }

    /// <summary><c>NoneType</c>.</summary>
    public NoneType None { get; }

    /// <summary><c>NotImplementedType</c>.</summary>
    public NotImplementedType NotImplemented { get; }

    /// <summary><c>ellipsis</c>, the type of <c>Ellipsis</c>.</summary>
    public EllipsisType Ellipsis { get; }

    /// <summary><c>sys.version_info</c>'s type, a struct sequence.</summary>
    public StructSequenceType VersionInfo { get; }

    /// <summary><c>sys.float_info</c>'s type.</summary>
    public StructSequenceType FloatInfo { get; }

    /// <summary><c>sys.int_info</c>'s type (2.7: <c>sys.long_info</c>).</summary>
    public StructSequenceType IntInfo { get; }

    /// <summary><c>int</c> (2.7: the machine-word int).</summary>
    public IntType Int { get; }

    /// <summary><c>long</c>, 2.7 only.</summary>
    public LongType? Long { get; }

    /// <summary><c>bool</c>.</summary>
    public BoolType Bool { get; }

    /// <summary><c>float</c>.</summary>
    public FloatType Float { get; }

    /// <summary><c>str</c>.</summary>
    public StrType Str { get; }

    /// <summary><c>tuple</c>.</summary>
    public TupleType Tuple { get; }

    /// <summary><c>list</c>.</summary>
    public ListType List { get; }

    /// <summary><c>dict</c>.</summary>
    public DictType Dict { get; }

    /// <summary><c>set</c>.</summary>
    public SetType Set { get; }

    /// <summary><c>frozenset</c>.</summary>
    public SetType FrozenSet { get; }

    /// <summary>Functions implemented in C# (builtin_function_or_method).</summary>
    public NativeFunctionType NativeFunction { get; }

    /// <summary><c>getset_descriptor</c>: a class's <c>__dict__</c> and <c>__weakref__</c>.</summary>
    public AttributeDescriptorType GetSetDescriptor { get; }

    /// <summary><c>member_descriptor</c>: a class's <c>__slots__</c> members.</summary>
    public AttributeDescriptorType MemberDescriptor { get; }

    /// <summary>A class's <c>__dict__</c>: 3.12 <c>mappingproxy</c>, 2.7 <c>dictproxy</c>.</summary>
    public MappingProxyType MappingProxy { get; }

    /// <summary><c>slice</c>.</summary>
    public Native.Slice.SliceType Slice { get; }

    /// <summary>The iterator types and the lazy range (Native/Iterators, Native/Range).</summary>
    public Native.Iterators.IterationTypes Iterators { get; }

    /// <summary>enumerate, reversed and (3.x) map, filter, zip (Native/BuiltinIterators).</summary>
    public Native.BuiltinIterators.BuiltinIteratorTypes BuiltinIterators { get; }

    /// <summary><c>weakref.ref</c>.</summary>
    public WeakReferenceType WeakReference { get; }

    /// <summary>The type of <c>weakref.proxy</c> of a non-callable object.</summary>
    public WeakReferenceType WeakProxy { get; }

    /// <summary>The type of <c>weakref.proxy</c> of a callable object.</summary>
    public WeakReferenceType WeakCallableProxy { get; }

    /// <summary><c>code</c>.</summary>
    public CodeType Code { get; }

    /// <summary><c>function</c>: functions defined in Python.</summary>
    public PythonFunctionType PythonFunction { get; }

    /// <summary>Bound methods (<c>instancemethod</c> / <c>method</c>).</summary>
    public MethodType Method { get; }

    /// <summary><c>cell</c>.</summary>
    public CellType Cell { get; }

    /// <summary><c>frame</c>.</summary>
    public FrameType Frame { get; }

    /// <summary><c>traceback</c>.</summary>
    public TracebackType Traceback { get; }

    /// <summary><c>module</c>.</summary>
    public ModuleType Module { get; }

    /// <summary><c>generator</c>.</summary>
    public GeneratorType Generator { get; }

    /// <summary><c>classmethod</c>.</summary>
    public WrapperType ClassMethod { get; }

    /// <summary><c>staticmethod</c>.</summary>
    public WrapperType StaticMethod { get; }

    /// <summary><c>property</c>.</summary>
    public WrapperType Property { get; }

    /// <summary><c>super</c>.</summary>
    public WrapperType Super { get; }

    /// <summary><c>functools.partial</c>.</summary>
    public WrapperType Partial { get; }

    /// <summary>WeakValueDictionary, WeakKeyDictionary, WeakSet, finalize and their helpers.</summary>
    public WeakContainerTypes WeakContainers { get; }

    /// <summary>The exception hierarchy.</summary>
    public ExceptionTypes Exceptions { get; }

    /// <summary>2.7's classic classes and their instances; null in 3.x.</summary>
    public ClassicTypes? Classic { get; }

    /// <summary>Every built-in type.</summary>
    public IReadOnlyList<TypeDescriptor> All => _all;

    private T Add<T>(T descriptor)
        where T : TypeDescriptor
    {
        _all.Add(descriptor);
        return descriptor;
    }

    /// <summary>Makes the type objects and singletons (see the class remarks for the order).</summary>
    public void Bootstrap()
    {
        foreach (var d in _all)
        {
            d.BaseType ??= d == Object ? null : Object;
            d.TypeObject = AllocateBuiltinTypeObject(d);
        }

        foreach (var d in _all)
        {
            d.Initialize();
        }

        foreach (var d in _all)
        {
            FillTypeObject(d);
        }

        Native.Methods.BuiltinMethodTables.InstallAll(_heap);
        VersionInfo.InstallFieldCounts();
        FloatInfo.InstallFieldCounts();
        IntInfo.InstallFieldCounts();

        // Made now, so that reporting exhaustion later never needs memory.
        _ = Exceptions.PreallocatedMemoryError;
        if (!Generator.InstallMethods())
        {
            throw new OutOfMemoryException("the heap limit is too small to hold the generator methods");
        }

        // The built-in types' dicts are complete: lookups may be cached from here on.
        _heap.TypeAttributeCacheReady = true;
    }

    private PyTypeObject* AllocateBuiltinTypeObject(TypeDescriptor d)
    {
        var size = (nuint)sizeof(PyTypeObject);
        var block = (byte*)_heap.Allocator.Allocate(size + HeapAllocator.GcHeaderSize, BlockKind.GcObject);
        if (block == null)
        {
            throw new OutOfMemoryException("the heap limit is too small to hold the built-in types");
        }

        // Invariant: built-in type objects are immortal and never tracked (as CPython's static types).
        new Span<byte>(block, (int)(size + HeapAllocator.GcHeaderSize)).Clear();
        var t = (PyTypeObject*)(block + HeapAllocator.GcHeaderSize);
        t->Base.RefCount = Heap.ImmortalRefCount;
        t->Base.Type = d == Type ? t : Type.TypeObject;
        t->DescriptorHandle = GCHandle.ToIntPtr(GCHandle.Alloc(d));
        t->Flags = d.IsGc ? TypeFlags.HaveGc : TypeFlags.None;
        t->Flags |= d.WeakListOffset != 0 || d is Weak.WeakReferenceType or Weak.KeyedReferenceType ? TypeFlags.WeakReferenceWork : TypeFlags.None;
        t->Traverse = d.TraverseFunction;
        return t;
    }

    private void FillTypeObject(TypeDescriptor d)
    {
        var t = d.TypeObject;
        // type_name: a built-in type's __name__ is its tp_name after the last dot (2.7's "functools.partial" → "partial").
        t->Name = _heap.InternString(d.Name[(d.Name.LastIndexOf('.') + 1)..]).Ptr;
        var baseType = d.BaseType;
        var bases = baseType == null ? _heap.NewTuple() : _heap.NewTuple(new PyRef((PyObject*)baseType.TypeObject));
        t->Bases = bases.Ptr;
        var mro = new List<PyRef>();
        for (var b = d; b != null; b = b.BaseType)
        {
            mro.Add(new PyRef((PyObject*)b.TypeObject));
        }

        t->Mro = _heap.NewTuple([.. mro]).Ptr;
        t->Dict = Dict.New().Ptr;

        // A built-in type's bases, MRO and dict live as long as it does: like CPython's static
        // types' they are not part of any program's census.
        MakeImmortal(t->Bases);
        MakeImmortal(t->Mro);
        MakeImmortal(t->Dict);
    }

    private static void MakeImmortal(PyObject* o)
    {
        if (o->RefCount < Heap.ImmortalRefCount)
        {
            o->RefCount = Heap.ImmortalRefCount;
        }
    }

    /// <summary>Releases the descriptors' handles; the memory goes with the allocator.</summary>
    public void Dispose()
    {
        foreach (var d in _all)
        {
            if (d.TypeObject != null && d.TypeObject->DescriptorHandle != 0)
            {
                GCHandle.FromIntPtr(d.TypeObject->DescriptorHandle).Free();
                d.TypeObject->DescriptorHandle = 0;
            }
        }
    }
}
