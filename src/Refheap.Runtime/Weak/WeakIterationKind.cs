namespace Refheap.Weak;

/// <summary>What a weak container's generator walks and yields.</summary>
internal enum WeakIterationKind
{
    /// <summary>WeakValueDictionary <c>keys</c> / 2.7 <c>iterkeys</c>.</summary>
    ValueKeys,

    /// <summary>WeakValueDictionary <c>values</c> / 2.7 <c>itervalues</c>: the live values.</summary>
    ValueValues,

    /// <summary>WeakValueDictionary <c>items</c> / 2.7 <c>iteritems</c>: (key, live value).</summary>
    ValueItems,

    /// <summary>WeakValueDictionary <c>itervaluerefs</c>: the KeyedRefs.</summary>
    ValueRefs,

    /// <summary>WeakKeyDictionary <c>keys</c> / 2.7 <c>iterkeys</c>: the live keys.</summary>
    KeyKeys,

    /// <summary>WeakKeyDictionary <c>values</c> / 2.7 <c>itervalues</c>.</summary>
    KeyValues,

    /// <summary>WeakKeyDictionary <c>items</c> / 2.7 <c>iteritems</c>: (live key, value).</summary>
    KeyItems,

    /// <summary>WeakKeyDictionary 2.7 <c>iterkeyrefs</c>: the weak references to the keys.</summary>
    KeyRefs,

    /// <summary>WeakSet <c>__iter__</c>: the live items.</summary>
    SetItems,
}
