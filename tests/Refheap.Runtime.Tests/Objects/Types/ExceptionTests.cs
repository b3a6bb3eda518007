namespace Refheap.RuntimeTests.Objects.Types;

public sealed class ExceptionTests
{
    // python2.7 / python3.12: for n in names: print(n, ' '.join(k.__name__ for k in getattr(builtins, n).__mro__))
    // (None: the name does not exist in that version)
    public static TheoryData<string, string, string?> Hierarchy => new()
    {
        { "py27", "BaseException", "BaseException object" },
        { "py27", "SystemExit", "SystemExit BaseException object" },
        { "py27", "KeyboardInterrupt", "KeyboardInterrupt BaseException object" },
        { "py27", "GeneratorExit", "GeneratorExit BaseException object" },
        { "py27", "Exception", "Exception BaseException object" },
        { "py27", "StandardError", "StandardError Exception BaseException object" },
        { "py27", "StopIteration", "StopIteration Exception BaseException object" },
        { "py27", "OverflowError", "OverflowError ArithmeticError StandardError Exception BaseException object" },
        { "py27", "ZeroDivisionError", "ZeroDivisionError ArithmeticError StandardError Exception BaseException object" },
        { "py27", "AttributeError", "AttributeError StandardError Exception BaseException object" },
        { "py27", "IndexError", "IndexError LookupError StandardError Exception BaseException object" },
        { "py27", "KeyError", "KeyError LookupError StandardError Exception BaseException object" },
        { "py27", "MemoryError", "MemoryError StandardError Exception BaseException object" },
        { "py27", "UnboundLocalError", "UnboundLocalError NameError StandardError Exception BaseException object" },
        { "py27", "RuntimeError", "RuntimeError StandardError Exception BaseException object" },
        { "py27", "NotImplementedError", "NotImplementedError RuntimeError StandardError Exception BaseException object" },
        { "py27", "RecursionError", null },
        { "py27", "TypeError", "TypeError StandardError Exception BaseException object" },
        { "py27", "UnicodeError", "UnicodeError ValueError StandardError Exception BaseException object" },
        { "py27", "EnvironmentError", "EnvironmentError StandardError Exception BaseException object" },
        { "py27", "OSError", "OSError EnvironmentError StandardError Exception BaseException object" },
        { "py27", "IOError", "IOError EnvironmentError StandardError Exception BaseException object" },
        { "py27", "Warning", "Warning Exception BaseException object" },
        { "py312", "BaseException", "BaseException object" },
        { "py312", "SystemExit", "SystemExit BaseException object" },
        { "py312", "GeneratorExit", "GeneratorExit BaseException object" },
        { "py312", "Exception", "Exception BaseException object" },
        { "py312", "StandardError", null },
        { "py312", "StopIteration", "StopIteration Exception BaseException object" },
        { "py312", "OverflowError", "OverflowError ArithmeticError Exception BaseException object" },
        { "py312", "AttributeError", "AttributeError Exception BaseException object" },
        { "py312", "KeyError", "KeyError LookupError Exception BaseException object" },
        { "py312", "RuntimeError", "RuntimeError Exception BaseException object" },
        { "py312", "RecursionError", "RecursionError RuntimeError Exception BaseException object" },
        { "py312", "NotImplementedError", "NotImplementedError RuntimeError Exception BaseException object" },
        { "py312", "TypeError", "TypeError Exception BaseException object" },
        { "py312", "UnicodeError", "UnicodeError ValueError Exception BaseException object" },
        { "py312", "EnvironmentError", "OSError Exception BaseException object" },
        { "py312", "OSError", "OSError Exception BaseException object" },
        { "py312", "IOError", "OSError Exception BaseException object" },
        { "py312", "Warning", "Warning Exception BaseException object" },
    };

    [Theory]
    [MemberData(nameof(Hierarchy))]
    public void The_hierarchy_is_the_profiles(string profile, string name, string? mro)
    {
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        if (mro == null)
        {
            Assert.Null(rt.Heap.Types.Exceptions.Find(name));
            return;
        }

        Assert.Equal(mro, string.Join(' ', rt.ClassNames(rt.ExceptionClass(name).GetAttr("__mro__"))));
    }

    [Fact]
    public void Every_exception_class_of_a_profile_comes_after_its_base()
    {
        foreach (var profile in new[] { "py27", "py312" })
        {
            using var rt = TestRuntimes.Create(profile);
            var seen = new HashSet<string>();
            foreach (var e in rt.Heap.Types.Exceptions.All)
            {
                Assert.True(e.ExceptionBase == null || seen.Contains(e.ExceptionBase.Name), $"{e.Name} before {e.ExceptionBase?.Name}");
                Assert.True(seen.Add(e.Name), $"{e.Name} twice");
            }
        }
    }

    [Theory]
    // python2.7 / python3.12: print(repr(e), '|', str(e)) for each
    [InlineData("py27", "KeyError", "'a'", "KeyError('a',)", "'a'")]
    [InlineData("py312", "KeyError", "'a'", "KeyError('a')", "'a'")]
    [InlineData("py27", "KeyError", "", "KeyError()", "")]
    [InlineData("py312", "KeyError", "", "KeyError()", "")]
    [InlineData("py27", "KeyError", "''", "KeyError('',)", "''")]
    [InlineData("py312", "KeyError", "''", "KeyError('')", "''")]
    [InlineData("py27", "ValueError", "'x',1", "ValueError('x', 1)", "('x', 1)")]
    [InlineData("py312", "ValueError", "'x',1", "ValueError('x', 1)", "('x', 1)")]
    [InlineData("py27", "Exception", "'m'", "Exception('m',)", "m")]
    [InlineData("py312", "Exception", "'m'", "Exception('m')", "m")]
    [InlineData("py27", "IndexError", "3", "IndexError(3,)", "3")]
    [InlineData("py312", "IndexError", "3", "IndexError(3)", "3")]
    public void Repr_and_str_are_the_profiles(string profile, string type, string args, string repr, string str)
    {
        Leaks.Check(profile, rt =>
        {
            var arguments = args.Length == 0 ? [] : args.Split(',').Select(a => a.StartsWith('\'') ? rt.Str(a[1..^1]) : rt.Int(long.Parse(a, System.Globalization.CultureInfo.InvariantCulture))).ToArray();
            var e = rt.Call(rt.ExceptionClass(type), arguments);
            Assert.Equal(repr, e.Repr());
            Assert.Equal(str, rt.Str(e));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void An_error_in_an_arguments_repr_propagates_out_of_the_exceptions_repr(string profile)
    {
        // python2.7 / python3.12: class E(object): def __repr__(self): raise ValueError('no repr')
        //   repr(KeyError(E())) → ValueError: no repr
        Leaks.Check(profile, rt =>
        {
            var cls = rt.DefineClass("E", new Dictionary<string, Handle> { ["__repr__"] = rt.Method("__repr__", (self, args) => throw new PythonException("ValueError", "no repr")) });
            var e = rt.Call(rt.ExceptionClass("KeyError"), rt.Call(cls));
            var error = Assert.Throws<PythonException>(() => e.Repr());
            Assert.Equal(("ValueError", "no repr"), (error.TypeName, error.PythonMessage));
            error = Assert.Throws<PythonException>(() => rt.Call(rt.ExceptionClass("KeyError"), rt.Call(cls), rt.Int(1)).Repr());
            Assert.Equal("ValueError", error.TypeName);
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void The_arguments_are_readable_as_args(string profile)
    {
        // python2.7 / python3.12: KeyError('a').args → ('a',)
        Leaks.Check(profile, rt =>
        {
            var e = rt.Call(rt.ExceptionClass("KeyError"), rt.Str("a"));
            Assert.Equal("('a',)", e.GetAttr("args").Repr());
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void An_exception_instance_takes_attributes(string profile)
    {
        // python2.7 / python3.12: e = KeyError('a'); e.note = 1; e.note, e.__dict__ → 1 {'note': 1}
        Leaks.Check(profile, rt =>
        {
            var e = rt.Call(rt.ExceptionClass("KeyError"), rt.Str("a"));
            e.SetAttr("note", rt.Int(1));
            Assert.Equal(1, rt.ToInt64(e.GetAttr("note")));
            Assert.Equal("{'note': 1}", e.GetAttr("__dict__").Repr());
        });
    }

    [Theory]
    // python2.7 / python3.12: class MyError(ValueError): pass
    //   e = MyError('bad'); repr(e), str(e), e.args, isinstance(e, ValueError)
    //   → MyError('bad',) (2.7) / MyError('bad') (3.12), bad, ('bad',), True
    //   e = MyError('bad', 2) → MyError('bad', 2) | ('bad', 2)
    [InlineData("py27", "MyError('bad',)")]
    [InlineData("py312", "MyError('bad')")]
    public void A_user_subclass_of_an_exception_keeps_its_arguments(string profile, string repr)
    {
        Leaks.Check(profile, rt =>
        {
            var cls = rt.DefineClass("MyError", bases: [rt.ExceptionClass("ValueError")]);
            var e = rt.Call(cls, rt.Str("bad"));
            Assert.Equal(repr, e.Repr());
            Assert.Equal("bad", rt.Str(e));
            Assert.Equal("('bad',)", e.GetAttr("args").Repr());
            Assert.Equal("MyError('bad', 2)", rt.Call(cls, rt.Str("bad"), rt.Int(2)).Repr());
            Assert.Equal("<class '__main__.MyError'>", cls.Repr());
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_Python_exception_thrown_by_a_C_sharp_callable_arrives_with_its_type_and_message(string profile)
    {
        Leaks.Check(profile, rt =>
        {
            var f = rt.Function("lookup", args => throw new PythonException("LookupError", "nothing here"));
            var e = Assert.Throws<PythonException>(() => f.Call());
            Assert.Equal(("LookupError", "nothing here"), (e.TypeName, e.PythonMessage));

            // KeyError's str is the repr of its argument, as in CPython: raise KeyError('k') → KeyError: 'k'
            var g = rt.Function("get", args => throw new PythonException("KeyError", "k"));
            e = Assert.Throws<PythonException>(() => g.Call());
            Assert.Equal(("KeyError", "'k'"), (e.TypeName, e.PythonMessage));

            // Through a second C# callable: the error passes through unchanged.
            var outer = rt.Function("outer", args => rt.Call(f));
            e = Assert.Throws<PythonException>(() => outer.Call());
            Assert.Equal(("LookupError", "nothing here"), (e.TypeName, e.PythonMessage));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Any_other_CSharp_exception_becomes_a_SystemError(string profile)
    {
        Leaks.Check(profile, rt =>
        {
            var f = rt.Function("broken", args => throw new InvalidOperationException("bad state"));
            var e = Assert.Throws<PythonException>(() => f.Call());
            Assert.Equal("SystemError", e.TypeName);
            Assert.Contains("bad state", e.PythonMessage, StringComparison.Ordinal);
            Assert.Equal("ok", rt.ToText(rt.Str("ok")));
        });
    }

    [Fact]
    public void Recursion_error_name_is_the_profiles()
    {
        using var py27 = TestRuntimes.Create("py27");
        using var py312 = TestRuntimes.Create("py312");
        Assert.Equal("RuntimeError", py27.Heap.Types.Exceptions.RecursionError.Name);
        Assert.Equal("RecursionError", py312.Heap.Types.Exceptions.RecursionError.Name);
        Assert.Equal(py27.Profile.RecursionErrorName, py27.Heap.Types.Exceptions.RecursionError.Name);
        Assert.Equal(py312.Profile.RecursionErrorName, py312.Heap.Types.Exceptions.RecursionError.Name);
    }

    [Theory]
    // python2.7: repr(ValueError) → <type 'exceptions.ValueError'>; python3.12: <class 'ValueError'>
    [InlineData("py27", "<type 'exceptions.ValueError'>")]
    [InlineData("py312", "<class 'ValueError'>")]
    public void A_built_in_exception_class_reprs_as_in_CPython(string profile, string expected)
    {
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        Assert.Equal(expected, rt.ExceptionClass("ValueError").Repr());
    }
}
