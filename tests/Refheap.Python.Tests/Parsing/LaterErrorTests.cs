namespace Refheap.Python.Tests.Parsing;

/// <summary>
/// Errors CPython finds after parsing (2.7's ast.c, the symbol table, the compiler), raised
/// once the whole file has parsed, the earliest pass first. The table in SyntaxErrors/ checks
/// their wording and display against CPython; these check the order.
/// </summary>
public sealed class LaterErrorTests
{
    [Fact]
    public void In_2_7_a_grammar_error_later_in_the_file_wins_over_an_invalid_target()
    {
        var error = Py.Error("1 = x\nif y\n", PythonDialect.Py27);
        Assert.Equal("invalid syntax", error.Message);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void In_3_12_an_invalid_target_is_a_grammar_error_at_once()
    {
        var error = Py.Error("1 = x\nif y\n", PythonDialect.Py312);
        Assert.Equal("cannot assign to literal here. Maybe you meant '==' instead of '='?", error.Message);
    }

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void A_symbol_table_error_wins_over_an_earlier_compiler_error(string profile)
    {
        var error = Py.Error("return\ndef f(a, a): pass\n", Py.Dialect(profile));
        Assert.Equal("duplicate argument 'a' in function definition", error.Message);
    }

    [Theory]
    [InlineData("def f():\n    return 1\n")]
    [InlineData("def f():\n    for x in y:\n        if x: break\n        else: continue\n")]
    [InlineData("while x:\n    def f(): return\n    break\n")]
    [InlineData("def f():\n    x = lambda: (yield)\n")]
    public void Return_break_continue_and_yield_in_their_places_are_fine(string source)
    {
        Py.Parse(source, PythonDialect.Py27);
        Py.Parse(source, PythonDialect.Py312);
    }

    [Theory]
    [InlineData("class A:\n    return 1\n", "'return' outside function")]
    [InlineData("while x:\n    def f():\n        break\n", "'break' outside loop")]
    [InlineData("for x in y:\n    class A:\n        continue\n", "'continue' not properly in loop")]
    [InlineData("class A:\n    yield\n", "'yield' outside function")]
    public void A_function_or_class_ends_the_loop_and_function_around_it(string source, string message)
    {
        Assert.Equal(message, Py.Error(source, PythonDialect.Py27).Message);
        Assert.Equal(message, Py.Error(source, PythonDialect.Py312).Message);
    }

    [Fact]
    public void A_2_7_generator_may_return_without_a_value()
    {
        Py.Parse("def g():\n    yield 1\n    return\n", PythonDialect.Py27);
        Assert.Equal("'return' with argument inside generator", Py.Error("def g():\n    return 1\n    yield\n", PythonDialect.Py27).Message);
        Py.Parse("def g():\n    return 1\n    yield\n", PythonDialect.Py312);
    }

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void Future_imports_may_follow_only_a_docstring(string profile)
    {
        Py.Parse("'''doc'''\nfrom __future__ import division\nfrom __future__ import print_function\n", Py.Dialect(profile));
        Assert.Equal(
            "from __future__ imports must occur at the beginning of the file",
            Py.Error("import os\nfrom __future__ import division\n", Py.Dialect(profile)).Message);
        Assert.Equal("future feature spam is not defined", Py.Error("from __future__ import spam\n", Py.Dialect(profile)).Message);
        Assert.Equal("not a chance", Py.Error("from __future__ import braces\n", Py.Dialect(profile)).Message);
    }
}
