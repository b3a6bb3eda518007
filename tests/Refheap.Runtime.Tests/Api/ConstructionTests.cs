namespace Refheap.RuntimeTests.Api;

/// <summary>Calling a class: <c>__init__</c> runs when one is found, object.__init__ (which does nothing) is skipped.</summary>
public class ConstructionTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void An_init_assigned_to_a_class_later_runs_and_deleting_it_stops_it(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("R");
        var calls = 0;
        _ = rt.Call(cls);

        rt.SetAttr(cls, "__init__", rt.Method("__init__", (self, args) =>
        {
            calls++;
            return default;
        }));
        _ = rt.Call(cls);
        _ = rt.Call(cls, rt.Int(1));
        Assert.Equal(2, calls);

        rt.DelAttr(cls, "__init__");
        _ = rt.Call(cls);
        Assert.Equal(2, calls);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void An_init_assigned_to_a_base_later_runs_for_a_subclass_made_before(string profile)
    {
        // Each class remembers that its __init__ is object's only until it or a base changes.
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var baseClass = rt.DefineClass("Base");
        var child = rt.DefineClass("Child", bases: [baseClass]);
        var calls = 0;
        _ = rt.Call(child);
        _ = rt.Call(child);

        rt.SetAttr(baseClass, "__init__", rt.Method("__init__", (self, args) =>
        {
            calls++;
            return default;
        }));
        _ = rt.Call(child);
        Assert.Equal(1, calls);

        rt.DelAttr(baseClass, "__init__");
        _ = rt.Call(child);
        Assert.Equal(1, calls);
        Assert.Equal(4, rt.LiveInstances(child));
    }

    [Theory]
    [InlineData("py27", "object() takes no parameters")]
    [InlineData("py312", "R() takes no arguments")]
    public void Arguments_still_reach_object_init_and_raise_TypeError(string profile, string message)
    {
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var cls = rt.DefineClass("R");
        _ = rt.Call(cls);

        var e = Assert.Throws<PythonException>(() => rt.Call(cls, rt.Int(1)));
        Assert.Equal(("TypeError", message), (e.TypeName, e.PythonMessage));
        Assert.Equal(1, rt.LiveInstances(cls)); // the first one: the refused instance is gone
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_subclass_runs_its_bases_init(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var seen = new List<string>();
        var baseClass = rt.DefineClass("Base", new Dictionary<string, Handle>
        {
            ["__init__"] = rt.Method("__init__", (self, args) =>
            {
                seen.Add(self.TypeName);
                return default;
            }),
        });
        var sub = rt.DefineClass("Sub", bases: [baseClass]);

        _ = rt.Call(sub);
        _ = rt.Call(rt.DefineClass("Plain"));
        Assert.Equal(["__main__.Sub"], seen);
    }
}
