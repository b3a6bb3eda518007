using Refheap.Objects.Native.Instance;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects;

/*
 * The facade Refheap.Diagnostics (objgraph, heapy, the cycle report) reads the heap through:
 * walks and per-object facts, all borrowed references and none changing a reference count.
 */
internal sealed unsafe partial class ObjectApi
{
    /// <summary>Every live object the census counts, tracked or not (borrowed; see <see cref="HeapWalk.LiveObjects"/>).</summary>
    public List<PyRef> LiveObjects() => HeapWalk.LiveObjects(Heap);

    /// <summary><c>gc.get_objects()</c>: every tracked object (borrowed).</summary>
    public List<PyRef> TrackedObjects() => GcInspection.TrackedObjects(Heap, null);

    /// <summary><c>gc.get_referents(o)</c> with the name of each reference (targets borrowed).</summary>
    public List<HeapWalkEdge> LabeledReferents(PyRef o) => HeapWalk.LabeledReferents(Heap, o);

    /// <summary>A reader of many objects' labeled references in a row, with one set of buffers (see <see cref="HeapWalkReader"/>); dispose it.</summary>
    public HeapWalkReader ReferenceReader() => new(Heap);

    /// <summary><c>gc.get_referents(o)</c> (borrowed).</summary>
    public static List<PyRef> Referents(PyRef o) => GcInspection.Referents(o);

    /// <summary><c>sys.getsizeof(o)</c>.</summary>
    public static long SizeOf(PyRef o) => HeapWalk.SizeOf(o);

    /// <summary><c>gc.is_tracked(o)</c>.</summary>
    public static bool IsTracked(PyRef o) => GcInspection.IsTracked(o);

    /// <summary>The object at <paramref name="address"/> (borrowed); the caller must have found the address among live objects.</summary>
    public static PyRef AtAddress(nint address) => new((PyObject*)address);

    /// <summary>The <c>__name__</c> of the object's type (objgraph's short type name).</summary>
    public static string ShortTypeName(PyRef o) => o.Descriptor.Name;

    /// <summary>The type's <c>module.name</c> (objgraph's long type name): a built-in's module is <c>__builtin__</c> (2.7) or <c>builtins</c>.</summary>
    public string LongTypeName(PyRef o) => o.Descriptor is InstanceType
        ? o.Descriptor.QualifiedName
        : (Heap.Profile.Wording == ErrorWording.Cpython27 ? "__builtin__." : "builtins.") + o.Descriptor.Name;

    /// <summary>The name reprs use for the object's class: <c>module.Name</c> for a user class, the bare name for a built-in (heapy's kind).</summary>
    public static string QualifiedTypeName(PyRef o) => o.Descriptor.QualifiedName;

    /// <summary>The <c>__name__</c> of <paramref name="o"/> when it is a type object, else null.</summary>
    public static string? TypeObjectName(PyRef o) =>
        o.Descriptor is TypeType ? ((PyTypeObject*)o.Ptr)->Descriptor.Name : null;

    /// <summary>Whether the object's class (or a base) defines <c>__del__</c>.</summary>
    public static bool HasDel(PyRef o) => o.Descriptor is InstanceType { HasDel: true };

    /// <summary>Whether the object is a list, tuple, dict or set (objgraph labels these "N items").</summary>
    public bool IsPlainContainer(PyRef o) =>
        o.Descriptor == Heap.Types.List || o.Descriptor == Heap.Types.Tuple || o.Descriptor == Heap.Types.Dict
        || o.Descriptor == Heap.Types.Set;

    /// <summary>
    /// An object's reference count as CPython reports it (sys.getrefcount, objgraph): 3.12's
    /// immortal objects (None, small ints, the empty tuple...) all say _Py_IMMORTAL_REFCNT
    /// (4294967295) whatever refers to them; any other object its count.
    /// </summary>
    public long ReportedRefCount(PyRef o) =>
        !Heap.Profile.IntPromotesToLong && o.RefCount >= Heap.ImmortalRefCount / 2 ? uint.MaxValue : o.RefCount;
}
