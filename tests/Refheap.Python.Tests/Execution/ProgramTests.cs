namespace Refheap.Python.Tests.Execution;

/// <summary>
/// Programs run by <c>PythonProgram.Run</c>, their stdout compared with what CPython 2.7.18 and
/// 3.12.1 print for them (checked with the pyenv pythons), and the heap back to its census after each.
/// </summary>
public sealed class ProgramTests
{
    private const string Language = @"from __future__ import print_function
def f(a, b=2, *args, **kw):
    return a + b + len(args) + len(kw)
print(f(1), f(1, 2, 3, 4, x=5), f(b=10, a=1))
def counter():
    n = [0]
    def inc():
        n[0] += 1
        return n[0]
    return inc
c = counter()
c(); c()
print(c())
x = [i * i for i in range(5) if i % 2 == 0]
print(x, {k: v for k, v in zip(""ab"", (1, 2))} == {""a"": 1, ""b"": 2})
s = 0
for i in range(10):
    if i == 7:
        break
    if i % 2:
        continue
    s += i
else:
    s = -1
print(s, 7 // 2, -7 // 2, 2 ** 10, ""a"" + ""b"" * 3, [1, 2] + [3], (1,) * 2)
print(1 < 2 < 3, 3 > 2 > 5, not 0, 1 if [] else 2, [] or ""empty"", ""abc""[1:], ""abcdef""[::2])
a, (b, c) = 1, (2, 3)
print(a, b, c)
";

    private const string LanguageOutput = @"3 6 11
3
[0, 4, 16] True
12 3 -4 1024 abbb [1, 2, 3] (1, 1)
True False True 2 empty bc ace
1 2 3
";

    private const string Errors = @"from __future__ import print_function
import sys
def rec(n):
    return rec(n + 1)
try:
    rec(0)
except Exception as e:
    print(type(e).__name__, e)
def handler():
    try:
        raise KeyError(""k"")
    except KeyError:
        pass
    return sys.exc_info()[0]
print(handler())
def unbound():
    print(v)
    v = 1
try:
    unbound()
except NameError as e:
    print(type(e).__name__, e)
try:
    undefined_name
except NameError as e:
    print(e)
try:
    x = [0] * (10 ** 10)
except MemoryError:
    print(""MemoryError"")
class Gen(object):
    def __init__(self):
        self.log = []
def g():
    try:
        v = yield 1
        print(""got"", v)
        yield 2
    finally:
        print(""closing"")
it = g()
print(next(it), it.send(""x""))
it.close()
with_result = []
class Ctx(object):
    def __enter__(self):
        return ""in""
    def __exit__(self, t, v, tb):
        with_result.append(t.__name__ if t else None)
        return True
with Ctx() as c:
    raise ValueError(""swallowed"")
print(c, with_result)
";

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void CallsClosuresComprehensionsLoopsAndOperatorsPrintWhatCPythonPrints(string profile)
    {
        var run = ProgramRun.Of(profile, Language);
        Assert.Equal("", run.Stderr);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(LanguageOutput, run.Stdout);
    }

    [Theory]
    [InlineData("py27", @"RuntimeError maximum recursion depth exceeded
<type 'exceptions.KeyError'>
UnboundLocalError local variable 'v' referenced before assignment
name 'undefined_name' is not defined
MemoryError
got x
1 2
closing
in ['ValueError']
")]
    [InlineData("py312", @"RecursionError maximum recursion depth exceeded
None
UnboundLocalError cannot access local variable 'v' where it is not associated with a value
name 'undefined_name' is not defined
MemoryError
got x
1 2
closing
in ['ValueError']
")]
    public void RecursionExcInfoUnboundNamesMemoryErrorGeneratorsAndWithBehavePerProfile(string profile, string expected)
    {
        var run = ProgramRun.Of(profile, Errors, heapLimit: 256L << 20);
        Assert.Equal("", run.Stderr);
        Assert.Equal(expected, run.Stdout);
    }

    [Fact]
    public void PrintStatementKeepsSoftspaceAcrossTrailingCommas()
    {
        var run = ProgramRun.Of("py27", "print 1,\nprint 'a\\n',\nprint 2\nprint\nprint 'x', 'y'\n");
        Assert.Equal("1 a\n2\n\nx y\n", run.Stdout);
    }

    [Fact]
    public void Traceback3_12PrintsTheNotesOfAnExceptionAfterIt()
    {
        var run = ProgramRun.Of("py312", "e = RuntimeError('boom')\ne.add_note('first')\ne.add_note('second')\nraise e\n");
        Assert.Equal(1, run.ExitCode);
        Assert.EndsWith("RuntimeError: boom\nfirst\nsecond\n", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Traceback3_12CutsARunOfOneLineAfterThreeEntries()
    {
        var run = ProgramRun.Of("py312", "def f(n):\n    if n == 0:\n        raise ValueError(n)\n    return f(n - 1)\nf(6)\n");
        var entries = run.Stderr.Split('\n').Where(l => l.StartsWith("  File", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, entries.Count); // <module>, three of line 4, then line 3
        Assert.Contains("  [Previous line repeated 3 more times]\n  File", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Traceback3_12SaysTimeForOneRepeat()
    {
        var run = ProgramRun.Of("py312", "def f(n):\n    if n == 0:\n        raise ValueError(n)\n    return f(n - 1)\nf(4)\n");
        Assert.Contains("  [Previous line repeated 1 more time]\n", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Traceback2_7PrintsEveryEntryUpToTheLimit()
    {
        var run = ProgramRun.Of("py27", "import sys\nsys.setrecursionlimit(3000)\ndef f(n):\n    if n == 0:\n        raise ValueError(n)\n    return f(n - 1)\nf(1500)\n");
        var entries = run.Stderr.Split('\n').Count(l => l.StartsWith("  File", StringComparison.Ordinal));
        Assert.Equal(1000, entries); // the newest 1000 of 1502, as PyTraceBack_LIMIT
        Assert.DoesNotContain("Previous line", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("py27", "__main__.Boom: bad")]
    [InlineData("py312", "Boom: bad")]
    public void UncaughtExceptionPrintsATracebackAndExitsWithOne(string profile, string last)
    {
        var run = ProgramRun.Of(profile, "class Boom(Exception):\n    pass\ndef f():\n    raise Boom('bad')\nf()\n");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("Traceback (most recent call last):\n", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 4, in f\n    raise Boom('bad')\n", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(last, run.LastErrorLine);
    }

    [Fact]
    public void ExceptionRaisedWhileHandlingAnotherShowsBothIn312()
    {
        var run = ProgramRun.Of("py312", "try:\n    1/0\nexcept ZeroDivisionError:\n    raise KeyError('k')\n");
        Assert.Contains("During handling of the above exception, another exception occurred:", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("KeyError: 'k'", run.LastErrorLine);
    }

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void SysExitGivesTheExitCodeAndRunsFinallyBlocks(string profile)
    {
        var run = ProgramRun.Of(profile, "import sys\ntry:\n    sys.exit(3)\nfinally:\n    sys.stdout.write('fin\\n')\n");
        Assert.Equal(3, run.ExitCode);
        Assert.Equal("fin\n", run.Stdout);
    }

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void SyntaxErrorPrintsCPythonsDisplayAndExitsWithOne(string profile)
    {
        var run = ProgramRun.Of(profile, "x = (1,\n");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("SyntaxError", run.LastErrorLine, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void ConstructOutsideTheSubsetFailsWithNotImplementedError(string profile)
    {
        var run = ProgramRun.Of(profile, "x = 1\nexec_me = eval('1')\n");
        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"^NotImplementedError: Refheap does not support eval\(\) \((.*/)?prog\.py, line 2\)$", run.LastErrorLine);
    }

    [Theory]
    [InlineData("x = 1\ny = u'text'\n", 2)]
    [InlineData("from __future__ import unicode_literals\nx = 'text'\n", 2)]
    public void UnicodeTextOf2_7IsNotImplementedRatherThanAStr(string source, int line)
    {
        var run = ProgramRun.Of("py27", source);
        Assert.Equal(1, run.ExitCode);
        Assert.Matches($@"^NotImplementedError: Refheap does not support unicode literals \(2\.7's unicode type\) \((.*/)?prog\.py, line {line}\)$", run.LastErrorLine);
    }

    [Fact]
    public void UnicodePrefixOf3_12MakesAStr()
    {
        var run = ProgramRun.Of("py312", "print(type(u'text').__name__, repr(u'text'))\n");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("str 'text'\n", run.Stdout);
    }

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void SubclassingABuiltInTypeRefheapLacksNamesTheClassAndTheLine(string profile)
    {
        var run = ProgramRun.Of(profile, "x = 1\nclass S(str):\n    pass\n");
        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"^NotImplementedError: Refheap does not support subclassing 'str' yet \(class S, (.*/)?prog\.py, line 2\)$", run.LastErrorLine);
    }

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void DelRunsWhenTheLastReferenceGoesAndCyclesWaitForTheCollector(string profile)
    {
        const string source = """
            from __future__ import print_function
            import gc
            class T(object):
                def __init__(self, n):
                    self.n = n
                def __del__(self):
                    print("del", self.n)
            a = T(1)
            del a
            b = T(2)
            c = T(3)
            b.other = c
            c.other = b
            del b, c
            print("before collect")
            print(gc.collect() > 0)
            for o in gc.garbage:
                o.other = None
            del gc.garbage[:]
            print("end")
            """;
        var run = ProgramRun.Of(profile, source);
        var expected = profile == "py27"
            ? "del 1\nbefore collect\nTrue\ndel 2\nend\ndel 3\n"
            : "del 1\nbefore collect\ndel 2\ndel 3\nTrue\nend\n";
        Assert.Equal(expected, run.Stdout);
    }

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void TracebackFramesKeepTheirLocalsReadableThroughFLocals(string profile)
    {
        const string source = """
            from __future__ import print_function
            import sys
            def inner():
                secret = 42
                raise ValueError("x")
            try:
                inner()
            except ValueError:
                tb = sys.exc_info()[2]
            print(tb.tb_next.tb_frame.f_locals["secret"], tb.tb_next.tb_lineno)
            del tb
            """;
        Assert.Equal("42 5\n", ProgramRun.Of(profile, source).Stdout);
    }

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void ClassesWithPropertiesClassAndStaticMethodsAndSuper(string profile)
    {
        const string source = """
            from __future__ import print_function
            class A(object):
                @staticmethod
                def s(v):
                    return v * 2
                @classmethod
                def c(cls):
                    return cls.__name__
                @property
                def p(self):
                    return self._p
                @p.setter
                def p(self, v):
                    self._p = v
                def m(self):
                    return "A"
            class B(A):
                __slots__ = ()
                def m(self):
                    return "B" + super(B, self).m()
            b = B()
            b.p = 7
            print(A.s(2), b.c(), b.p, b.m())
            """;
        Assert.Equal("4 B 7 BA\n", ProgramRun.Of(profile, source).Stdout);
    }

    [Theory]
    [InlineData("py27", "import json", "NotImplementedError: Refheap does not support the standard library module 'json' (prog.py, line 1): its Python has gc, sys, weakref, functools, time, objgraph, guppy and .py files beside the program")]
    [InlineData("py27", "x = 1\nimport cPickle", "NotImplementedError: Refheap does not support the standard library module 'cPickle' (prog.py, line 2): its Python has gc, sys, weakref, functools, time, objgraph, guppy and .py files beside the program")]
    [InlineData("py312", "x = 1\nimport collections", "NotImplementedError: Refheap does not support the standard library module 'collections' (prog.py, line 2): its Python has gc, sys, weakref, functools, time, objgraph, guppy, tracemalloc and .py files beside the program")]
    [InlineData("py27", "import no_such_module", "ImportError: No module named no_such_module")]
    [InlineData("py312", "import no_such_module", "ModuleNotFoundError: No module named 'no_such_module'")]
    [InlineData("py312", "import cPickle", "ModuleNotFoundError: No module named 'cPickle'")]
    public void StandardModuleRefheapLacksIsNotImplementedAndAnUnknownOneIsNotFound(string profile, string source, string last)
    {
        var run = ProgramRun.Of(profile, source + "\n");
        Assert.Equal(1, run.ExitCode);
        // 3.12 names the program by its full path, as its tracebacks do.
        Assert.Equal(last, System.Text.RegularExpressions.Regex.Replace(run.LastErrorLine, @"\((/[^,]*/)?prog\.py,", "(prog.py,"));
    }

    [Fact]
    public void AProgramsOwnModuleShadowsTheStandardLibrarysAsOnSysPathZero()
    {
        var directory = Directory.CreateTempSubdirectory("refheap-import-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "json.py"), "def dumps(x):\n    return 'mine'\n");
            var run = ProgramRun.Of("py312", "import json\nprint(json.dumps(1))\n", Path.Combine(directory.FullName, "main.py"));
            Assert.Equal("", run.Stderr);
            Assert.Equal("mine\n", run.Stdout);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void ImportsAModuleBesideTheProgram()
    {
        var directory = Directory.CreateTempSubdirectory("refheap-import-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "helper.py"), "VALUE = 5\ndef double(x):\n    return 2 * x\n");
            var program = Path.Combine(directory.FullName, "main.py");
            var run = ProgramRun.Of("py312", "from helper import VALUE, double\nimport helper\nif __name__ == '__main__':\n    print(double(VALUE), helper.VALUE)\n", program);
            Assert.Equal("", run.Stderr);
            Assert.Equal("10 5\n", run.Stdout);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void YieldFromDelegatesSendsAndReturnsTheSubgeneratorsValue()
    {
        const string source = """
            def inner():
                x = yield 1
                print("inner got", x)
                yield 2
                return "done"
            def outer():
                r = yield from inner()
                print("inner returned", r)
                yield from [10, 20]
                return 5
            g = outer()
            print(next(g))
            print(g.send("hi"))
            print(list(g))
            a, *rest = [1, 2, 3]
            *init, last = "abc"
            print(a, rest, init, last)
            """;
        var run = ProgramRun.Of("py312", source);
        Assert.Equal("", run.Stderr);
        Assert.Equal("1\ninner got hi\n2\ninner returned done\n[10, 20]\n1 [2, 3] ['a', 'b'] c\n", run.Stdout);
    }

    [Theory]
    [InlineData("py27", "collected 4\ngarbage ['generator']\n")]
    [InlineData("py312", "finally ran\ncollected 0\ngarbage []\n")]
    public void SuspendedGeneratorInACycleIsFinalizedPerProfile(string profile, string expected)
    {
        const string source = """
            from __future__ import print_function
            import gc
            gc.disable()
            class Box(object):
                pass
            def looping(box):
                try:
                    yield box
                finally:
                    print("finally ran")
            box = Box()
            g = looping(box)
            box.gen = g
            next(g)
            del g, box
            print("collected", gc.collect())
            print("garbage", [type(o).__name__ for o in gc.garbage])
            for gen in gc.garbage:
                gen.gi_frame.f_locals["box"].gen = None
            del gc.garbage[:]
            """;
        var run = ProgramRun.Of(profile, source);
        Assert.StartsWith(expected, run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Py.Both), MemberType = typeof(Py))]
    public void ProgramsRunOneAfterAnotherOnOneRuntimeStartFresh(string profile)
    {
        using var runtime = new Refheap.Runtime(Profile.FromName(profile), new RuntimeOptions { DebugAllocator = true, HeapLimit = 1L << 30 });
        runtime.Gc.Collect();
        var start = runtime.TakeCensus();
        const string changer = "import gc, sys\ngc.disable()\ngc.set_threshold(5)\nsys.setrecursionlimit(50)\nclass A(object):\n    pass\nkept = [A() for _ in range(3)]\n";
        const string reader = "from __future__ import print_function\nimport gc, sys\nprint(gc.isenabled(), gc.get_threshold()[0], sys.getrecursionlimit())\n";
        var output = new StringWriter();
        Assert.Equal(0, Refheap.Python.Execution.PythonProgram.Run(runtime, changer, "changer.py", [], output, output));
        Assert.Equal(0, Refheap.Python.Execution.PythonProgram.Run(runtime, reader, "reader.py", [], output, output));
        Assert.Equal("True 700 1000\n", output.ToString());
        runtime.Gc.Collect();
        Assert.True(runtime.TakeCensus().SameObjectsAs(start));
    }
}
