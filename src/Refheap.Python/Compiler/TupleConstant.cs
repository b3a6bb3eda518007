namespace Refheap.Python.Compiler;

/// <summary>A constant: a tuple of constants (3.x builds a constant list display by extending an empty list with one).</summary>
internal sealed record TupleConstant(object?[] Items);
