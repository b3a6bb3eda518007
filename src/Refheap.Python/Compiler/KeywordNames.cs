namespace Refheap.Python.Compiler;

/// <summary>A constant: the keyword names of a call, made into a tuple of str.</summary>
internal sealed record KeywordNames(string[] Names);
