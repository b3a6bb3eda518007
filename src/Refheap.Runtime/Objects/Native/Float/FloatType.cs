using Refheap.Objects.Native.Int;

namespace Refheap.Objects.Native.Float;

/// <summary><c>float</c>: a double in a 24-byte <see cref="PyFloatObject"/>.</summary>
/// <remarks>
/// Storage follows the profile, as CPython's floatobject.c does:
/// <list type="bullet">
/// <item>py27 (<see cref="Profile.SeparateIntAndFloatBlocks"/>): own blocks of 41 floats
/// (<see cref="OwnBlocks"/>), freed floats reused only as floats, a block returned only when
/// wholly free at a full collection (PyFloat_ClearFreeList).</item>
/// <item>py312: ordinary objects and a free list of <see cref="Profile.FloatFreeListLimit"/>
/// (100) freed floats, emptied by a full collection.</item>
/// </list>
/// Hash, repr and str are the profile's: 2.7's frexp-mixing hash and 12-digit str, or 3.x's
/// modular hash and str equal to repr.
/// </remarks>
internal sealed unsafe class FloatType : TypeDescriptor
{
    private readonly bool _py27Numbers;
    private OwnBlocks? _blocks;
    private FreeList? _freeList;

    /// <summary>Creates the descriptor.</summary>
    public FloatType(Heap heap)
        : base(heap, "float") => _py27Numbers = heap.Profile.IntPromotesToLong;

    /// <summary>py27's own blocks, or null.</summary>
    public OwnBlocks? Blocks => _blocks;

    /// <summary>py312's free list, or null.</summary>
    public FreeList? FreeList => _freeList;

    internal override void Initialize()
    {
        if (Heap.Profile.SeparateIntAndFloatBlocks)
        {
            _blocks = new OwnBlocks(Heap, this);
            Heap.FreeLists.AddClearer(() => _blocks.Clear());
        }
        else if (Heap.Profile.FloatFreeListLimit > 0)
        {
            _freeList = Heap.FreeLists.Add(new FreeList(
                "float",
                Heap.Profile.FloatFreeListLimit,
                block => Heap.FreeObject((PyObject*)block, this, (nuint)sizeof(PyFloatObject))));
        }
    }

    /// <summary>
    /// Calls <paramref name="visit"/> for every live float in py27's own blocks, which the
    /// allocator's heap walk cannot see. Does nothing in py312.
    /// </summary>
    public void WalkObjects(Action<nint> visit) => _blocks?.WalkLive(visit);

    /// <summary>A float: a new reference, or null with MemoryError set.</summary>
    public PyRef New(double value)
    {
        PyObject* o;
        if (_blocks != null)
        {
            o = _blocks.Allocate();
        }
        else
        {
            o = _freeList?.TryPop();
            if (o != null)
            {
                // A recycled block keeps its type; only the count and value are new.
                o->RefCount = 1;
            }
            else
            {
                o = Heap.AllocObject(this, (nuint)sizeof(PyFloatObject));
            }
        }

        if (o == null)
        {
            return PyRef.Null;
        }

        ((PyFloatObject*)o)->Value = value;
        return new PyRef(o);
    }

    /// <summary>The value of a float (or float subclass instance).</summary>
    public static double Value(PyObject* o) => ((PyFloatObject*)o)->Value;

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)sizeof(PyFloatObject);

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        if (_blocks != null)
        {
            _blocks.Free(self);
            return;
        }

        if (_freeList != null && _freeList.TryPush(self))
        {
            return;
        }

        Heap.FreeObject(self, this, SizeOf(self));
    }

    /// <inheritdoc/>
    public override PyRef Construct(PyObject* args, PyObject* kwargs) => NumberConstructors.Float(Heap, args, kwargs);

    /// <inheritdoc/>
    public override long Hash(PyObject* self)
    {
        var v = Value(self);
        if (_py27Numbers)
        {
            return FloatMath.HashPy27(v);
        }

        // 3.10+: a nan hashes by identity, so distinct nans spread over a dict.
        return double.IsNaN(v) ? Heap.IdentityHash(self) : FloatMath.HashModular(v);
    }

    /// <inheritdoc/>
    public override PyRef RichCompare(PyObject* self, PyObject* other, CompareOp op) => Heap.CompareNumbers(self, other, op);

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self) => Heap.NewString(FloatFormat.Repr(Value(self)));

    /// <inheritdoc/>
    public override PyRef Str(PyObject* self) =>
        Heap.NewString(_py27Numbers ? FloatFormat.StrPy27(Value(self)) : FloatFormat.Repr(Value(self)));

    /// <inheritdoc/>
    public override int IsTrue(PyObject* self) => Value(self) != 0 ? 1 : 0;

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        var value = NumberAttributes.OfFloat(Heap, self, name);
        return value.IsNull && !Heap.ErrorOccurred ? base.GetAttr(self, name) : value;
    }
}
