namespace Refheap;

public sealed partial class Runtime
{
    /// <summary>
    /// <c>weakref.WeakValueDictionary()</c>: a mapping that holds its values weakly; an entry
    /// goes when its value dies. Items through <see cref="GetItem"/>, <see cref="SetItem"/>,
    /// <see cref="DelItem"/>, <see cref="Length"/>; <c>get</c>, <c>pop</c>, <c>setdefault</c>,
    /// <c>keys</c>, <c>values</c>, <c>items</c>, <c>valuerefs</c>, <c>__contains__</c>,
    /// <c>__iter__</c>... through <see cref="GetAttr"/> (docs/api.md, "Weak references").
    /// </summary>
    public Handle WeakValueDictionary() => Build(h => h.NewWeakValueDictionary());

    /// <summary>
    /// <c>weakref.WeakKeyDictionary()</c>: a mapping that holds its keys weakly; an entry goes
    /// when its key dies. Same access as <see cref="WeakValueDictionary"/> (<c>keyrefs</c> for
    /// the weak references to the keys).
    /// </summary>
    public Handle WeakKeyDictionary() => Build(h => h.NewWeakKeyDictionary());

    /// <summary>
    /// <c>weakref.WeakSet()</c>: a set that holds its items weakly; an item goes when it dies.
    /// <see cref="Length"/>; <c>add</c>, <c>discard</c>, <c>remove</c>, <c>__contains__</c>,
    /// <c>__iter__</c>, <c>clear</c> through <see cref="GetAttr"/>.
    /// </summary>
    public Handle WeakSet() => Build(h => h.NewWeakSet());
}
