namespace Refheap.Objects.Native.Method;

/// <summary>The wrapper types sharing <see cref="PyWrapperObject"/>'s layout.</summary>
internal enum WrapperKind
{
    /// <summary><c>classmethod</c>.</summary>
    ClassMethod,

    /// <summary><c>staticmethod</c>.</summary>
    StaticMethod,

    /// <summary><c>property</c>.</summary>
    Property,

    /// <summary><c>super</c>.</summary>
    Super,

    /// <summary><c>functools.partial</c>.</summary>
    Partial,
}
