using System.Globalization;
using System.Numerics;

namespace Refheap.Objects.Native.Int;

/// <summary><c>int</c>: py27's machine-word int, or py312's one arbitrary-precision int.</summary>
/// <remarks>
/// <para>
/// py27 (<see cref="Profile.IntPromotesToLong"/>): a <see cref="PyIntObject"/> holding a
/// 64-bit value; results that do not fit become <c>long</c> (<see cref="LongType"/>). With
/// <see cref="Profile.SeparateIntAndFloatBlocks"/> the objects live in
/// <see cref="OwnBlocks"/>, as 2.7's intobject.c keeps them: freed ints are reused only as
/// ints, and a block goes back to the allocator only when wholly free at a full collection.
/// </para>
/// <para>
/// py312: a <see cref="PyLongObject"/> of 30-bit digits, allocated as an ordinary object.
/// </para>
/// <para>
/// Both CPythons preallocate the ints -5..256 (2.7's and 3.12's NSMALLNEGINTS 5,
/// NSMALLPOSINTS 257) and hand out the same object for each. They are immortal here (their
/// count starts at <see cref="Heap.ImmortalRefCount"/>), and the census leaves them out:
/// <see cref="IsCached"/> tells them apart, <see cref="CachedCount"/> counts them. In py27
/// they sit in the first own blocks, so those blocks never go back, as in 2.7.
/// </para>
/// </remarks>
internal sealed unsafe class IntType : TypeDescriptor
{
    /// <summary>How many negative ints are cached (NSMALLNEGINTS).</summary>
    public const int SmallNegativeInts = 5;

    /// <summary>How many non-negative ints are cached (NSMALLPOSINTS): 0..256.</summary>
    public const int SmallPositiveInts = 257;

    private readonly nint[] _small = new nint[SmallNegativeInts + SmallPositiveInts];
    private readonly bool _machineWord;
    private OwnBlocks? _blocks;

    /// <summary>Creates the descriptor.</summary>
    public IntType(Heap heap)
        : base(heap, "int") => _machineWord = heap.Profile.IntPromotesToLong;

    /// <summary>Whether instances are <see cref="PyIntObject"/> (py27) rather than <see cref="PyLongObject"/> (py312); bool follows.</summary>
    public bool IsMachineWord => _machineWord;

    /// <summary>The own blocks of py27's ints (<see cref="Profile.SeparateIntAndFloatBlocks"/>), or null.</summary>
    public OwnBlocks? Blocks => _blocks;

    /// <summary>Number of cached small ints (262), none of which the census counts.</summary>
    public int CachedCount => _small.Length;

    internal override void Initialize()
    {
        if (_machineWord && Heap.Profile.SeparateIntAndFloatBlocks)
        {
            _blocks = new OwnBlocks(Heap, this);
            Heap.FreeLists.AddClearer(() => _blocks.Clear());
        }

        for (var i = 0; i < _small.Length; i++)
        {
            var o = Allocate(i - SmallNegativeInts);
            if (o == null)
            {
                throw new OutOfMemoryException("the heap limit is too small to hold the small ints");
            }

            // Invariant: the cache owns the small ints for the heap's life; their count never reaches zero.
            o->RefCount = Heap.ImmortalRefCount;
            _small[i] = (nint)o;
        }
    }

    /// <summary>Whether <paramref name="o"/> is one of the cached small ints (not counted in the census).</summary>
    public bool IsCached(PyObject* o)
    {
        if (o->Type != TypeObject || !TryGetValue(o, out var v) || !IsSmall(v))
        {
            return false;
        }

        return _small[v + SmallNegativeInts] == (nint)o;
    }

    /// <summary>
    /// Calls <paramref name="visit"/> for every live int in py27's own blocks, which the
    /// allocator's heap walk cannot see (cached small ints included: filter with
    /// <see cref="IsCached"/>). Does nothing in py312, whose ints are ordinary objects.
    /// </summary>
    public void WalkObjects(Action<nint> visit) => _blocks?.WalkLive(visit);

    /// <summary>An int: a new reference (a cached one for -5..256), or null with MemoryError set.</summary>
    public PyRef New(long value)
    {
        if (IsSmall(value))
        {
            var cached = (PyObject*)_small[value + SmallNegativeInts];
            if (cached != null)
            {
                cached->RefCount++;
                return new PyRef(cached);
            }
        }

        return new PyRef(Allocate(value));
    }

    /// <summary>
    /// An int of any size: a new reference, or null with MemoryError set. py27 makes a
    /// <c>long</c> when the value does not fit in a machine word.
    /// </summary>
    public PyRef New(BigInteger value)
    {
        if (value >= long.MinValue && value <= long.MaxValue)
        {
            return New((long)value);
        }

        if (_machineWord)
        {
            return Heap.Types.Long!.New(value);
        }

        return new PyRef(LongDigits.New(this, value, atLeastOneDigit: true));
    }

    /// <summary>The value of an int or bool (either layout) if it fits in a long.</summary>
    public bool TryGetValue(PyObject* o, out long value)
    {
        if (_machineWord)
        {
            value = ((PyIntObject*)o)->Value;
            return true;
        }

        return LongDigits.TryGetLong(o, out value);
    }

    /// <summary>The value of an int or bool as a managed big integer.</summary>
    public BigInteger GetBigValue(PyObject* o) =>
        _machineWord ? ((PyIntObject*)o)->Value : LongDigits.ToBigInteger(o);

    private static bool IsSmall(long v) => v >= -SmallNegativeInts && v < SmallPositiveInts;

    // A fresh int object (never the cache): own block or ordinary object, value stored.
    private PyObject* Allocate(long value)
    {
        if (_machineWord)
        {
            var o = _blocks != null ? _blocks.Allocate() : Heap.AllocObject(this, (nuint)sizeof(PyIntObject));
            if (o != null)
            {
                ((PyIntObject*)o)->Value = value;
            }

            return o;
        }

        return LongDigits.New(this, value, atLeastOneDigit: true);
    }

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => _machineWord
        ? (nuint)sizeof(PyIntObject)
        : LongDigits.AllocationSize(Math.Abs(LongDigits.SignedSize(self)), atLeastOneDigit: true);

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        if (_blocks != null)
        {
            _blocks.Free(self);
            return;
        }

        Heap.FreeObject(self, this, SizeOf(self));
    }

    /// <inheritdoc/>
    public override PyRef Construct(PyObject* args, PyObject* kwargs) =>
        NumberConstructors.Int(Heap, "int", asLong: false, args, kwargs);

    /// <inheritdoc/>
    public override long Hash(PyObject* self)
    {
        if (_machineWord)
        {
            var v = ((PyIntObject*)self)->Value;
            return v == -1 ? -2 : v;
        }

        return LongDigits.HashModular(self);
    }

    /// <inheritdoc/>
    public override PyRef RichCompare(PyObject* self, PyObject* other, CompareOp op) => Heap.CompareNumbers(self, other, op);

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self) => Heap.NewString(ToDecimal(self));

    /// <inheritdoc/>
    public override int IsTrue(PyObject* self) =>
        (_machineWord ? ((PyIntObject*)self)->Value != 0 : LongDigits.SignedSize(self) != 0) ? 1 : 0;

    /// <summary>The decimal digits of an int or bool, as <c>str()</c> writes them.</summary>
    public string ToDecimal(PyObject* o) => TryGetValue(o, out var v)
        ? v.ToString(CultureInfo.InvariantCulture)
        : GetBigValue(o).ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        var value = NumberAttributes.OfInteger(Heap, self, name);
        return value.IsNull && !Heap.ErrorOccurred ? base.GetAttr(self, name) : value;
    }
}
