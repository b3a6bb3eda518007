using Refheap.Objects.Native.Function;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects;

/// <summary>Calls from C# code that CPython 3.x makes with the vectorcall protocol.</summary>
internal sealed unsafe partial class Heap
{
    private ArgumentTuples? _argumentTuples;

    /// <summary>The uncounted argument tuples lent to calls CPython makes without one.</summary>
    internal ArgumentTuples ArgumentTuples => _argumentTuples ??= new ArgumentTuples(this);

    /// <summary>
    /// <c>callable(*args)</c> (arguments borrowed) as the runtime's own calls of a key function,
    /// a filter's predicate and the like: 3.x's PyObject_CallOneArg / PyObject_Vectorcall pass
    /// the arguments without a tuple to a callable with a vectorcall (a Python function, a bound
    /// method, a built-in called so), which gets a lent tuple here; 2.7's
    /// PyObject_CallFunctionObjArgs, and 3.x for anything else, make a new tuple.
    /// </summary>
    public PyRef CallVector(PyObject* callable, ReadOnlySpan<PyRef> args)
    {
        var lend = !Profile.IntPromotesToLong && args.Length > 0
            && (callable->Type == Types.PythonFunction.TypeObject
                || callable->Type == Types.Method.TypeObject
                || (Types.NativeFunction.IsNativeFunction(callable) && Types.NativeFunction.IsVectorCall(callable)));
        var tuple = lend ? ArgumentTuples.Rent(args) : NewTuple(args);
        if (tuple.IsNull)
        {
            return tuple;
        }

        var result = Call(callable, tuple.Ptr, null);
        if (lend)
        {
            ArgumentTuples.Return(tuple);
        }
        else
        {
            tuple.DecRef();
        }

        return result;
    }
}
