namespace Refheap.RuntimeTests.Api;

public class BadInputTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Missing_attribute_raises_AttributeError_and_the_heap_stays_usable(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("Task");
        var task = rt.Call(cls);
        var e = Assert.Throws<PythonException>(() => task.GetAttr("missing"));
        Assert.Equal("AttributeError", e.TypeName);
        Assert.Equal("'Task' object has no attribute 'missing'", e.PythonMessage);
        task.SetAttr("name", rt.Str("ok"));
        Assert.Equal("ok", rt.ToText(task.GetAttr("name")));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Missing_key_raises_KeyError_with_the_key(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var d = rt.Dict();
        var e = Assert.Throws<PythonException>(() => rt.GetItem(d, rt.Str("k")));
        Assert.Equal("KeyError", e.TypeName);
        Assert.Equal("'k'", e.PythonMessage);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Unhashable_key_raises_TypeError(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var e = Assert.Throws<PythonException>(() => rt.SetItem(rt.Dict(), rt.List(), rt.None));
        Assert.Equal("TypeError", e.TypeName);
        Assert.Equal("unhashable type: 'list'", e.PythonMessage);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Calling_a_non_callable_raises_TypeError(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var e = Assert.Throws<PythonException>(() => rt.Call(rt.Int(3)));
        Assert.Equal("TypeError", e.TypeName);
        Assert.Equal("'int' object is not callable", e.PythonMessage);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Arguments_to_a_class_without_init_raise_TypeError(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("Task");
        var e = Assert.Throws<PythonException>(() => rt.Call(cls, rt.Int(1)));
        Assert.Equal("TypeError", e.TypeName);

        // python2.7: object() takes no parameters; python3.12: Task() takes no arguments
        Assert.Equal(profile == "py27" ? "object() takes no parameters" : "Task() takes no arguments", e.PythonMessage);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_list_beyond_the_heap_limit_raises_MemoryError_and_leaves_the_heap_intact(string profile)
    {
        using var rt = TestRuntimes.Create(profile, heapLimit: 64L << 20);
        using var scope = rt.OpenScope();
        var list = rt.List();
        var none = rt.None;
        var e = Assert.Throws<PythonException>(() =>
        {
            for (var i = 0; i < 100_000_000; i++)
            {
                rt.Append(list, none);
            }
        });
        Assert.Equal("MemoryError", e.TypeName);
        Assert.True(rt.Length(list) > 0);
        Assert.Equal("ok", rt.ToText(rt.Str("ok")));
    }

    [Fact]
    public void A_CSharp_exception_in_a_callable_becomes_a_Python_exception()
    {
        using var rt = TestRuntimes.Create("py312");
        using var scope = rt.OpenScope();
        var f = rt.Function("boom", _ => throw new PythonException("ValueError", "bad value"));
        var e = Assert.Throws<PythonException>(() => f.Call());
        Assert.Equal("ValueError", e.TypeName);
        Assert.Equal("bad value", e.PythonMessage);
    }

    [Fact]
    public void Runtimes_are_isolated()
    {
        using var a = TestRuntimes.Create("py27");
        using var b = TestRuntimes.Create("py312");
        using var sa = a.OpenScope();
        using var sb = b.OpenScope();
        var ca = a.DefineClass("A");
        a.Call(ca);
        a.Gc.Disable();
        Assert.True(b.Gc.IsEnabled);
        Assert.Equal(0, b.TakeCensus().Count("__main__.A"));
        Assert.Equal(1, a.TakeCensus().Count("__main__.A"));
    }
}
