namespace Refheap;

/// <summary>Whose wording error messages follow (the same error often reads differently in 2.7 and 3.x).</summary>
public enum ErrorWording
{
    /// <summary>CPython 2.7's messages.</summary>
    Cpython27,

    /// <summary>CPython 3.12's messages.</summary>
    Cpython312,
}
