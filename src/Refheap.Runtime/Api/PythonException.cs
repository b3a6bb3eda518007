namespace Refheap;

/// <summary>
/// A Python exception raised on the heap and carried across the public API: its type name
/// (e.g. <c>KeyError</c>) and its message as <c>str(exception)</c> shows it.
/// </summary>
/// <remarks>
/// Thrown by every public call whose Python operation raised. A C# delegate called from the
/// heap may throw it to raise that exception type in Python. The heap object itself stays
/// on the heap side: the exception holds no reference, so it can outlive its runtime.
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
}
