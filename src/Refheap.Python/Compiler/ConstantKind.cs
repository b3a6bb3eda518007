namespace Refheap.Python.Compiler;

/// <summary>Constants a code object carries that are not plain .NET values.</summary>
internal enum ConstantKind
{
    /// <summary><c>Ellipsis</c>.</summary>
    Ellipsis,
}
