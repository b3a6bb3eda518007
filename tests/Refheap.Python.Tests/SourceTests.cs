using System.Text;

namespace Refheap.Python.Tests;

/// <summary>Reading a file's bytes (PEP 263) and what the declared encoding means for 2.7's byte strings.</summary>
public sealed class SourceTests
{
    [Fact]
    public void A_file_is_UTF_8_unless_it_declares_otherwise()
    {
        Assert.Equal("x = 'é'\n", PythonSource.Decode(Encoding.UTF8.GetBytes("x = 'é'\n")));
        Assert.Equal("x = 'é'\n", PythonSource.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("x = 'é'\n")]));
        var latin1 = Encoding.Latin1.GetBytes("# -*- coding: latin-1 -*-\nx = 'é'\n");
        Assert.Equal("# -*- coding: latin-1 -*-\nx = 'é'\n", PythonSource.Decode(latin1));
        var second = Encoding.Latin1.GetBytes("#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-1 :\nx = 'é'\n");
        Assert.EndsWith("x = 'é'\n", PythonSource.Decode(second), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("# coding: latin-1\nx = 'é'\n", "\u00e9")]
    [InlineData("# coding: utf-8\nx = 'é'\n", "\u00c3\u00a9")]
    public void A_2_7_byte_string_holds_the_file_s_bytes(string source, string bytes)
    {
        var assign = Assert.IsType<Syntax.Ast.AssignStatement>(Py.Parse(source, PythonDialect.Py27).Body[0]);
        Assert.Equal(bytes, Assert.IsType<Syntax.Ast.StringLiteral>(assign.Value).Value);
    }

    [Fact]
    public void Unicode_literals_applies_to_the_docstring_before_it()
    {
        Assert.Equal(
            "(expr u'doc')\n(from __future__ unicode_literals)\n(= [x] u'y')",
            Py.Dump("'doc'\nfrom __future__ import unicode_literals\nx = 'y'\n", PythonDialect.Py27));
    }

    [Fact]
    public void A_lone_surrogate_escape_is_kept()
    {
        var value = Assert.IsType<Syntax.Ast.StringLiteral>(Assert.IsType<Syntax.Ast.ExpressionStatement>(Py.Parse("'\\udcff'\n", PythonDialect.Py312).Body[0]).Value);
        Assert.Equal("\udcff", value.Value);
    }

    [Fact]
    public void A_2_7_string_token_is_numbered_by_its_last_line_for_2_7_s_line_numbers()
    {
        var statement = Assert.IsType<Syntax.Ast.ExpressionStatement>(Py.Parse("'''a\nb''' % x\n", PythonDialect.Py27).Body[0]);
        var literal = Assert.IsType<Syntax.Ast.StringLiteral>(Assert.IsType<Syntax.Ast.BinaryExpression>(statement.Value).Left);
        Assert.Equal(1, literal.Line);
        Assert.Equal(2, literal.LegacyLine);
    }
}
