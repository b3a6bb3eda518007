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
/// index is below Top and the slot's serial equals the handle's (serials never repeat).
/// </remarks>
internal sealed unsafe class HandleTable : IDisposable
{
    /// <summary>Creates the table of one thread of <paramref name="owner"/>.</summary>
    public HandleTable(Runtime owner) => Owner = owner;

    /// <summary>The runtime whose objects the slots reference.</summary>
    public Runtime Owner { get; }

    private Slot* _slots;
    private int _capacity;
    private readonly Stack<(long Serial, int Start)> _scopes = new();
    private static long s_nextSerial;

    [StructLayout(LayoutKind.Sequential)]
    private struct Slot
    {
        public nint Object;
        public long Serial;
    }

    /// <summary>Slots in use.</summary>
    public int Top { get; private set; }

    /// <summary>Open scopes.</summary>
    public int OpenScopes => _scopes.Count;

    /// <summary>Opens a scope; returns its serial.</summary>
    public long Open()
    {
        var serial = Interlocked.Increment(ref s_nextSerial);
        _scopes.Push((serial, Top));
        return serial;
    }

    /// <summary>Closes the scope with <paramref name="serial"/> and every scope inside it, dropping their references. No-op if already closed.</summary>
    public void Close(long serial)
    {
        if (!_scopes.Any(s => s.Serial == serial))
        {
            return;
        }

        while (_scopes.Count > 0)
        {
            var (s, start) = _scopes.Pop();
            ReleaseFrom(start);
            if (s == serial)
            {
                break;
            }
        }
    }

    private void ReleaseFrom(int start)
    {
        // Release newest first, as the objects were made; a dealloc may not touch the table.
        while (Top > start)
        {
            Top--;
            var o = (PyObject*)_slots[Top].Object;
            _slots[Top] = default;
            Heap.DecRef(o);
        }
    }

    /// <summary>Stores an owned reference (stolen) in the innermost scope; returns (index, serial).</summary>
    /// <exception cref="InvalidOperationException">No scope is open.</exception>
    public (int Index, long Serial) Add(PyRef owned)
    {
        if (_scopes.Count == 0)
        {
            owned.DecRef();
            throw new InvalidOperationException("no handle scope is open: wrap the calls in 'using var scope = runtime.OpenScope();'");
        }

        if (Top == _capacity)
        {
            Grow();
        }

        var serial = _scopes.Peek().Serial;
        _slots[Top] = new Slot { Object = owned.Address, Serial = serial };
        return (Top++, serial);
    }

    /// <summary>The object behind a handle (borrowed).</summary>
    /// <exception cref="ObjectDisposedException">The handle's scope has closed.</exception>
    public PyRef Get(int index, long serial)
    {
        if ((uint)index >= (uint)Top || _slots[index].Serial != serial)
        {
            throw new ObjectDisposedException(nameof(Handle), "the handle's scope has been closed; keep objects beyond a scope with runtime.Persist");
        }

        return new PyRef((PyObject*)_slots[index].Object);
    }

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
        _scopes.Clear();
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
