using Refheap.Objects.Native.Float;

namespace Refheap.Objects;

/// <summary>
/// The evaluator's short cuts for arithmetic and comparisons of two exact ints or two exact
/// floats, as CPython's ceval takes them (2.7's BINARY_ADD and COMPARE_OP int paths, 3.12's
/// BINARY_OP_ADD_FLOAT and COMPARE_OP_INT / _FLOAT): the answer the number protocol gives
/// (<see cref="Heap.CompareNumbers"/>, Heap.FloatBinary), without classifying the operands
/// first. Nothing observable differs: no user code runs, and the result is the same new float
/// or the same bool singleton.
/// </summary>
internal sealed unsafe partial class ObjectApi
{
    /// <summary>
    /// <c>a + b</c>, <c>a - b</c> or <c>a * b</c> of two exact floats (borrowed): true with
    /// <paramref name="result"/> a new float (or null with the error set when memory runs out);
    /// false for any other operands or operator, which take <see cref="BinaryOperation"/>.
    /// </summary>
    public bool TryFloatArithmetic(PyRef a, PyRef b, Operator op, out PyRef result)
    {
        var floats = Heap.Types.Float;
        if (op > Operator.Multiply || a.Ptr->Type != floats.TypeObject || b.Ptr->Type != floats.TypeObject)
        {
            result = PyRef.Null;
            return false;
        }

        var x = FloatType.Value(a.Ptr);
        var y = FloatType.Value(b.Ptr);
        result = floats.New(op == Operator.Add ? x + y : op == Operator.Subtract ? x - y : x * y);
        return true;
    }

    /// <summary>
    /// <c>a op b</c> for two exact ints that fit a machine word, or two exact floats (borrowed):
    /// true with <paramref name="result"/> the answer; false for any other operands, which take
    /// <see cref="Compare"/>.
    /// </summary>
    public bool TryCompareExactNumbers(PyRef a, PyRef b, CompareOp op, out bool result)
    {
        var type = a.Ptr->Type;
        result = false;
        if (type != b.Ptr->Type)
        {
            return false;
        }

        var types = Heap.Types;
        if (type == types.Int.TypeObject)
        {
            if (!types.Int.TryGetValue(a.Ptr, out var x) || !types.Int.TryGetValue(b.Ptr, out var y))
            {
                return false;
            }

            result = op.Holds(x, y);
            return true;
        }

        if (type == types.Float.TypeObject)
        {
            // A nan is unordered: every comparison false but !=, as float_richcompare.
            result = op.Holds(FloatType.Value(a.Ptr), FloatType.Value(b.Ptr));
            return true;
        }

        return false;
    }
}
