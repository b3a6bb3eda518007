using Refheap.Objects;

namespace Refheap;

/// <summary>
/// Owns the handles made while it is the innermost open scope of its runtime; closing it
/// (Dispose) releases their references. Open with <see cref="Runtime.OpenScope"/>.
/// </summary>
/// <remarks>
/// Scopes nest per thread; closing one also closes any scope the same thread opened inside
/// it. Disposing twice is harmless. A handle may be used from another thread (under the
/// runtime lock) while its scope is open.
/// </remarks>
public readonly struct HandleScope : IDisposable
{
    private readonly HandleTable? _table;
    private readonly long _serial;

    internal HandleScope(HandleTable table, long serial)
    {
        _table = table;
        _serial = serial;
    }

    /// <summary>Releases every handle of this scope (and of scopes opened inside it).</summary>
    public void Dispose() => _table?.Owner.CloseScope(_table, _serial);
}
