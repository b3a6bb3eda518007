using System.Runtime.InteropServices;
using Refheap.Gc;
using Refheap.Memory;

namespace Refheap.Objects;

/// <summary>
/// One runtime's object space: the allocator, the built-in types, reference counting and
/// deallocation, the error indicator, and the generic object protocols. This is the internal
/// reference API that Refheap.Python, Refheap.Diagnostics and Refheap.Server build on.
/// </summary>
/// <remarks>
/// Conventions are CPython's C API: a function returning <see cref="PyRef"/> returns a new
/// reference or <see cref="PyRef.Null"/> with the error indicator set (see
/// <see cref="ErrorOccurred"/>); arguments are borrowed unless a parameter says "steals".
/// The heap is not thread-safe: callers hold the runtime lock.
/// The class is split by concern into Heap.*.cs files.
/// </remarks>
internal sealed unsafe partial class Heap : IDisposable
{
    /// <summary>The reference count given to objects that live as long as the heap (built-in types, None, True, False).</summary>
    internal static readonly nint ImmortalRefCount = unchecked((nint)(1L << 40));

    private bool _disposed;

    /// <summary>Creates a heap and its built-in types for a profile.</summary>
    public Heap(Profile profile, RuntimeOptions options)
    {
        Profile = profile;
        Allocator = new HeapAllocator(profile.Allocator, options.DebugAllocator, options.HeapLimit);
        Gc = new Collector(this);
        FreeLists = new FreeLists(this);
        Types = new BuiltinTypes(this);
        Types.Bootstrap();
    }

    /// <summary>The profile this heap reproduces.</summary>
    public Profile Profile { get; }

    /// <summary>The pymalloc-style allocator every byte of every object comes from.</summary>
    public HeapAllocator Allocator { get; }

    /// <summary>The cycle collector and its generations.</summary>
    public Collector Gc { get; }

    /// <summary>The built-in types.</summary>
    public BuiltinTypes Types { get; }

    /// <summary>The per-type free lists the profile keeps (cleared by a full collection).</summary>
    public FreeLists FreeLists { get; }

    /// <summary>
    /// Allocates an object of <paramref name="type"/> with <paramref name="size"/> bytes (GC
    /// header not included), count 1, type set (and owned, for heap types), rest zeroed.
    /// Not yet tracked. Returns null with MemoryError set when the heap cannot grow.
    /// <paramref name="counted"/> false leaves the collector's allocation count alone (a block
    /// that models memory CPython does not get from GC malloc, e.g. 3.12's frames).
    /// </summary>
    public PyObject* AllocObject(TypeDescriptor type, nuint size, bool counted = true)
    {
        PyObject* o;
        if (type.IsGc)
        {
            if (counted)
            {
                Gc.OnAllocate();
            }

            var block = (byte*)Allocator.Allocate(size + HeapAllocator.GcHeaderSize, BlockKind.GcObject);
            if (block == null)
            {
                if (counted)
                {
                    Gc.OnFree();
                }

                SetNoMemory();
                return null;
            }

            // Invariant: a fresh block is ours alone; zero it so every owned slot starts null
            // and the GC header reads "untracked".
            NativeMemory.Clear(block, size + HeapAllocator.GcHeaderSize);
            o = (PyObject*)(block + HeapAllocator.GcHeaderSize);
        }
        else
        {
            o = (PyObject*)Allocator.Allocate(size, BlockKind.Object);
            if (o == null)
            {
                SetNoMemory();
                return null;
            }

            NativeMemory.Clear(o, size);
        }

        o->RefCount = 1;
        o->Type = type.TypeObject;
        if (type.IsHeapType)
        {
            ((PyObject*)type.TypeObject)->RefCount++;
        }

        AllocationObserver?.Invoke((nint)o);
        return o;
    }

    /// <summary>
    /// Returns an object's memory. The object must be untracked and hold no references; for
    /// heap types the caller has already dropped the instance's reference to its type.
    /// <paramref name="counted"/> false leaves the collector's allocation count alone.
    /// </summary>
    public void FreeObject(PyObject* o, TypeDescriptor type, nuint size, bool counted = true)
    {
        if (type.IsGc)
        {
            if (counted)
            {
                Gc.OnFree();
            }

            Allocator.Free((byte*)o - HeapAllocator.GcHeaderSize, size + HeapAllocator.GcHeaderSize, BlockKind.GcObject);
        }
        else
        {
            Allocator.Free(o, size, BlockKind.Object);
        }
    }

    /// <summary>Allocates a raw buffer owned by an object; null with MemoryError set on failure.</summary>
    public void* AllocBuffer(nuint size)
    {
        var p = Allocator.Allocate(size, BlockKind.Buffer);
        if (p == null)
        {
            SetNoMemory();
        }

        return p;
    }

    /// <summary>Returns a raw buffer.</summary>
    public void FreeBuffer(void* p, nuint size) => Allocator.Free(p, size, BlockKind.Buffer);

    /// <summary>Drops an owned reference; deallocates the object when its count reaches zero (Py_DECREF).</summary>
    public static void DecRef(PyObject* o)
    {
        var count = --o->RefCount;
        if (count == 0)
        {
            o->Type->Descriptor.Heap.Dealloc(o);
        }
        else if (count < 0)
        {
            ThrowNegativeCount(o);
        }
    }

    /// <summary>Drops an owned reference if not null (Py_XDECREF).</summary>
    public static void XDecRef(PyObject* o)
    {
        if (o != null)
        {
            DecRef(o);
        }
    }

    /// <summary>Adds an owned reference (Py_INCREF).</summary>
    public static void IncRef(PyObject* o) => o->RefCount++;

    /// <summary>Adds an owned reference if not null (Py_XINCREF).</summary>
    public static void XIncRef(PyObject* o)
    {
        if (o != null)
        {
            o->RefCount++;
        }
    }

    /// <summary>Replaces an owned slot's value, dropping the old one after the store (Py_SETREF): a finalizer run by the old value sees the new state.</summary>
    public static void SetRef(ref PyObject* slot, PyObject* newValue)
    {
        var old = slot;
        slot = newValue;
        XDecRef(old);
    }

    /// <summary>Nulls an owned slot and then drops its old value (Py_CLEAR).</summary>
    public static void ClearRef(ref PyObject* slot)
    {
        var old = slot;
        if (old != null)
        {
            slot = null;
            DecRef(old);
        }
    }

    private static void ThrowNegativeCount(PyObject* o) =>
        throw new MemoryCorruptionException(
            $"object at 0x{(nint)o:x} has a negative reference count ({o->RefCount}): use after free or an unbalanced decref");

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        ReleaseLiveClasses();
        Types.Dispose();
        Gc.Dispose();
        Allocator.Dispose();
    }
}
