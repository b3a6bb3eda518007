using Refheap.Objects.Native.Methods;

namespace Refheap.Objects.Native.Slice;

/// <summary>slice's one method: <c>indices(length)</c>.</summary>
internal static unsafe class SliceMethods
{
    /// <summary>The methods (the same in both profiles).</summary>
    public static IEnumerable<BuiltinMethod> Create() => [new("indices", ArgumentSpec.One, Indices)];

    // (start, stop, step) of the slice resolved against a length, as range() would take them.
    private static PyRef Indices(Heap heap, PyObject* self, MethodArgs a)
    {
        if (!heap.IsInt(a[0]))
        {
            return heap.RaiseTypeError($"'{a[0]->Type->Descriptor.Name}' object cannot be interpreted as an integer");
        }

        if (!heap.TryAsLong(a[0], out var length) || length < 0)
        {
            return length < 0 ? heap.RaiseValueError("length should not be negative") : heap.RaiseOverflowError("cannot fit 'int' into an index-sized integer");
        }

        if (!heap.Types.Slice.TryIndices(self, (nint)length, out var r))
        {
            return PyRef.Null;
        }

        var start = heap.NewInt(r.Start);
        var stop = heap.NewInt(r.Stop);
        var step = heap.NewInt(r.Step);
        var t = start.IsNull || stop.IsNull || step.IsNull ? PyRef.Null : heap.NewTuple(start, stop, step);
        start.XDecRef();
        stop.XDecRef();
        step.XDecRef();
        return t;
    }
}
