namespace Refheap;

/// <summary>A C# function callable from the heap: receives the call's positional arguments as handles, returns the result.</summary>
/// <remarks>The argument handles belong to a scope that closes when the call returns; return a handle (or throw <see cref="PythonException"/> to raise).</remarks>
public delegate Handle PythonCallable(ReadOnlySpan<Handle> args);

/// <summary>A C# method: like <see cref="PythonCallable"/>, with the instance it was called on.</summary>
public delegate Handle PythonMethod(Handle self, ReadOnlySpan<Handle> args);
