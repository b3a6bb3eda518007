using Refheap.Objects.Native.Dict;
using Refheap.Objects.Native.Function;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects;

/// <summary>
/// Calls CPython makes without an argument tuple or keyword dict (vectorcall): the evaluator
/// asks <see cref="CallKind"/> and lends such a callable an uncounted tuple
/// (<see cref="RentArguments"/>) and dict (<see cref="RentKeywords"/>), so that
/// <c>gc.get_count()</c> and the free lists move as CPython's do.
/// </summary>
internal sealed unsafe partial class ObjectApi
{
    private HashSet<nint>? _vectorTypes;
    private KeywordDicts? _keywordDicts;

    /// <summary>
    /// A builtin function (as <see cref="NewNativeFunction(string, Func{PyRef, PyRef, PyRef, PyRef}, bool)"/>) that the profile's CPython calls
    /// as <paramref name="kind"/> says (<see cref="NativeCallKind.Vector"/>: without an argument
    /// tuple): a new reference, or null with the error set.
    /// </summary>
    public PyRef NewNativeFunction(string name, Func<PyRef, PyRef, PyRef, PyRef> body, bool isMethod, NativeCallKind kind) =>
        Heap.Types.NativeFunction.New(name, (_, self, args, kwargs) => body(new PyRef(self), new PyRef(args), new PyRef(kwargs)), isMethod, kind);

    /// <summary>
    /// A builtin function as <see cref="NewBuiltinFunction(string, Func{PyRef, PyRef, PyRef})"/>'s,
    /// called as <paramref name="kind"/> says.
    /// </summary>
    public PyRef NewBuiltinFunction(string name, Func<PyRef, PyRef, PyRef> body, NativeCallKind kind) =>
        Heap.Types.NativeFunction.New(name, (_, _, args, kwargs) => body(new PyRef(args), new PyRef(kwargs)), kind: kind);

    /// <summary>
    /// How the profile's CPython calls <paramref name="callable"/> (borrowed) with
    /// <paramref name="positional"/> positional and <paramref name="keywords"/> keyword arguments:
    /// a builtin function or method as it was made (<see cref="NativeFunctionType.CallKind"/>); in
    /// 3.12 a type with a vectorcall of its own (<c>list</c>, <c>tuple</c>, <c>dict</c>,
    /// <c>set</c>, <c>frozenset</c>, <c>float</c>, <c>bool</c>, <c>range</c>, <c>reversed</c>,
    /// <c>filter</c>, and <c>type(o)</c>) without a tuple, and <c>str(o)</c> too from a
    /// <paramref name="specializedSite"/>, a CALL that ran before (3.12 specializes a call site on
    /// its second run, here as CALL_NO_KW_STR_1; the first run makes the tuple); anything else
    /// with one (<see cref="NativeCallKind.Tuple"/>).
    /// </summary>
    public NativeCallKind CallKind(PyRef callable, int positional, int keywords, bool specializedSite)
    {
        var o = callable.Ptr;
        var types = Heap.Types;
        if (types.NativeFunction.IsNativeFunction(o))
        {
            // 2.7 passes arguments where they are only to builtin functions and bound methods
            // (PyCFunction objects); a method descriptor called on its class gets a tuple.
            return Heap.Profile.IntPromotesToLong && NativeFunctionType.IsUnboundMethod(o) ? NativeCallKind.Tuple : types.NativeFunction.CallKind(o);
        }

        if (o->Type != types.Type.TypeObject || Heap.Profile.IntPromotesToLong)
        {
            return NativeCallKind.Tuple;
        }

        if (o == (PyObject*)types.Type.TypeObject || (o == (PyObject*)types.Str.TypeObject && specializedSite))
        {
            return positional == 1 && keywords == 0 ? NativeCallKind.Vector : NativeCallKind.Tuple;
        }

        _vectorTypes ??= [.. new TypeDescriptor?[]
        {
            types.List, types.Tuple, types.Dict, types.Set, types.FrozenSet, types.Float, types.Bool,
            types.Iterators.Range, types.BuiltinIterators.Reversed, types.BuiltinIterators.Filter, types.BuiltinIterators.Enumerate,
        }.OfType<TypeDescriptor>().Select(t => (nint)t.TypeObject)];
        return _vectorTypes.Contains((nint)o) ? NativeCallKind.Vector : NativeCallKind.Tuple;
    }

    /// <summary>
    /// A dict of the keyword arguments <paramref name="kwNames"/> (a tuple of str) and
    /// <paramref name="values"/> (borrowed) for a 3.x call whose callable CPython gives them
    /// where they are (<see cref="NativeCallKind.Vector"/>, <see cref="NativeCallKind.PackedArgs"/>),
    /// counted and tracked by nothing: a new reference to give back with
    /// <see cref="ReturnKeywords"/>, or null with the error set.
    /// </summary>
    public PyRef RentKeywords(PyRef kwNames, ReadOnlySpan<PyRef> values)
    {
        _keywordDicts ??= new KeywordDicts(Heap);
        return _keywordDicts.Rent(kwNames.Ptr, values);
    }

    /// <summary><c>callable(*args)</c> (borrowed) as CPython's PyObject_Vectorcall from C code (<see cref="Heap.CallVector"/>): a new reference or null.</summary>
    public PyRef CallVector(PyRef callable, ReadOnlySpan<PyRef> args) => Heap.CallVector(callable.Ptr, args);

    /// <summary>Gives back a dict from <see cref="RentKeywords"/> (steals the reference).</summary>
    public void ReturnKeywords(PyRef dict) => _keywordDicts!.Return(dict);

    /// <summary>
    /// A tuple of <paramref name="items"/> (borrowed) for a call <see cref="CallKind"/> says
    /// CPython makes without one, counted and tracked by nothing: a new reference to give back with
    /// <see cref="ReturnArguments"/> after the call, or null with MemoryError set.
    /// </summary>
    public PyRef RentArguments(ReadOnlySpan<PyRef> items)
    {
        if (items.Length == 0)
        {
            return EmptyTuple.NewRef();
        }

        return Heap.ArgumentTuples.Rent(items);
    }

    /// <summary>What 2.7's PyObject_IsSubclass leaves on the free lists (<see cref="NativeFunctionType.ModelSubclassCheck"/>); nothing in 3.12.</summary>
    public void ModelSubclassCheck() => Heap.Types.NativeFunction.ModelSubclassCheck();

    /// <summary>What a bound built-in method 2.7 makes and drops leaves on the free lists (<see cref="NativeFunctionType.ModelBoundMethod"/>): false with MemoryError set.</summary>
    public bool ModelBoundMethod() => Heap.Types.NativeFunction.ModelBoundMethod();

    /// <summary>Gives back a tuple from <see cref="RentArguments"/> (steals the reference).</summary>
    public void ReturnArguments(PyRef tuple)
    {
        if (tuple.Ptr == Heap.Types.Tuple.Empty)
        {
            tuple.DecRef();
            return;
        }

        Heap.ArgumentTuples.Return(tuple);
    }
}
