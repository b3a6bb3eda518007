namespace Refheap;

public sealed partial class Runtime
{
    /// <summary>
    /// <c>weakref.ref(target, callback)</c>: a weak reference; calling it gives the target, or
    /// None once the target died. Without a callback, the target's existing callback-less
    /// reference is returned, as CPython shares it. The callback (optional) is called with the
    /// weak reference when the target dies, unless the weak reference died first.
    /// </summary>
    /// <exception cref="PythonException">TypeError when the target's type cannot be weakly referenced (int, str, tuple, list, dict, ...).</exception>
    public Handle WeakRef(Handle target, Handle callback = default)
    {
        using var call = EnterCall();
        return Own(Api.NewWeakReference(Resolve(target), callback.IsEmpty ? default : Resolve(callback)), call.Table);
    }

    /// <summary>
    /// <c>weakref.proxy(target, callback)</c>: forwards attribute access, items, calls (for a
    /// callable target) to the target; ReferenceError once the target died.
    /// </summary>
    public Handle Proxy(Handle target, Handle callback = default)
    {
        using var call = EnterCall();
        return Own(Api.NewWeakProxy(Resolve(target), callback.IsEmpty ? default : Resolve(callback)), call.Table);
    }

    /// <summary><c>weakref.getweakrefcount(target)</c>: the weak references and proxies to it.</summary>
    public int GetWeakRefCount(Handle target)
    {
        using var call = EnterCall();
        return Objects.ObjectApi.WeakReferenceCount(Resolve(target));
    }

    /// <summary><c>weakref.getweakrefs(target)</c>: handles (in the current scope) to its weak references and proxies.</summary>
    public IReadOnlyList<Handle> GetWeakRefs(Handle target)
    {
        using var call = EnterCall();
        var result = new List<Handle>();
        foreach (var r in Objects.ObjectApi.WeakReferences(Resolve(target)))
        {
            result.Add(HandleFor(r));
        }

        return result;
    }
}
