using System.Runtime.InteropServices;
using Refheap.Memory;
using Refheap.Objects;

namespace Refheap.RuntimeTests.Objects.Containers;

/// <summary>
/// A test-only type whose instances have a chosen hash and whose <c>==</c> compares ids after
/// running <see cref="OnCompare"/>: the stand-in for a Python class with <c>__hash__</c> and a
/// mischievous <c>__eq__</c>, which CPython's own tests use to mutate a dict during a lookup.
/// </summary>
/// <remarks>
/// Layout: the object header, then Hash and Id (32 bytes, not collectable). The type object is
/// made here the way the built-in ones are and freed by <see cref="Dispose"/>.
/// </remarks>
internal sealed unsafe class ProbeType : TypeDescriptor, IDisposable
{
    private const int Size = 32;
    private readonly byte* _block;
    private bool _disposed;

    public ProbeType(Heap heap)
        : base(heap, "Probe")
    {
        var size = (nuint)sizeof(PyTypeObject) + HeapAllocator.GcHeaderSize;
        _block = (byte*)heap.Allocator.Allocate(size, BlockKind.GcObject);
        new Span<byte>(_block, (int)size).Clear();
        var t = (PyTypeObject*)(_block + HeapAllocator.GcHeaderSize);
        t->Base.RefCount = Heap.ImmortalRefCount;
        t->Base.Type = heap.Types.Type.TypeObject;
        t->DescriptorHandle = GCHandle.ToIntPtr(GCHandle.Alloc(this));
        TypeObject = t;
        BaseType = heap.Types.Object;
    }

    /// <summary>Runs inside every <c>==</c> of two probes, before the ids are compared.</summary>
    public Action? OnCompare { get; set; }

    /// <summary>When set, <c>==</c> raises ValueError.</summary>
    public bool FailCompare { get; set; }

    /// <summary>When set, <c>hash()</c> raises TypeError.</summary>
    public bool FailHash { get; set; }

    /// <summary>Comparisons run so far.</summary>
    public int Comparisons { get; private set; }

    public PyRef New(long hash, long id)
    {
        var o = Heap.AllocObject(this, Size);
        ((long*)o)[2] = hash;
        ((long*)o)[3] = id;
        return new PyRef(o);
    }

    public static long IdOf(PyObject* o) => ((long*)o)[3];

    public override nuint SizeOf(PyObject* self) => Size;

    public override void Dealloc(PyObject* self) => Heap.FreeObject(self, this, Size);

    public override long Hash(PyObject* self)
    {
        if (FailHash)
        {
            Heap.RaiseTypeError("probe hash failed");
            return -1;
        }

        return ((long*)self)[2];
    }

    public override PyRef RichCompare(PyObject* self, PyObject* other, CompareOp op)
    {
        if (other->Type != TypeObject || (op != CompareOp.Eq && op != CompareOp.Ne))
        {
            return Heap.NotImplemented;
        }

        Comparisons++;
        OnCompare?.Invoke();
        if (FailCompare)
        {
            return Heap.RaiseValueError("probe compare failed");
        }

        return Heap.NewBool((IdOf(self) == IdOf(other)) == (op == CompareOp.Eq));
    }

    public override PyRef Repr(PyObject* self) => Heap.NewString($"Probe({IdOf(self)})");

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        GCHandle.FromIntPtr(TypeObject->DescriptorHandle).Free();
        Heap.Allocator.Free(_block, (nuint)sizeof(PyTypeObject) + HeapAllocator.GcHeaderSize, BlockKind.GcObject);
    }
}
