namespace Refheap.RuntimeTests.Gc;

/// <summary>Heavy cases: run with <c>dotnet test --filter Category=Stress</c>.</summary>
[Trait("Category", "Stress")]
public class StressTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_ten_million_object_chain_is_freed_without_a_stack_overflow(string profile)
    {
        using var rt = new Runtime(Profile.FromName(profile));
        using var root = rt.OpenScope();
        var node = rt.DefineClass("Node", new Dictionary<string, Handle> { ["__slots__"] = rt.Str("next") });
        var zero = rt.Int(0);
        using (rt.OpenScope())
        {
            var holder = rt.List(rt.Call(node));
            using var gil = rt.Enter();
            for (var i = 1; i < 10_000_000; i++)
            {
                using var step = rt.OpenScope();
                var n = rt.Call(node);
                n.SetAttr("next", holder[zero]);
                holder[zero] = n;
            }

            Assert.Equal(10_000_000, rt.LiveInstances(node));
        }

        Assert.Equal(0, rt.LiveInstances(node));
    }
}
