using Refheap.Memory;

namespace Refheap.Objects.Native.Int;

/// <summary>
/// <c>bool</c>, a subclass of <c>int</c> with two immortal instances, <c>True</c> and
/// <c>False</c>. Each is laid out as the profile's int (<see cref="PyIntObject"/> in py27,
/// <see cref="PyLongObject"/> in py312) holding 1 or 0, so every int operation reads them
/// as ints; the census does not count them (CPython's are static objects).
/// </summary>
internal sealed unsafe class BoolType : TypeDescriptor
{
    /// <summary>Creates the descriptor.</summary>
    public BoolType(Heap heap)
        : base(heap, "bool")
    {
    }

    /// <summary>The <c>True</c> singleton (borrowed).</summary>
    public PyObject* TrueObject { get; private set; }

    /// <summary>The <c>False</c> singleton (borrowed).</summary>
    public PyObject* FalseObject { get; private set; }

    /// <inheritdoc/>
    public override bool CountsInCensus => false;

    internal override void Initialize()
    {
        BaseType = Heap.Types.Int;
        FalseObject = Make(0);
        TrueObject = Make(1);
    }

    /// <summary>True or False: a new reference.</summary>
    public PyRef FromBool(bool value)
    {
        var o = value ? TrueObject : FalseObject;
        o->RefCount++;
        return new PyRef(o);
    }

    private PyObject* Make(long value)
    {
        var machineWord = Heap.Types.Int.IsMachineWord;
        var size = machineWord ? (nuint)sizeof(PyIntObject) : LongDigits.AllocationSize(1, atLeastOneDigit: true);
        var o = Heap.AllocObject(this, size);
        if (o == null)
        {
            throw new OutOfMemoryException("the heap limit is too small to hold True and False");
        }

        if (machineWord)
        {
            ((PyIntObject*)o)->Value = value;
        }
        else
        {
            LongDigits.Store(o, value);
        }

        // Invariant: True and False live as long as the heap.
        o->RefCount = Heap.ImmortalRefCount;
        return o;
    }

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => Heap.Types.Int.IsMachineWord
        ? (nuint)sizeof(PyIntObject)
        : LongDigits.AllocationSize(1, atLeastOneDigit: true);

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self) =>
        throw new MemoryCorruptionException(
            $"deallocating {(self == TrueObject ? "True" : "False")}: its reference count was decremented below its owners");

    /// <inheritdoc/>
    public override PyRef Construct(PyObject* args, PyObject* kwargs) => NumberConstructors.Bool(Heap, args, kwargs);

    /// <inheritdoc/>
    public override long Hash(PyObject* self) => self == TrueObject ? 1 : 0;

    /// <inheritdoc/>
    public override PyRef RichCompare(PyObject* self, PyObject* other, CompareOp op) => Heap.CompareNumbers(self, other, op);

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self) => Heap.NewString(self == TrueObject ? "True" : "False");

    /// <inheritdoc/>
    public override int IsTrue(PyObject* self) => self == TrueObject ? 1 : 0;

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        var value = NumberAttributes.OfInteger(Heap, self, name);
        return value.IsNull && !Heap.ErrorOccurred ? base.GetAttr(self, name) : value;
    }
}
