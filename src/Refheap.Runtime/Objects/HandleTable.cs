using System.Runtime.InteropServices;

namespace Refheap.Objects;

/// <summary>
/// The slots behind public <see cref="Handle"/>s of one thread: a stack in native memory of
/// (object, scope serial) pairs, so that making handles never grows the .NET heap. Each
/// thread has its own table, so scopes opened by threads taking turns under the runtime
/// lock do not close each other's handles.
/// </summary>
/// <remarks>
/// Invariant: slots [0, Top) belong to open scopes, each holding one owned reference; a
/// scope owns the slots from its start to the next scope's start. A handle is valid iff its
/// index is below Top and the slot's serial equals the handle's (serials never repeat within
/// a table, and a handle names its table). Only the owning thread opens and closes scopes and
/// adds slots, always under the runtime lock, so the serial counter needs no atomics.
/// </remarks>
internal sealed unsafe class HandleTable : IDisposable
{
    private Slot* _slots;
    private int _capacity;
    private ScopeMark[] _scopes = new ScopeMark[16];
    private int _scopeCount;
    private long _nextSerial;

    // The innermost open scope's serial (0 when none): what Add stamps on a slot, kept here so
    // that adding a handle reads no scope mark.
    private long _innerSerial;

    /// <summary>Creates the table of the calling thread for <paramref name="owner"/>.</summary>
    public HandleTable(Runtime owner)
    {
        Owner = owner;
        ThreadId = Environment.CurrentManagedThreadId;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Slot
    {
        public nint Object;
        public long Serial;
    }

    private readonly record struct ScopeMark(long Serial, int Start);

    /// <summary>The runtime whose objects the slots reference.</summary>
    public Runtime Owner { get; }

    /// <summary>The managed id of the thread this table belongs to.</summary>
    public int ThreadId { get; }

    /// <summary>How many times this table's thread holds the runtime lock now (0: not held), nested.</summary>
    public int LockDepth { get; set; }

    /// <summary>Slots in use.</summary>
    public int Top { get; private set; }

    /// <summary>Open scopes.</summary>
    public int OpenScopes => _scopeCount;

    /// <summary>Opens a scope; returns its serial.</summary>
    public long Open()
    {
        if (_scopeCount == _scopes.Length)
        {
            Array.Resize(ref _scopes, _scopes.Length * 2);
        }

        var serial = ++_nextSerial;
        _scopes[_scopeCount++] = new ScopeMark(serial, Top);
        _innerSerial = serial;
        return serial;
    }

    /// <summary>Closes the scope with <paramref name="serial"/> and every scope inside it, dropping their references. No-op if already closed.</summary>
    public void Close(long serial)
    {
        // Usually the innermost scope closes; otherwise find it (serials grow inward).
        var i = _scopeCount - 1;
        while (i >= 0 && _scopes[i].Serial > serial)
        {
            i--;
        }

        if (i < 0 || _scopes[i].Serial != serial)
        {
            return;
        }

        // Pop first: a dealloc's callback may open (and close) a scope of its own above what remains.
        _scopeCount = i;
        _innerSerial = i == 0 ? 0 : _scopes[i - 1].Serial;
        ReleaseFrom(_scopes[i].Start);
    }

    private void ReleaseFrom(int start)
    {
        // Release newest first, as the objects were made. A slot at or above Top is never read
        // (handles are checked against Top, and Add writes a slot before Top covers it again),
        // so the released slots are left as they are.
        while (Top > start)
        {
            Top--;
            Heap.DecRef((PyObject*)_slots[Top].Object);
        }
    }

    /// <summary>Stores an owned reference (stolen) in the innermost scope; returns its index and serial.</summary>
    /// <exception cref="InvalidOperationException">No scope is open.</exception>
    public int Add(PyRef owned, out long serial)
    {
        if (_scopeCount == 0)
        {
            owned.DecRef();
            throw new InvalidOperationException("no handle scope is open: wrap the calls in 'using var scope = runtime.OpenScope();'");
        }

        if (Top == _capacity)
        {
            Grow();
        }

        serial = _innerSerial;
        var index = Top++;
        _slots[index] = new Slot { Object = owned.Address, Serial = serial };
        return index;
    }

    /// <summary>The object behind a handle (borrowed).</summary>
    /// <exception cref="ObjectDisposedException">The handle's scope has closed.</exception>
    public PyRef Get(int index, long serial)
    {
        if ((uint)index >= (uint)Top || _slots[index].Serial != serial)
        {
            ThrowClosed();
        }

        return new PyRef((PyObject*)_slots[index].Object);
    }

    private static void ThrowClosed() =>
        throw new ObjectDisposedException(nameof(Handle), "the handle's scope has been closed; keep objects beyond a scope with runtime.Persist");

    /// <summary>Whether (index, serial) names a slot of an open scope.</summary>
    public bool IsLive(int index, long serial) => (uint)index < (uint)Top && _slots[index].Serial == serial;

    private void Grow()
    {
        var capacity = _capacity == 0 ? 256 : checked(_capacity * 2);
        _slots = (Slot*)NativeMemory.Realloc(_slots, (nuint)(capacity * sizeof(Slot)));
        _capacity = capacity;
    }

    /// <summary>Releases every open scope's references.</summary>
    public void ReleaseAll()
    {
        _scopeCount = 0;
        _innerSerial = 0;
        ReleaseFrom(0);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        NativeMemory.Free(_slots);
        _slots = null;
        _capacity = 0;
        Top = 0;
    }
}
