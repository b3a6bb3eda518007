namespace Refheap.Objects.Native.Generator;

/// <summary>
/// Resumes a generator's frame: the front end installs one on <see cref="GeneratorType"/>.
/// <paramref name="value"/> is sent (borrowed; null for <c>next</c>), or, when
/// <paramref name="isThrow"/>, is the exception instance to raise at the yield. Returns the
/// next yielded value (new reference), or null: with no error set when the generator
/// finished, with the error set when it raised.
/// </summary>
internal delegate PyRef GeneratorResumer(PyRef generator, PyRef value, bool isThrow);
