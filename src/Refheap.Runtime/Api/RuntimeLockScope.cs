namespace Refheap;

/// <summary>Holds the runtime lock for a batch of calls (<c>using var gil = runtime.Enter();</c>).</summary>
public ref struct RuntimeLockScope : IDisposable
{
    private Lock.Scope _scope;

    internal RuntimeLockScope(Lock gil) => _scope = gil.EnterScope();

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _scope.Dispose();
}
