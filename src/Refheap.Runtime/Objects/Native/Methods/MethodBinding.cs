namespace Refheap.Objects.Native.Methods;

/// <summary>What a built-in method binds to when read through an instance or a class.</summary>
internal enum MethodBinding
{
    /// <summary>An instance method (a method descriptor): binds to the instance; called on the class it takes the instance first.</summary>
    Instance,

    /// <summary>A class method (<c>dict.fromkeys</c>): binds to the class, also when read through an instance.</summary>
    Class,
}
