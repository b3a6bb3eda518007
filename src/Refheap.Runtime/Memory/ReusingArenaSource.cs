using System.Runtime.InteropServices;

namespace Refheap.Memory;

/// <summary>
/// An arena source that keeps up to a few returned arenas mapped and hands them out again
/// (zeroed) before asking the system for new ones: the part of the system allocator that
/// CPython 2.7's arenas come through (see <see cref="AllocatorLayout.SystemArenaReuse"/>).
/// </summary>
/// <remarks>
/// Invariant: every kept arena was mapped by <c>inner</c> with the one size and alignment the
/// allocator uses, and is not in use; disposing unmaps them.
/// </remarks>
internal sealed unsafe class ReusingArenaSource(IArenaSource inner, int capacity) : IArenaSource, IDisposable
{
    private readonly Stack<(nint Address, nuint Size, nuint Alignment)> _kept = new(capacity);

    /// <inheritdoc/>
    public void* Map(nuint size, nuint alignment)
    {
        if (_kept.TryPeek(out var top) && top.Size == size && top.Alignment == alignment)
        {
            _kept.Pop();

            // The source's contract is zeroed memory; the pages are resident, so this faults nothing in.
            NativeMemory.Clear((void*)top.Address, size);
            return (void*)top.Address;
        }

        return inner.Map(size, alignment);
    }

    /// <inheritdoc/>
    public void Unmap(void* p, nuint size)
    {
        if (_kept.Count < capacity && ((nuint)p & (size - 1)) == 0)
        {
            _kept.Push(((nint)p, size, size));
            return;
        }

        inner.Unmap(p, size);
    }

    /// <summary>Unmaps the kept arenas (and the inner source, when it is disposable).</summary>
    public void Dispose()
    {
        while (_kept.TryPop(out var a))
        {
            inner.Unmap((void*)a.Address, a.Size);
        }

        (inner as IDisposable)?.Dispose();
    }
}
