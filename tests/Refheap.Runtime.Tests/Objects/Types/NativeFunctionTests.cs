namespace Refheap.RuntimeTests.Objects.Types;

public sealed class NativeFunctionTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_function_reprs_as_a_built_in_function(string profile)
    {
        // python2.7 / python3.12: repr(len) → <built-in function len>
        Leaks.Check(profile, rt =>
        {
            var f = rt.Function("f", args => rt.None);
            Assert.Equal("<built-in function f>", f.Repr());
            Assert.Equal("<built-in function f>", rt.Str(f));
            Assert.Equal("builtin_function_or_method", f.TypeName);

            // python2.7: len.__name__ → 'len'; len.__self__ → None (3.12: the builtins module)
            Assert.Equal("f", rt.ToText(f.GetAttr("__name__")));
            Assert.True(f.GetAttr("__self__").Is(rt.None));
            ClassTests.AssertAttributeError("'builtin_function_or_method' object has no attribute 'x'", () => f.GetAttr("x"));
            Assert.True(rt.Gc.IsTracked(f));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_function_receives_its_positional_arguments_and_returns_a_value(string profile)
    {
        Leaks.Check(profile, rt =>
        {
            var add = rt.Function("add", args => rt.Int(rt.ToInt64(args[0]) + rt.ToInt64(args[1])));
            Assert.Equal(5, rt.ToInt64(add.Call(rt.Int(2), rt.Int(3))));

            // A body that returns nothing (a default handle) returns None.
            var nothing = rt.Function("nothing", args => default);
            Assert.True(nothing.Call().Is(rt.None));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_method_binds_to_the_instance_it_is_read_through_and_receives_it(string profile)
    {
        // python2.7 / python3.12: [].append → <built-in method append of list object at 0x...>
        Leaks.Check(profile, rt =>
        {
            var describe = rt.Method("describe", (self, args) => rt.Str($"{rt.ToText(self.GetAttr("title"))} x{args.Length}"));
            var cls = rt.DefineClass("Task", new Dictionary<string, Handle> { ["describe"] = describe });
            var t = rt.Call(cls);
            t.SetAttr("title", rt.Str("write"));
            var bound = t.GetAttr("describe");
            Assert.False(bound.Is(describe));
            Assert.Equal($"<built-in method describe of Task object at 0x{t.Id:x}>", bound.Repr());
            Assert.Equal("write x0", rt.ToText(bound.Call()));
            Assert.True(bound.GetAttr("__self__").Is(t));
            Assert.Equal("describe", rt.ToText(bound.GetAttr("__name__")));
            Assert.Equal("write x2", rt.ToText(bound.Call(rt.Int(1), rt.Int(2))));

            // Read through the class, the method does not bind.
            Assert.True(cls.GetAttr("describe").Is(describe));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_function_in_a_class_dict_does_not_bind(string profile)
    {
        // As a builtin function stored on a class: class T(object): f = len; T().f is len → True
        Leaks.Check(profile, rt =>
        {
            var count = rt.Function("count", args => rt.Int(args.Length));
            var cls = rt.DefineClass("Task", new Dictionary<string, Handle> { ["count"] = count });
            var t = rt.Call(cls);
            Assert.True(t.GetAttr("count").Is(count));
            Assert.Equal(0, rt.ToInt64(t.GetAttr("count").Call()));
            Assert.Equal(1, rt.ToInt64(t.GetAttr("count").Call(t)));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_bound_method_stored_on_its_instance_is_a_cycle_the_collector_frees(string profile)
    {
        // python: t.cb = t.describe  (the bound method holds t; t's dict holds the method)
        using var rt = TestRuntimes.Create(profile);
        var start = Leaks.Start(rt);
        Handle cls;
        using (rt.OpenScope())
        {
            cls = rt.DefineClass("Task", new Dictionary<string, Handle> { ["describe"] = rt.Method("describe", (self, args) => rt.None) });
            var persistent = rt.Persist(cls);
            using (rt.OpenScope())
            {
                var t = rt.Call(cls);
                t.SetAttr("cb", t.GetAttr("describe"));
            }

            Assert.Equal(1, rt.LiveInstances(cls));
            rt.Gc.Collect();
            Assert.Equal(0, rt.LiveInstances(cls));
            persistent.Dispose();
        }

        Leaks.AssertBackTo(rt, start);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Argument_handles_live_only_for_the_call(string profile)
    {
        Leaks.Check(profile, rt =>
        {
            Handle kept = default;
            var f = rt.Function("f", args =>
            {
                kept = args[0];
                return args[0];
            });
            var result = f.Call(rt.Str("x"));
            Assert.Equal("x", rt.ToText(result));
            Assert.Throws<ObjectDisposedException>(() => rt.ToText(kept));
        });
    }
}
