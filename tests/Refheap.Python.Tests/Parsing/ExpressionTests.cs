namespace Refheap.Python.Tests.Parsing;

/// <summary>Precedence, every expression form, literals and their values.</summary>
public sealed class ExpressionTests
{
    [Theory]
    [InlineData("a + b * c", "(+ a (* b c))")]
    [InlineData("a - b - c", "(- (- a b) c)")]
    [InlineData("a ** b ** c", "(** a (** b c))")]
    [InlineData("-a ** b", "(neg (** a b))")]
    [InlineData("a ** -b", "(** a (neg b))")]
    [InlineData("~a + +b - -c", "(- (+ (~ a) (pos b)) (neg c))")]
    [InlineData("a * b / c // d % e", "(% (// (/ (* a b) c) d) e)")]
    [InlineData("a | b ^ c & d << e >> f + g", "(| a (^ b (& c (>> (<< d e) (+ f g)))))")]
    [InlineData("a < b <= c == d != e > f >= g", "(cmp a < b <= c == d != e > f >= g)")]
    [InlineData("a in b not in c is d is not e", "(cmp a in b not-in c is d is-not e)")]
    [InlineData("not a == b", "(not (cmp a == b))")]
    [InlineData("not not a", "(not (not a))")]
    [InlineData("a or b and c or d", "(or a (and b c) d)")]
    [InlineData("a and b and c", "(and a b c)")]
    [InlineData("a if b else c if d else e", "(if-exp b a (if-exp d c e))")]
    [InlineData("lambda: 0", "(lambda () 0)")]
    [InlineData("lambda x, y=1, *a, **k: x", "(lambda (x (= y 1) (* a) (** k)) x)")]
    [InlineData("lambda x: lambda y: x + y", "(lambda (x) (lambda (y) (+ x y)))")]
    [InlineData("a if b else lambda: c", "(if-exp b a (lambda () c))")]
    [InlineData("f()", "(call f)")]
    [InlineData("f(a, b=1)", "(call f a (kw b 1))")]
    [InlineData("f(*a, **k)", "(call f (* a) (** k))")]
    [InlineData("f(a, *b, c=1, **d)", "(call f a (* b) (kw c 1) (** d))")]
    [InlineData("f(x for x in y)", "(call f (genexp x (for x y)))")]
    [InlineData("f(a,)", "(call f a)")]
    [InlineData("f(a)(b).c[d]", "([] (. (call (call f a) b) c) d)")]
    [InlineData("a.b.c", "(. (. a b) c)")]
    [InlineData("x[0]", "([] x 0)")]
    [InlineData("x[-y]", "([] x (neg y))")]
    [InlineData("x[1:2]", "([] x (: 1 2 _))")]
    [InlineData("x[:]", "([] x (: _ _ _))")]
    [InlineData("x[::2]", "([] x (: _ _ 2))")]
    [InlineData("x[a:b, c]", "([] x (tuple (: a b _) c))")]
    [InlineData("x[1, 2]", "([] x (tuple 1 2))")]
    [InlineData("x[...]", "([] x ...)")]
    [InlineData("(a)", "a")]
    [InlineData("((a, b), c)", "(tuple (tuple a b) c)")]
    [InlineData("()", "(tuple)")]
    [InlineData("(a,)", "(tuple a)")]
    [InlineData("a, b", "(tuple a b)")]
    [InlineData("a,", "(tuple a)")]
    [InlineData("[]", "(list)")]
    [InlineData("[1, 2,]", "(list 1 2)")]
    [InlineData("{}", "(dict)")]
    [InlineData("{1: 2, 'a': [3]}", "(dict (1 2) ('a' (list 3)))")]
    [InlineData("{1, 2}", "(set 1 2)")]
    [InlineData("[x for x in y]", "(listcomp x (for x y))")]
    [InlineData("[x for x in y if x if not z]", "(listcomp x (for x y (if x) (if (not z))))")]
    [InlineData("[(x, y) for x in a for y in b]", "(listcomp (tuple x y) (for x a) (for y b))")]
    [InlineData("[[y for y in x] for x in m]", "(listcomp (listcomp y (for y x)) (for x m))")]
    [InlineData("{k: v for k, v in d}", "(dictcomp k v (for (tuple k v) d))")]
    [InlineData("{x for x in s}", "(setcomp x (for x s))")]
    [InlineData("(x for x in s)", "(genexp x (for x s))")]
    [InlineData("[x for x in a if b else c]", "(listcomp x (for x a (if b)))")]
    public void Expressions_in_both_dialects(string source, string tree)
    {
        if (tree.Contains("(if b)", StringComparison.Ordinal))
        {
            // "[x for x in a if b else c]" is a syntax error: the condition is not a conditional expression.
            Assert.Throws<PythonSyntaxError>(() => Py.Expr(source, PythonDialect.Py312));
            return;
        }

        Assert.Equal(tree, Py.Expr(source, PythonDialect.Py27));
        Assert.Equal(tree, Py.Expr(source, PythonDialect.Py312));
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("0xff", "255")]
    [InlineData("0o17", "15")]
    [InlineData("0b101", "5")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
    [InlineData("1.5", "1.5")]
    [InlineData("1e3", "1000.0")]
    [InlineData(".5", "0.5")]
    [InlineData("1e500", "inf")]
    [InlineData("'a\\tb'", "'a\\tb'")]
    [InlineData("'a' \"b\" '''c'''", "'abc'")]
    [InlineData("'\\x41\\101\\n\\\\'", "'AA\\n\\\\'")]
    [InlineData("r'\\n\\d'", "'\\\\n\\\\d'")]
    [InlineData("'line\\\ncontinued'", "'linecontinued'")]
    public void Literals_in_both_dialects(string source, string tree)
    {
        Assert.Equal(tree, Py.Expr(source, PythonDialect.Py27));
        Assert.Equal(tree, Py.Expr(source, PythonDialect.Py312));
    }

    [Theory]
    [InlineData("None", "None")]
    [InlineData("True and False", "(and True False)")]
    [InlineData("...", "...")]
    [InlineData("1_000_000", "1000000")]
    [InlineData("0x_ff", "255")]
    [InlineData("b'a\\xff'", "b'a\\xff'")]
    [InlineData("'\\u00e9\\U0001F600'", "'é😀'")]
    [InlineData("u'x'", "'x'")]
    [InlineData("a @ b", "(@ a b)")]
    [InlineData("(x := 1)", "(:= x 1)")]
    [InlineData("[y := 1, 2]", "(list (:= y 1) 2)")]
    [InlineData("f(x := 1)", "(call f (:= x 1))")]
    [InlineData("-1", "(neg 1)")]
    [InlineData("f(*a, *b, **c, **d)", "(call f (* a) (* b) (** c) (** d))")]
    [InlineData("f(a=1, *b)", "(call f (* b) (kw a 1))")]
    [InlineData("lambda a, /, b, *, c: 0", "(lambda (a / b * c) 0)")]
    [InlineData("f'plain'", "(f 'plain')")]
    [InlineData("f'{x}'", "(f (fv x))")]
    [InlineData("f'a{x!r}b{y:>10}c{z!s:{w}.{p}}'", "(f 'a' (fv x !r) 'b' (fv y :(f '>10')) 'c' (fv z !s :(f (fv w) '.' (fv p) '')))")]
    [InlineData("f'{{x}} {x}'", "(f '{x} ' (fv x))")]
    [InlineData("f'{x=}'", "(f 'x=' (fv x !r))")]
    [InlineData("f'{x = :>5}'", "(f 'x = ' (fv x :(f '>5')))")]
    [InlineData("f'{\"q\"}' f\"{'q'}\"", "(f (fv 'q') (fv 'q'))")]
    [InlineData("f'{f\"{x}\"}'", "(f (fv (f (fv x))))")]
    [InlineData("'a' f'{b}' 'c'", "(f 'a' (fv b) 'c')")]
    [InlineData("rf'\\n{x}'", "(f '\\\\n' (fv x))")]
    [InlineData("f'{x!a}'", "(f (fv x !a))")]
    [InlineData("f'{a, b}'", "(f (fv (tuple a b)))")]
    [InlineData("f'''{\n x\n}'''", "(f (fv x))")]
    public void Expressions_of_3_12(string source, string tree)
    {
        Assert.Equal(tree, Py.Expr(source, PythonDialect.Py312));
    }

    [Theory]
    [InlineData("None", "None")]
    [InlineData("0777", "511")]
    [InlineData("10L", "10L")]
    [InlineData("0xffL", "255L")]
    [InlineData("-1", "-1")]
    [InlineData("- 1", "-1")]
    [InlineData("-0777", "-511")]
    [InlineData("-9223372036854775808", "-9223372036854775808")]
    [InlineData("-(1)", "(neg 1)")]
    [InlineData("-1 ** 2", "(neg (** 1 2))")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("-x", "(neg x)")]
    [InlineData("`x`", "(repr x)")]
    [InlineData("a <> b", "(cmp a != b)")]
    [InlineData("'abc'", "'abc'")]
    [InlineData("b'abc'", "'abc'")]
    [InlineData("u'abc'", "u'abc'")]
    [InlineData("'a' u'b'", "u'ab'")]
    [InlineData("u'\\u00e9'", "u'é'")]
    [InlineData("'\\u00e9'", "'\\\\u00e9'")]
    [InlineData("ur'\\u00e9\\n'", "u'é\\\\n'")]
    [InlineData("x[1:2:]", "([] x (: 1 2 None))")]
    [InlineData("x[..., 1]", "([] x (tuple ... 1))")]
    [InlineData("[x for x in 1, 2]", "(listcomp x (for x (tuple 1 2)))")]
    [InlineData("f(a, *b, c=1, **d)", "(call f a (* b) (kw c 1) (** d))")]
    public void Expressions_of_2_7(string source, string tree)
    {
        Assert.Equal(tree, Py.Expr(source, PythonDialect.Py27));
    }

    [Fact]
    public void A_2_7_byte_string_keeps_the_source_s_UTF_8_bytes()
    {
        var literal = Assert.IsType<Syntax.Ast.StringLiteral>(
            Assert.IsType<Syntax.Ast.ExpressionStatement>(Py.Parse("# coding: utf-8\n'é\\xff'\n", PythonDialect.Py27).Body[0]).Value);
        Assert.Equal("\u00c3\u00a9\u00ff", literal.Value);
        Assert.Equal(Syntax.Ast.StringKind.Str, literal.Kind);
    }

    [Fact]
    public void Integer_values_are_exact()
    {
        var literal = Assert.IsType<Syntax.Ast.IntegerLiteral>(
            Assert.IsType<Syntax.Ast.ExpressionStatement>(Py.Parse("2 ** 100\n0x7fffffffffffffffffff\n", PythonDialect.Py312).Body[1]).Value);
        Assert.Equal(System.Numerics.BigInteger.Parse("604462909807314587353087", System.Globalization.CultureInfo.InvariantCulture), literal.Value);
    }

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void A_3_12_invalid_escape_warns_and_2_7_is_silent(string profile)
    {
        var result = Syntax.Parsing.PythonParser.Parse("x = '\\d'\n", "w.py", Py.Dialect(profile));
        Assert.Equal("(= [x] '\\\\d')", Syntax.Ast.AstDumper.Dump(result.Module));
        if (profile == "py27")
        {
            Assert.Empty(result.Warnings);
        }
        else
        {
            Assert.Equal("w.py:1: SyntaxWarning: invalid escape sequence '\\d'\n  x = '\\d'\n", Assert.Single(result.Warnings).FormatForDisplay());
        }
    }
}
