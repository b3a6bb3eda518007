namespace Refheap.Objects;

internal sealed unsafe partial class Heap
{
    /// <summary>A new str: new reference, or null with MemoryError set.</summary>
    public PyRef NewString(ReadOnlySpan<char> text) => Types.Str.New(text);

    /// <summary>The interned str for <paramref name="text"/>: borrowed (interned strings live as long as the heap).</summary>
    public PyRef InternString(string text) => Types.Str.Intern(text);

    /// <summary>A new tuple holding new references to <paramref name="items"/>.</summary>
    public PyRef NewTuple(params ReadOnlySpan<PyRef> items) => Types.Tuple.Pack(items);

    /// <summary>A new list holding new references to <paramref name="items"/>.</summary>
    public PyRef NewList(params ReadOnlySpan<PyRef> items) => Types.List.Pack(items);

    /// <summary>The type object of a descriptor, borrowed.</summary>
    public PyRef TypeObjectOf(TypeDescriptor type) => new((PyObject*)type.TypeObject);

    /// <summary><c>weakref.ref(referent, callback)</c> (callback null or None: none). New reference or null with TypeError.</summary>
    public PyRef NewWeakReference(PyObject* referent, PyObject* callback) => Types.WeakReference.New(referent, callback);

    /// <summary><c>weakref.proxy(referent, callback)</c>: a callable proxy when the referent is callable.</summary>
    public PyRef NewWeakProxy(PyObject* referent, PyObject* callback) =>
        (IsCallable(referent) ? Types.WeakCallableProxy : Types.WeakProxy).New(referent, callback);

    /// <summary><c>callable(o)</c>.</summary>
    public bool IsCallable(PyObject* o) => o->Type->Descriptor.IsCallable(o);

    /// <summary>A new empty set.</summary>
    public PyRef NewEmptySet() => Types.Set.New(null);

    /// <summary>A new empty dict (untracked until it holds something trackable).</summary>
    public PyRef NewDict() => Types.Dict.New();

    /// <summary>Visits the ints and floats kept in 2.7's own blocks, which the allocator's walk does not see.</summary>
    public void WalkOwnBlockObjects(Action<nint> visit)
    {
        Types.Int.WalkObjects(visit);
        Types.Float.WalkObjects(visit);
    }
}
