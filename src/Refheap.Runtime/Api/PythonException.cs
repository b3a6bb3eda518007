namespace Refheap;

/// <summary>
/// A Python exception raised on the heap and carried across the public API: its type name
/// (e.g. <c>KeyError</c>) and its message as <c>str(exception)</c> shows it.
/// </summary>
/// <remarks>
/// Thrown by every public call whose Python operation raised, carrying the exception
/// instance as <see cref="Exception"/>: a handle owned, like every handle, by the scope that
/// was innermost on the throwing thread, so the instance lives until that scope closes. A C#
/// delegate called from the heap may throw a PythonException to raise that type in Python.
/// </remarks>
public sealed class PythonException : Exception
{
    /// <summary>Creates an exception of the Python type <paramref name="typeName"/>.</summary>
    public PythonException(string typeName, string message)
        : base(message.Length == 0 ? typeName : $"{typeName}: {message}")
    {
        TypeName = typeName;
        PythonMessage = message;
    }

    /// <summary>The Python exception's type name, e.g. <c>TypeError</c>.</summary>
    public string TypeName { get; }

    /// <summary>The message as <c>str(exception)</c> gives it.</summary>
    public string PythonMessage { get; }

    /// <summary>
    /// The Python exception instance (its <c>args</c>, attributes, type), in the scope that was
    /// innermost when it was thrown; empty when no scope was open then, or when the exception
    /// was made in C#.
    /// </summary>
    public Handle Exception { get; init; }
}
