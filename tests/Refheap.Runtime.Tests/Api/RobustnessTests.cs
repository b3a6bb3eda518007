namespace Refheap.RuntimeTests.Api;

/// <summary>Nothing a user does from the API crashes the process: deep structures, re-entrant disposal, errors crossing callbacks.</summary>
public class RobustnessTests
{
    [Theory]
    [InlineData("py27", "RuntimeError")]
    [InlineData("py312", "RecursionError")]
    public void The_repr_of_a_deeply_nested_list_raises_the_profiles_recursion_error(string profile, string error)
    {
        // CPython: l = []; for i in range(100000): l = [l]; repr(l)
        //   2.7:  RuntimeError: maximum recursion depth exceeded while getting the repr of an object
        //   3.12: RecursionError: maximum recursion depth exceeded while getting the repr of an object
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var nested = Nest(rt, 100_000, list: true);
        var e = Assert.Throws<PythonException>(() => rt.Repr(nested));
        Assert.Equal(error, e.TypeName);
        Assert.Equal("maximum recursion depth exceeded while getting the repr of an object", e.PythonMessage);
        Assert.Equal("[[[]]]", rt.Repr(Nest(rt, 2, list: true)));
    }

    [Theory]
    [InlineData("py27", "maximum recursion depth exceeded in cmp")]
    [InlineData("py312", "maximum recursion depth exceeded in comparison")]
    public void Comparing_deeply_nested_tuples_raises_instead_of_overflowing_the_stack(string profile, string message)
    {
        // CPython: t = (); for i in range(100000): t = (t,); t == t[0]
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var a = Nest(rt, 100_000, list: false);
        var b = Nest(rt, 100_000, list: false);
        var e = Assert.Throws<PythonException>(() => rt.AreEqual(a, b));
        Assert.Equal(message, e.PythonMessage);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Hashing_a_deeply_nested_tuple_never_crashes(string profile)
    {
        // CPython hashes this one (its C stack is deep enough); Refheap raises RecursionError
        // when the .NET stack runs low instead of crashing.
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var t = Nest(rt, 200_000, list: false);
        try
        {
            rt.SetItem(rt.Dict(), t, rt.None);
        }
        catch (PythonException e)
        {
            Assert.StartsWith("maximum recursion depth exceeded", e.PythonMessage);
        }

        Assert.Equal("ok", rt.ToText(rt.Str("ok")));
    }

    [Fact]
    public void Disposing_a_runtime_from_inside_its_own_callback_is_refused()
    {
        using var rt = TestRuntimes.Create("py312");
        using var scope = rt.OpenScope();
        var f = rt.Function("dispose", _ =>
        {
            rt.Dispose();
            return rt.None;
        });
        var e = Assert.Throws<PythonException>(() => f.Call());
        Assert.Equal("SystemError", e.TypeName);
        Assert.Contains("cannot be disposed from inside a call it is running", e.PythonMessage);
        Assert.Equal(3, rt.ToInt64(rt.Int(3)));
    }

    [Fact]
    public void An_exception_passing_through_a_callback_keeps_its_instance()
    {
        using var rt = TestRuntimes.Create("py312");
        using var scope = rt.OpenScope();
        nint inner = 0;
        var f = rt.Function("lookup", _ =>
        {
            try
            {
                return rt.GetItem(rt.Dict(), rt.Str("missing"));
            }
            catch (PythonException e)
            {
                inner = e.Exception.Id;
                throw;
            }
        });
        var outer = Assert.Throws<PythonException>(() => f.Call());
        Assert.Equal("KeyError", outer.TypeName);
        Assert.Equal(inner, outer.Exception.Id);
    }

    private static Handle Nest(Runtime rt, int depth, bool list)
    {
        var holder = rt.List(list ? rt.List() : rt.Tuple());
        var zero = rt.Int(0);
        using var gil = rt.Enter();
        for (var i = 0; i < depth; i++)
        {
            using var step = rt.OpenScope();
            var inner = holder[zero];
            holder[zero] = list ? rt.List(inner) : rt.Tuple(inner);
        }

        return holder[zero];
    }
}
