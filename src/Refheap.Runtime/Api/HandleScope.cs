namespace Refheap.Runtime;

/// <summary>
/// Owns the handles made while it is the innermost open scope of its runtime; closing it
/// (Dispose) releases their references. Open with <see cref="Runtime.OpenScope"/>.
/// </summary>
/// <remarks>Scopes nest; closing one also closes any scope opened inside it. Disposing twice is harmless.</remarks>
public readonly struct HandleScope : IDisposable
{
    private readonly Runtime? _runtime;
    private readonly long _serial;

    internal HandleScope(Runtime runtime, long serial)
    {
        _runtime = runtime;
        _serial = serial;
    }

    /// <summary>Releases every handle of this scope (and of scopes opened inside it).</summary>
    public void Dispose() => _runtime?.CloseScope(_serial);
}
