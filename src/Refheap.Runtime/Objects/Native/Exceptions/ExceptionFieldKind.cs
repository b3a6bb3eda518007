namespace Refheap.Objects.Native.Exceptions;

/// <summary>
/// The fields a built-in exception class adds to BaseException's (its subclasses inherit
/// them): set from the constructor's arguments, readable and assignable as attributes.
/// </summary>
internal enum ExceptionFieldKind
{
    /// <summary>None: BaseException's own fields only.</summary>
    None,

    /// <summary>SystemExit's <c>code</c>.</summary>
    SystemExit,

    /// <summary>3.x's StopIteration <c>value</c>.</summary>
    StopIteration,

    /// <summary>2.7's EnvironmentError and 3.x's OSError: <c>errno</c>, <c>strerror</c>, <c>filename</c> (3.x: and <c>filename2</c>).</summary>
    Environment,
}
