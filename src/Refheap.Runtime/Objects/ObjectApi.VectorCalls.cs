using Refheap.Objects.Native.Function;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects;

/// <summary>
/// Calls CPython makes without an argument tuple (vectorcall): the evaluator asks
/// <see cref="IsVectorCall"/> and lends such a callable an uncounted tuple
/// (<see cref="RentArguments"/>), so that <c>gc.get_count()</c> and the tuple free lists move
/// as CPython's do.
/// </summary>
internal sealed unsafe partial class ObjectApi
{
    private ArgumentTuples? _argumentTuples;
    private HashSet<nint>? _vectorTypes;

    /// <summary>
    /// A builtin function (as <see cref="NewNativeFunction(string, Func{PyRef, PyRef, PyRef, PyRef}, bool)"/>) that the profile's CPython calls
    /// without an argument tuple when <paramref name="vectorCall"/> (METH_O, METH_NOARGS,
    /// 3.x's METH_FASTCALL): a new reference, or null with the error set.
    /// </summary>
    public PyRef NewNativeFunction(string name, Func<PyRef, PyRef, PyRef, PyRef> body, bool isMethod, bool vectorCall) =>
        Heap.Types.NativeFunction.New(name, (_, self, args, kwargs) => body(new PyRef(self), new PyRef(args), new PyRef(kwargs)), isMethod, vectorCall ? NativeCallKind.Vector : NativeCallKind.Tuple);

    /// <summary>
    /// A builtin function as <see cref="NewBuiltinFunction(string, Func{PyRef, PyRef, PyRef})"/>'s,
    /// called without an argument tuple when <paramref name="vectorCall"/>.
    /// </summary>
    public PyRef NewBuiltinFunction(string name, Func<PyRef, PyRef, PyRef> body, bool vectorCall) =>
        Heap.Types.NativeFunction.New(name, (_, _, args, kwargs) => body(new PyRef(args), new PyRef(kwargs)), kind: vectorCall ? NativeCallKind.Vector : NativeCallKind.Tuple);

    /// <summary>
    /// Whether the profile's CPython calls <paramref name="callable"/> (borrowed) with
    /// <paramref name="positional"/> positional arguments and no keywords without making an
    /// argument tuple: a builtin function or method made so (<see cref="NativeFunctionType.IsVectorCall"/>),
    /// or, in 3.12, a type with a vectorcall of its own (<c>list</c>, <c>tuple</c>, <c>dict</c>,
    /// <c>set</c>, <c>frozenset</c>, <c>float</c>, <c>bool</c>, <c>range</c>, <c>reversed</c>,
    /// <c>filter</c>, and <c>type(o)</c>).
    /// </summary>
    public bool IsVectorCall(PyRef callable, int positional)
    {
        var o = callable.Ptr;
        var types = Heap.Types;
        if (o->Type == types.NativeFunction.TypeObject)
        {
            return types.NativeFunction.IsVectorCall(o);
        }

        if (o->Type != types.Type.TypeObject || Heap.Profile.IntPromotesToLong)
        {
            return false;
        }

        if (o == (PyObject*)types.Type.TypeObject)
        {
            return positional == 1;
        }

        _vectorTypes ??= [.. new TypeDescriptor?[]
        {
            types.List, types.Tuple, types.Dict, types.Set, types.FrozenSet, types.Float, types.Bool,
            types.Iterators.Range, types.BuiltinIterators.Reversed, types.BuiltinIterators.Filter,
        }.OfType<TypeDescriptor>().Select(t => (nint)t.TypeObject)];
        return _vectorTypes.Contains((nint)o);
    }

    /// <summary>
    /// A tuple of <paramref name="items"/> (borrowed) for a call <see cref="IsVectorCall"/>
    /// accepted, counted and tracked by nothing: a new reference to give back with
    /// <see cref="ReturnArguments"/> after the call, or null with MemoryError set.
    /// </summary>
    public PyRef RentArguments(ReadOnlySpan<PyRef> items)
    {
        if (items.Length == 0)
        {
            return EmptyTuple.NewRef();
        }

        _argumentTuples ??= new ArgumentTuples(Heap);
        return _argumentTuples.Rent(items);
    }

    /// <summary>What 2.7's PyObject_IsSubclass leaves on the free lists (<see cref="NativeFunctionType.ModelSubclassCheck"/>); nothing in 3.12.</summary>
    public void ModelSubclassCheck() => Heap.Types.NativeFunction.ModelSubclassCheck();

    /// <summary>Gives back a tuple from <see cref="RentArguments"/> (steals the reference).</summary>
    public void ReturnArguments(PyRef tuple)
    {
        if (tuple.Ptr == Heap.Types.Tuple.Empty)
        {
            tuple.DecRef();
            return;
        }

        _argumentTuples!.Return(tuple);
    }
}
