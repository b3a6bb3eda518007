namespace Refheap.RuntimeTests.Objects.Types;

/// <summary>The type attribute cache: answers are dropped when a class or a base changes, and never cross runtimes.</summary>
public sealed class TypeAttributeCacheTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void AChangeToABaseIsSeenThroughASubclassLookedUpBefore(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var baseClass = rt.DefineClass("Base");
        var child = rt.DefineClass("Child", bases: [baseClass]);
        var instance = child.Call();
        Assert.False(rt.HasAttr(instance, "colour"));          // cached: absent

        baseClass.SetAttr("colour", rt.Str("red"));
        Assert.Equal("red", instance.GetAttr("colour").ToString());

        child.SetAttr("colour", rt.Str("blue"));
        Assert.Equal("blue", instance.GetAttr("colour").ToString());

        child.DelAttr("colour");
        baseClass.DelAttr("colour");
        Assert.False(rt.HasAttr(instance, "colour"));
    }

    [Fact]
    public void AnswersOfOneRuntimeNeverReachAnotherOnTheSameThread()
    {
        for (var i = 0; i < 20; i++)
        {
            using var rt = TestRuntimes.Create(i % 2 == 0 ? "py27" : "py312");
            using var scope = rt.OpenScope();
            var task = rt.DefineClass("Task");
            var t = task.Call();
            if (i % 3 == 0)
            {
                task.SetAttr("kind", rt.Int(i));
                Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), t.GetAttr("kind").ToString());
            }
            else
            {
                Assert.False(rt.HasAttr(t, "kind"));
            }
        }
    }
}
