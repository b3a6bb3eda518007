namespace Refheap.Python.Tests.Parsing;

/// <summary>Every statement of the subset, in both dialects where both have it (trees as <see cref="Syntax.Ast.AstDumper"/> writes them).</summary>
public sealed class StatementTests
{
    [Theory]
    [InlineData("x = 1", "(= [x] 1)")]
    [InlineData("a = b = c", "(= [a b] c)")]
    [InlineData("a, b = b, a", "(= [(tuple a b)] (tuple b a))")]
    [InlineData("[a, (b, c)] = d", "(= [(list a (tuple b c))] d)")]
    [InlineData("o.x = s[0] = s[1:2] = 3", "(= [(. o x) ([] s 0) ([] s (: 1 2 _))] 3)")]
    [InlineData("x += 1; x -= 1; x *= 1; x /= 1", "(+= x 1)\n(-= x 1)\n(*= x 1)\n(/= x 1)")]
    [InlineData("x //= 1; x %= 1; x **= 1; x <<= 1; x >>= 1", "(//= x 1)\n(%= x 1)\n(**= x 1)\n(<<= x 1)\n(>>= x 1)")]
    [InlineData("x &= 1; x |= 1; x ^= 1", "(&= x 1)\n(|= x 1)\n(^= x 1)")]
    [InlineData("o.a += 1; s[0] += 1", "(+= (. o a) 1)\n(+= ([] s 0) 1)")]
    [InlineData("del a, b[0], c.d", "(del a ([] b 0) (. c d))")]
    [InlineData("del (a, b)", "(del (tuple a b))")]
    [InlineData("pass", "(pass)")]
    [InlineData("f(x)", "(expr (call f x))")]
    [InlineData("'doc'", "(expr 'doc')")]
    [InlineData("if a:\n    pass\nelif b:\n    pass\nelse:\n    pass", "(if a [(pass)] [(if b [(pass)] [(pass)])])")]
    [InlineData("if a: x = 1; y = 2", "(if a [(= [x] 1) (= [y] 2)])")]
    [InlineData("while x:\n    break\nelse:\n    pass", "(while x [(break)] [(pass)])")]
    [InlineData("for i in x:\n    continue\nelse:\n    pass", "(for i x [(continue)] [(pass)])")]
    [InlineData("for i, (j, k) in x: pass", "(for (tuple i (tuple j k)) x [(pass)])")]
    [InlineData("for x in 1, 2: pass", "(for x (tuple 1 2) [(pass)])")]
    [InlineData("def f(): return", "(def f () [(return)])")]
    [InlineData("def f(a, b=1, *args, **kw): return a, b", "(def f (a (= b 1) (* args) (** kw)) [(return (tuple a b))])")]
    [InlineData("def f():\n    def g(): pass\n    return g", "(def f () [(def g () [(pass)]) (return g)])")]
    [InlineData("@d\ndef f(): pass", "(def f () [(pass)] @d)")]
    [InlineData("@a.b(1)\n@c\ndef f(): pass", "(def f () [(pass)] @(call (. a b) 1) @c)")]
    [InlineData("class A: pass", "(class A () [(pass)])")]
    [InlineData("class A(B, C):\n    x = 1\n    def m(self): pass", "(class A (B C) [(= [x] 1) (def m (self) [(pass)])])")]
    [InlineData("@dec\nclass A(object): pass", "(class A (object) [(pass)] @dec)")]
    [InlineData("class A:\n    @staticmethod\n    def s(): pass\n    @classmethod\n    def c(cls): pass\n    @property\n    def p(self): pass\n    __slots__ = ('a',)",
        "(class A () [(def s () [(pass)] @staticmethod) (def c (cls) [(pass)] @classmethod) (def p (self) [(pass)] @property) (= [__slots__] (tuple 'a'))])")]
    [InlineData("try:\n    a\nexcept E as e:\n    b\nexcept (F, G):\n    c\nexcept:\n    d\nelse:\n    e\nfinally:\n    f",
        "(try [(expr a)] (except E e [(expr b)]) (except (tuple F G) [(expr c)]) (except [(expr d)]) (else [(expr e)]) (finally [(expr f)]))")]
    [InlineData("try:\n    pass\nfinally:\n    pass", "(try [(pass)] (finally [(pass)]))")]
    [InlineData("raise", "(raise)")]
    [InlineData("raise E", "(raise E)")]
    [InlineData("raise E('m')", "(raise (call E 'm'))")]
    [InlineData("assert x", "(assert x)")]
    [InlineData("assert x, 'message'", "(assert x 'message')")]
    [InlineData("with a: pass", "(with a [(pass)])")]
    [InlineData("with a as b, c as (d, e), f: pass", "(with (as a b) (as c (tuple d e)) f [(pass)])")]
    [InlineData("global a, b", "(global a b)")]
    [InlineData("import a", "(import a)")]
    [InlineData("import a.b.c as d, e", "(import (as a.b.c d) e)")]
    [InlineData("from a.b import c, d as e", "(from a.b c (as d e))")]
    [InlineData("from . import x", "(from . x)")]
    [InlineData("from .. a import (b,\n    c,)", "(from ..a b c)")]
    [InlineData("from m import *", "(from m *)")]
    [InlineData("if __name__ == '__main__':\n    main()", "(if (cmp __name__ == '__main__') [(expr (call main))])")]
    [InlineData("def g():\n    yield\n    yield x\n    y = yield z", "(def g () [(expr (yield)) (expr (yield x)) (= [y] (yield z))])")]
    public void Statements_in_both_dialects(string source, string tree)
    {
        Assert.Equal(tree, Py.Dump(source, PythonDialect.Py27));
        Assert.Equal(tree, Py.Dump(source, PythonDialect.Py312));
    }

    [Theory]
    [InlineData("a, *b = c", "(= [(tuple a (* b))] c)")]
    [InlineData("[a, *b, c] = d", "(= [(list a (* b) c)] d)")]
    [InlineData("for a, *b in c: pass", "(for (tuple a (* b)) c [(pass)])")]
    [InlineData("def f(a, /, b, *, c, d=1, **e) -> int: pass", "(def f (a / b * c (= d 1) (** e)) (-> int) [(pass)])")]
    [InlineData("def f(*args, key=None): pass", "(def f ((* args) (= key None)) [(pass)])")]
    [InlineData("def f(a: int, *b: str, c: 'x' = 1) -> None: pass", "(def f ((: a int) (* (: b str)) (= (: c 'x') 1)) (-> None) [(pass)])")]
    [InlineData("x: int", "(ann x int)")]
    [InlineData("x: int = 1", "(ann x int 1)")]
    [InlineData("o.a: int = 1", "(ann (. o a) int 1 not-simple)")]
    [InlineData("(x): int = 1", "(ann x int 1 not-simple)")]
    [InlineData("def f():\n    x = 0\n    def g():\n        nonlocal x\n        x += 1", "(def f () [(= [x] 0) (def g () [(nonlocal x) (+= x 1)])])")]
    [InlineData("raise E from cause", "(raise E (from cause))")]
    [InlineData("raise E from None", "(raise E (from None))")]
    [InlineData("def g():\n    yield from h()", "(def g () [(expr (yield-from (call h)))])")]
    [InlineData("class A(B, metaclass=M, **kw): pass", "(class A (B (kw metaclass M) (** kw)) [(pass)])")]
    [InlineData("with (a as b, c as d): pass", "(with (as a b) (as c d) [(pass)])")]
    [InlineData("with (a, b): pass", "(with a b [(pass)])")]
    [InlineData("with (a) as b: pass", "(with (as a b) [(pass)])")]
    [InlineData("with (a, b) as c: pass", "(with (as (tuple a b) c) [(pass)])")]
    [InlineData("@x[0].y\ndef f(): pass", "(def f () [(pass)] @(. ([] x 0) y))")]
    [InlineData("print(1, 2, sep='')", "(expr (call print 1 2 (kw sep '')))")]
    [InlineData("exec('x = 1')", "(expr (call exec 'x = 1'))")]
    [InlineData("x = 1 if y else 2", "(= [x] (if-exp y 1 2))")]
    [InlineData("match = 1\nmatch(x)\ntype = 2\ncase = match", "(= [match] 1)\n(expr (call match x))\n(= [type] 2)\n(= [case] match)")]
    public void Statements_of_3_12(string source, string tree)
    {
        Assert.Equal(tree, Py.Dump(source, PythonDialect.Py312));
    }

    [Theory]
    [InlineData("print", "(print)")]
    [InlineData("print x", "(print x)")]
    [InlineData("print x, y", "(print x y)")]
    [InlineData("print x,", "(print x ,)")]
    [InlineData("print >>f, x, y", "(print >>f x y)")]
    [InlineData("print >>f", "(print >>f)")]
    [InlineData("print >>f, x,", "(print >>f x ,)")]
    [InlineData("print(x)", "(print x)")]
    [InlineData("print(1, 2)", "(print (tuple 1 2))")]
    [InlineData("print x if y else z", "(print (if-exp y x z))")]
    [InlineData("try:\n    pass\nexcept E, e:\n    pass", "(try [(pass)] (except E e [(pass)]))")]
    [InlineData("try:\n    pass\nexcept (E, F), (a, b):\n    pass", "(try [(pass)] (except (tuple E F) (tuple a b) [(pass)]))")]
    [InlineData("try:\n    pass\nexcept E, self.error:\n    pass", "(try [(pass)] (except E (. self error) [(pass)]))")]
    [InlineData("try:\n    pass\nexcept E as e:\n    pass", "(try [(pass)] (except E e [(pass)]))")]
    [InlineData("raise E, 'v'", "(raise E 'v')")]
    [InlineData("raise E, V, tb", "(raise E V tb)")]
    [InlineData("x = `a`", "(= [x] (repr a))")]
    [InlineData("x = `a, b`", "(= [x] (repr (tuple a b)))")]
    [InlineData("x = a <> b", "(= [x] (cmp a != b))")]
    [InlineData("x = None; True = 0; nonlocal = 1; async = 2", "(= [x] None)\n(= [True] 0)\n(= [nonlocal] 1)\n(= [async] 2)")]
    [InlineData("class A(): pass", "(class A () [(pass)])")]
    [InlineData("from __future__ import print_function\nprint(x, end='')", "(from __future__ print_function)\n(expr (call print x (kw end '')))")]
    [InlineData("'doc'\nfrom __future__ import division\nx = 1 / 2", "(expr 'doc')\n(from __future__ division)\n(= [x] (/ 1 2))")]
    public void Statements_of_2_7(string source, string tree)
    {
        Assert.Equal(tree, Py.Dump(source, PythonDialect.Py27));
    }

    [Fact]
    public void Future_imports_are_recorded_on_the_module()
    {
        var module = Py.Parse("from __future__ import division, print_function, unicode_literals, absolute_import\n", PythonDialect.Py27);
        Assert.Equal(
            Syntax.Ast.FutureFeatures.Division | Syntax.Ast.FutureFeatures.PrintFunction | Syntax.Ast.FutureFeatures.UnicodeLiterals | Syntax.Ast.FutureFeatures.AbsoluteImport,
            module.Future);
    }

    [Fact]
    public void Unicode_literals_makes_plain_strings_unicode_in_2_7()
    {
        Assert.Equal("(from __future__ unicode_literals)\n(= [a] u'x')\n(= [b] 'y')", Py.Dump("from __future__ import unicode_literals\na = 'x'\nb = b'y'", PythonDialect.Py27));
    }

    [Fact]
    public void The_exec_statement_parses_and_is_reported_unsupported()
    {
        var error = Py.Unsupported("x = 1\nexec code in ns\n", PythonDialect.Py27);
        Assert.Equal("the exec statement", error.Feature);
        Assert.Equal(2, error.Line);
        Assert.Equal("NotImplementedError: Refheap does not support the exec statement (x.py, line 2)\n", error.FormatForDisplay());
    }
}
