using System.Numerics;
using Refheap.Objects;
using Refheap.Objects.Native.Str;

namespace Refheap.RuntimeTests.Objects.Numbers;

/// <summary>
/// A heap for number tests (debug allocator on) with helpers that make operands, run an
/// operator and render the outcome as CPython would print it: the repr of the result, or
/// "ErrorType: message".
/// </summary>
/// <remarks>
/// Operands made here are owned by the helper and released by <see cref="Dispose"/>;
/// <see cref="AssertBackToStart"/> releases them early and checks that, after a full
/// collection's clearing of the free lists, the allocator holds the bytes it held at the start.
/// </remarks>
internal sealed unsafe class NumberHeap : IDisposable
{
    private readonly List<PyRef> _owned = [];
    private readonly long _startBytes;

    public NumberHeap(string profile)
    {
        Heap = new Heap(Profile.FromName(profile), new RuntimeOptions { DebugAllocator = true });
        Heap.FreeLists.ClearAll();
        _startBytes = Heap.Allocator.BytesInUse;
    }

    public Heap Heap { get; }

    /// <summary>An owned int operand.</summary>
    public PyRef Int(long value) => Own(Heap.NewInt(value));

    /// <summary>An owned int operand of any size, from its decimal digits.</summary>
    public PyRef Int(string value) => Own(Heap.NewInt(BigInteger.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>2**n as an owned operand.</summary>
    public PyRef Pow2(int n, int add = 0) => Own(Heap.NewInt((BigInteger.One << n) + add));

    /// <summary>An owned float operand.</summary>
    public PyRef Float(double value) => Own(Heap.NewFloat(value));

    /// <summary>An owned str operand.</summary>
    public PyRef Str(string value) => Own(Heap.NewString(value));

    /// <summary>True or False (owned).</summary>
    public PyRef Bool(bool value) => Own(Heap.NewBool(value));

    /// <summary>Keeps a new reference for release at the end; throws when it is null.</summary>
    public PyRef Own(PyRef r)
    {
        if (r.IsNull)
        {
            throw Heap.TakeErrorAsException();
        }

        _owned.Add(r);
        return r;
    }

    /// <summary>repr(o) as text.</summary>
    public string Repr(PyRef o) => Heap.ReprString(o.Ptr);

    /// <summary>str(o) as text.</summary>
    public string StrOf(PyRef o)
    {
        var s = Heap.Str(o.Ptr);
        var text = StrType.AsString(s.Ptr);
        s.DecRef();
        return text;
    }

    /// <summary>The outcome of an operation: repr of the result (released), or "Type: message" (error cleared).</summary>
    public string Outcome(PyRef result)
    {
        if (result.IsNull)
        {
            var e = Heap.TakeErrorAsException();
            return e.PythonMessage.Length == 0 ? e.TypeName : $"{e.TypeName}: {e.PythonMessage}";
        }

        var text = Repr(result);
        result.DecRef();
        return text;
    }

    /// <summary>Runs a binary operator as Python spells it (py27's "/" is <see cref="Heap.Divide"/>).</summary>
    public string Binary(PyRef a, string op, PyRef b) => Outcome(op switch
    {
        "+" => Heap.Add(a.Ptr, b.Ptr),
        "-" => Heap.Subtract(a.Ptr, b.Ptr),
        "*" => Heap.Multiply(a.Ptr, b.Ptr),
        "/" => Heap.Divide(a.Ptr, b.Ptr),
        "truediv" => Heap.TrueDivide(a.Ptr, b.Ptr),
        "//" => Heap.FloorDivide(a.Ptr, b.Ptr),
        "%" => Heap.Remainder(a.Ptr, b.Ptr),
        "**" => Heap.Power(a.Ptr, b.Ptr),
        "<<" => Heap.LeftShift(a.Ptr, b.Ptr),
        ">>" => Heap.RightShift(a.Ptr, b.Ptr),
        "&" => Heap.And(a.Ptr, b.Ptr),
        "|" => Heap.Or(a.Ptr, b.Ptr),
        "^" => Heap.Xor(a.Ptr, b.Ptr),
        "<" => Heap.RichCompare(a.Ptr, b.Ptr, CompareOp.Lt),
        "<=" => Heap.RichCompare(a.Ptr, b.Ptr, CompareOp.Le),
        "==" => Heap.RichCompare(a.Ptr, b.Ptr, CompareOp.Eq),
        "!=" => Heap.RichCompare(a.Ptr, b.Ptr, CompareOp.Ne),
        ">" => Heap.RichCompare(a.Ptr, b.Ptr, CompareOp.Gt),
        ">=" => Heap.RichCompare(a.Ptr, b.Ptr, CompareOp.Ge),
        _ => throw new ArgumentException($"unknown operator {op}", nameof(op)),
    });

    /// <summary>Runs a unary operator: "-", "+", "~" or "abs".</summary>
    public string Unary(string op, PyRef a) => Outcome(op switch
    {
        "-" => Heap.Negative(a.Ptr),
        "+" => Heap.Positive(a.Ptr),
        "~" => Heap.Invert(a.Ptr),
        "abs" => Heap.Absolute(a.Ptr),
        _ => throw new ArgumentException($"unknown operator {op}", nameof(op)),
    });

    /// <summary>Releases the operands, empties the free lists, and checks the allocator is back to its starting bytes.</summary>
    public void AssertBackToStart()
    {
        ReleaseOperands();
        Heap.FreeLists.ClearAll();
        Assert.Equal(_startBytes, Heap.Allocator.BytesInUse);
    }

    private void ReleaseOperands()
    {
        foreach (var r in _owned)
        {
            r.DecRef();
        }

        _owned.Clear();
    }

    public void Dispose()
    {
        ReleaseOperands();
        Heap.Dispose();
    }
}
