using System.Numerics;

namespace Refheap.Python.Compiler;

/// <summary>A constant: a 2.7 <c>long</c> literal (<c>10L</c>), which stays a long whatever its size.</summary>
internal sealed record LongLiteral(BigInteger Value);
