namespace Refheap;

public sealed partial class Runtime
{
    /// <summary>
    /// The keys of a dict in its iteration order (<c>list(d)</c>), as handles in the current
    /// scope. The list is a snapshot: later changes to the dict do not show in it.
    /// </summary>
    /// <exception cref="PythonException">TypeError when <paramref name="dict"/> is not a dict.</exception>
    public IReadOnlyList<Handle> Keys(Handle dict)
    {
        using var call = EnterCall();
        var keys = Api.DictKeys(Resolve(dict));
        if (keys.IsNull)
        {
            throw PendingException();
        }

        var items = Objects.ObjectApi.TupleItems(keys);
        var result = new Handle[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            result[i] = HandleFor(items[i]);
        }

        keys.DecRef();
        return result;
    }

    /// <summary>
    /// <c>d.get(key)</c> for a str key given as text: the value as a handle in the current scope,
    /// or false when the key is missing — no KeyError is raised, no str is made and no Python
    /// code runs (only keys that are exact strs match).
    /// </summary>
    /// <exception cref="PythonException">TypeError when <paramref name="dict"/> is not a dict.</exception>
    public bool TryGetItem(Handle dict, string key, out Handle value)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var call = EnterCall();
        var found = Api.DictGetItemString(Resolve(dict), key);
        if (found.IsNull)
        {
            value = default;
            return Heap.ErrorOccurred ? throw PendingException() : false;
        }

        value = HandleFor(found);
        return true;
    }
}
