using Refheap.Python.Compiler;

namespace Refheap.Python.Tests.Execution;

/// <summary>
/// 3.12's inlined list, set and dict comprehensions (PEP 709): compiled into the enclosing code
/// with their variables saved and restored around them, where 2.7 and generator expressions
/// make a function. Outputs checked with CPython 3.12.1.
/// </summary>
public sealed class InlinedComprehensionTests
{
    private static CodeUnit Compile(string profile, string source) =>
        Compilation.Compile(source, "x.py", Py.Dialect(profile)).Code;

    private static CodeUnit Function(CodeUnit module, string name) =>
        module.Constants.OfType<CodeUnit>().Single(c => c.Name == name);

    private static IEnumerable<OpCode> Instructions(CodeUnit unit) => unit.Code.Select(Instruction.Op);

    [Theory]
    [InlineData("[x for x in y]")]
    [InlineData("{x for x in y}")]
    [InlineData("{x: x for x in y}")]
    public void Py312ComprehensionHasNoCodeObjectAndSavesItsVariable(string comprehension)
    {
        var f = Function(Compile("py312", "def f(y):\n    return " + comprehension + "\n"), "f");
        Assert.Empty(f.Constants.OfType<CodeUnit>());
        Assert.Equal(["y", "x"], f.LocalNames);
        Assert.Contains(OpCode.LoadFastAndClear, Instructions(f));
        Assert.Contains(OpCode.Swap, Instructions(f));
    }

    [Theory]
    [InlineData("py27", "{x for x in y}", "<setcomp>")]
    [InlineData("py27", "{x: x for x in y}", "<dictcomp>")]
    [InlineData("py312", "(x for x in y)", "<genexpr>")]
    public void Py27SetAndDictComprehensionsAndGeneratorExpressionsStayFunctions(string profile, string comprehension, string name)
    {
        var f = Function(Compile(profile, "def f(y):\n    return " + comprehension + "\n"), "f");
        Assert.Equal(name, Assert.Single(f.Constants.OfType<CodeUnit>()).Name);
        Assert.DoesNotContain(OpCode.LoadFastAndClear, Instructions(f));
    }

    [Fact]
    public void ModuleAndClassLevelVariablesAreHiddenFastLocals()
    {
        var module = Compile("py312", "r = [x for x in y]\nclass K:\n    z = [q for q in y]\n");
        Assert.Equal(["x"], module.LocalNames);
        Assert.Equal([".0", "q"], Function(module, "K").LocalNames);
    }

    [Fact]
    public void CapturedVariableBecomesACellReplacedPerRun()
    {
        var f = Function(Compile("py312", "def f():\n    return [lambda: i for i in range(3)]\n"), "f");
        Assert.Equal(["i"], f.CellNames);
        Assert.Empty(f.LocalNames);
        Assert.Contains(OpCode.ReplaceCell, Instructions(f));
    }

    [Fact]
    public void SlotsAreNumberedWhereTheCodeFirstUsesThem()
    {
        var f = Function(Compile("py312", "def f(a):\n    r = [x for x in range(3)]\n    y = 1\n"), "f");
        Assert.Equal(["a", "x", "r", "y"], f.LocalNames);
    }

    [Fact]
    public void ScopingCasesPrintWhatCPython312Prints()
    {
        var run = ProgramRun.Of("py312", """
            def walrus(data):
                r = [last := x for x in data]
                return r, last
            print(walrus([1, 2]))
            [mod_last := x * 2 for x in range(3)]
            print(mod_last)
            class A:
                def m(self): return 'A'
            class B(A):
                def m(self):
                    return [super().m() + str(i) for i in range(2)]
            print(B().m())
            def glob():
                global gv
                gv = 'global gv'
                r = [gv for gv in range(2)]
                return r, gv
            print(glob())
            def nl():
                v = 'outer v'
                def inner():
                    nonlocal v
                    r = [v for v in range(2)]
                    return r, v
                return inner()
            print(nl())
            def cellparam(x):
                f = lambda: x
                return [x for x in range(2)], f(), x
            print(cellparam('cp'))
            def comp_cell_own(x):
                fs = [lambda: x for x in range(2)]
                return [f() for f in fs], x
            print(comp_cell_own('own'))
            def global_then_comp():
                print(len([n for n in range(2)]))
                fs = [lambda: n for n in range(2)]
                return [f() for f in fs]
            print(global_then_comp())
            """);
        Assert.Equal("", run.Stderr);
        Assert.Equal(
            "([1, 2], 2)\n4\n['A0', 'A1']\n([0, 1], 'global gv')\n([0, 1], 'outer v')\n([0, 1], 'cp', 'cp')\n([1, 1], 'own')\n2\n[1, 1]\n",
            run.Stdout);
    }

    [Fact]
    public void AnAssignmentToALocalStoresTheResultBeforeTheVariableIsRestored()
    {
        var run = ProgramRun.Of("py312", """
            class D:
                def __init__(self, n): self.n = n
                def __del__(self): print('del', self.n)
            def f():
                x: list = D('old x')
                x: list = [d.n for d in [D(1), D(2)]]
                print(x)
                y = D('old y')
                y = [d.n for d in [D(3)]]
                z = [d.n for d in [D(4)]]
                return z
            f()
            """);
        Assert.Equal("", run.Stderr);
        Assert.Equal("del 1\ndel old x\ndel 2\n[1, 2]\ndel old y\ndel 3\ndel 4\n", run.Stdout);
    }

    [Theory]
    [InlineData("class K:\n    v = [(w := i) for i in range(3)]\n", "assignment expressions in a comprehension in a class body")]
    [InlineData("v = [i for i in range(3) if (i := 0)]\n", "assignment expressions that rebind a comprehension's iteration variable")]
    public void AssignmentExpressionsCPythonRejectsAreUnsupported(string source, string feature)
    {
        var run = ProgramRun.Of("py312", source);
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("NotImplementedError: Refheap does not support " + feature, run.LastErrorLine);
    }
}
