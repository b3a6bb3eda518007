using Refheap.Objects;

namespace Refheap;

/// <summary>
/// The runtime lock for one API call, and the calling thread's handle table. A thread that
/// already holds the lock (a batch under <see cref="Runtime.Enter"/>, or a C# callable the
/// runtime is running) does not take it again: a re-entrant acquisition and release cost more
/// than many operations themselves. Whether it holds it is read from its own handle table,
/// found with the single thread-static read the call makes.
/// </summary>
internal ref struct CallLock : IDisposable
{
    private Lock? _taken;

    /// <summary>Takes <paramref name="gil"/> unless the thread of <paramref name="table"/> (the caller) holds it.</summary>
    internal CallLock(Lock gil, HandleTable table)
    {
        Table = table;
        if (table.LockDepth == 0)
        {
            gil.Enter();
            table.LockDepth = 1;
            _taken = gil;
        }
    }

    /// <summary>The calling thread's handle table, where the call's new handles go.</summary>
    public readonly HandleTable Table { get; }

    /// <summary>Releases the lock if this call took it.</summary>
    public void Dispose()
    {
        var taken = _taken;
        if (taken != null)
        {
            _taken = null;
            Table.LockDepth = 0;
            taken.Exit();
        }
    }
}
