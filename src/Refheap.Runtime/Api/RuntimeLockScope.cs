using Refheap.Objects;

namespace Refheap;

/// <summary>Holds the runtime lock for a batch of calls (<c>using var gil = runtime.Enter();</c>).</summary>
/// <remarks>
/// The lock is re-entrant: scopes nest, and the lock goes when the outermost is disposed. Calls
/// made inside a batch skip taking the lock themselves, which makes a batch the fast way to
/// make many calls.
/// </remarks>
public ref struct RuntimeLockScope : IDisposable
{
    private Lock? _gil;
    private readonly HandleTable _table;

    internal RuntimeLockScope(Lock gil, HandleTable table)
    {
        gil.Enter();
        table.LockDepth++;
        _gil = gil;
        _table = table;
    }

    /// <summary>Releases the lock (once; disposing again does nothing).</summary>
    public void Dispose()
    {
        var gil = _gil;
        if (gil != null)
        {
            _gil = null;
            _table.LockDepth--;
            gil.Exit();
        }
    }
}
