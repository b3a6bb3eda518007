namespace Refheap.Weak;

/// <summary>The three weak-reference types of the weakref module.</summary>
internal enum WeakReferenceKind
{
    /// <summary><c>weakref.ref</c>: called, it returns the referent or None.</summary>
    Reference,

    /// <summary><c>weakref.proxy</c> of a non-callable object: forwards operations to the referent.</summary>
    Proxy,

    /// <summary><c>weakref.proxy</c> of a callable object: also forwards calls.</summary>
    CallableProxy,
}
