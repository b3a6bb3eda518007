namespace Refheap.Objects;

/// <summary>Shortcuts to the dict, set and frozenset types (Native/Dict, Native/Set).</summary>
internal sealed unsafe partial class Heap
{
    /// <summary>A new set of the items of <paramref name="iterable"/> (null: empty): a new reference, or null with the error set.</summary>
    public PyRef NewSet(PyObject* iterable = null) => Types.Set.New(iterable);

    /// <summary>A new frozenset of the items of <paramref name="iterable"/> (null: empty): a new reference, or null with the error set.</summary>
    public PyRef NewFrozenSet(PyObject* iterable = null) => Types.FrozenSet.New(iterable);

    /// <summary>A new dict with room for <paramref name="minUsed"/> items (a dict display's BUILD_MAP).</summary>
    public PyRef NewDictPresized(nint minUsed) => Types.Dict.NewPresized(minUsed);

    /// <summary>Whether <paramref name="o"/> is a dict or an instance of a dict subclass (PyDict_Check).</summary>
    public bool IsDict(PyObject* o) => IsInstance(o, Types.Dict);

    /// <summary>Whether <paramref name="o"/> is a set or frozenset, or an instance of a subclass (PyAnySet_Check).</summary>
    public bool IsAnySet(PyObject* o) => Types.Set.IsAnySet(o);
}
