namespace Refheap.Python.Tests.Parsing;

/// <summary>
/// Valid Python that Refheap does not run is parsed in full and reported as
/// <see cref="PythonUnsupportedError"/>, after any syntax error anywhere in the file.
/// </summary>
public sealed class UnsupportedTests
{
    [Theory]
    [InlineData("async def f():\n    pass", "async functions", 1)]
    [InlineData("def f():\n    async for x in y: pass", "async for loops", 2)]
    [InlineData("def f():\n    async with x: pass", "async with statements", 2)]
    [InlineData("def f():\n    await g()", "await expressions", 2)]
    [InlineData("def f():\n    return [x async for x in y]", "async comprehensions", 2)]
    [InlineData("match command:\n    case [x, y]:\n        pass\n    case _:\n        pass", "match statements", 1)]
    [InlineData("type Vector = list[float]", "type alias statements", 1)]
    [InlineData("def f[T](x: T) -> T: return x", "type parameter lists", 1)]
    [InlineData("x = 1 + 2j", "complex numbers", 1)]
    [InlineData("x[*a]", "starred expressions in subscripts", 1)]
    [InlineData("try:\n    pass\nexcept* E:\n    pass", "except* clauses", 3)]
    [InlineData("x = '\\N{BULLET}'", "\\N{...} escapes", 1)]
    public void Constructs_of_3_12(string source, string feature, int line)
    {
        var error = Py.Unsupported(source, PythonDialect.Py312);
        Assert.Equal(feature, error.Feature);
        Assert.Equal(line, error.Line);
        Assert.Equal($"Refheap does not support {feature} (x.py, line {line})", error.Message);
    }

    [Theory]
    [InlineData("exec code", "the exec statement", 1)]
    [InlineData("exec 'x' in globals()", "the exec statement", 1)]
    [InlineData("def f(a, (b, c)):\n    pass", "tuple parameters", 1)]
    [InlineData("f = lambda (a, b): a", "tuple parameters", 1)]
    [InlineData("x = 1j", "complex numbers", 1)]
    [InlineData("x = u'\\N{BULLET}'", "\\N{...} escapes", 1)]
    public void Constructs_of_2_7(string source, string feature, int line)
    {
        var error = Py.Unsupported(source, PythonDialect.Py27);
        Assert.Equal(feature, error.Feature);
        Assert.Equal(line, error.Line);
    }

    [Theory]
    [InlineData("a, *b = c")]
    [InlineData("[a, *b] = c")]
    [InlineData("for a, *b in c: pass")]
    [InlineData("f(*a, *b)")]
    [InlineData("x = y = [a, *b] = c")]
    public void Starred_targets_and_call_arguments_are_supported(string source)
    {
        Py.Parse(source, PythonDialect.Py312);
    }

    [Fact]
    public void A_syntax_error_later_in_the_file_wins()
    {
        var error = Py.Error("async def f():\n    pass\nx = (\n", PythonDialect.Py312);
        Assert.Equal("'(' was never closed", error.Message);
    }

    [Fact]
    public void An_error_of_the_compiler_wins()
    {
        var error = Py.Error("x = 1j\nreturn\n", PythonDialect.Py312);
        Assert.Equal("'return' outside function", error.Message);
    }

    [Fact]
    public void The_first_construct_in_the_file_is_reported()
    {
        var error = Py.Unsupported("x = y[*a]\ny = 1j\n", PythonDialect.Py312);
        Assert.Equal("starred expressions in subscripts", error.Feature);
        Assert.Equal(1, error.Line);
        Assert.Equal(6, error.Column);
    }

    [Fact]
    public void Names_that_are_soft_keywords_are_plain_names()
    {
        Assert.Equal("(= [match] (call f))\n(expr (call match 1))\n(= [case] 2)", Py.Dump("match = f()\nmatch(1)\ncase = 2\n", PythonDialect.Py312));
    }
}
