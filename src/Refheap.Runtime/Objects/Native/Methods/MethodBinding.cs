namespace Refheap.Objects.Native.Methods;

/// <summary>What a built-in method binds to when read through an instance or a class.</summary>
internal enum MethodBinding
{
    /// <summary>An instance method (a method descriptor): binds to the instance; called on the class it takes the instance first.</summary>
    Instance,

    /// <summary>A class method (<c>dict.fromkeys</c>): binds to the class, also when read through an instance.</summary>
    Class,

    /// <summary>
    /// A type's <c>__new__</c> (tp_new's wrapper): a built-in function bound to the type
    /// itself when the type is made, which read through a class or an instance stays as it is
    /// (<c>object.__new__(cls)</c>, <c>super().__new__(cls)</c> pass the class explicitly).
    /// </summary>
    Type,
}
