using Refheap.Objects;

namespace Refheap;

/// <summary>
/// A long-lived reference from C# to a heap object, independent of scopes; dispose it to
/// release the reference. Made with <see cref="Runtime.Persist"/>.
/// </summary>
public sealed class PersistentHandle : IDisposable
{
    private readonly Runtime _runtime;
    private PyRef _object;

    internal PersistentHandle(Runtime runtime, PyRef owned)
    {
        _runtime = runtime;
        _object = owned;
    }

    /// <summary>Whether the handle has been disposed.</summary>
    public bool IsDisposed => _object.IsNull;

    /// <summary>A scoped handle to the object, owned by the innermost open scope.</summary>
    /// <exception cref="ObjectDisposedException">This handle was disposed.</exception>
    public Handle Get() => _runtime.HandleFor(Object);

    internal PyRef Object => _object.IsNull ? throw new ObjectDisposedException(nameof(PersistentHandle)) : _object;

    /// <summary>Releases the reference (under the runtime lock).</summary>
    public void Dispose()
    {
        if (_object.IsNull)
        {
            return;
        }

        _runtime.Release(this);
    }

    internal PyRef Detach()
    {
        var o = _object;
        _object = PyRef.Null;
        return o;
    }
}
