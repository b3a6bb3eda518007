namespace Refheap.RuntimeTests.Api;

public class HandleScopeTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_handle_used_after_its_scope_closed_throws_ObjectDisposedException(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        Handle stale;
        using (rt.OpenScope())
        {
            stale = rt.Str("hello");
        }

        using var scope = rt.OpenScope();
        _ = rt.Str("reuses the slot");
        Assert.Throws<ObjectDisposedException>(() => rt.Repr(stale));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Closing_a_scope_frees_the_objects_only_it_referenced(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        using var outer = rt.OpenScope();
        var cls = rt.DefineClass("Thing");
        using (rt.OpenScope())
        {
            rt.Call(cls);
            rt.Call(cls);
            Assert.Equal(2, rt.LiveInstances(cls));
        }

        Assert.Equal(0, rt.LiveInstances(cls));
    }

    [Fact]
    public void Making_a_handle_without_a_scope_is_an_InvalidOperationException()
    {
        using var rt = TestRuntimes.Create("py312");
        Assert.Throws<InvalidOperationException>(() => rt.Int(1));
    }

    [Fact]
    public void A_persistent_handle_keeps_its_object_beyond_scopes_until_disposed()
    {
        using var rt = TestRuntimes.Create("py27");
        PersistentHandle kept;
        Handle cls;
        using var root = rt.OpenScope();
        cls = rt.DefineClass("Kept");
        using (rt.OpenScope())
        {
            kept = rt.Persist(rt.Call(cls));
        }

        Assert.Equal(1, rt.LiveInstances(cls));
        using (rt.OpenScope())
        {
            Assert.Equal("Kept", rt.GetAttr(rt.GetAttr(kept.Get(), "__class__"), "__name__").ToString());
        }

        kept.Dispose();
        Assert.Equal(0, rt.LiveInstances(cls));
        Assert.Throws<ObjectDisposedException>(() => kept.Get());
    }

    [Fact]
    public void A_handle_from_another_runtime_is_rejected()
    {
        using var a = TestRuntimes.Create("py27");
        using var b = TestRuntimes.Create("py27");
        using var sa = a.OpenScope();
        using var sb = b.OpenScope();
        var x = a.Int(5);
        Assert.Throws<ArgumentException>(() => b.Repr(x));
    }

    [Fact]
    public void Scopes_of_different_threads_do_not_close_each_others_handles()
    {
        using var rt = TestRuntimes.Create("py312");
        using var aOpened = new ManualResetEventSlim();
        using var bOpened = new ManualResetEventSlim();
        using var aClosed = new ManualResetEventSlim();
        string? seenByB = null;
        var a = new Thread(() =>
        {
            using (rt.OpenScope())
            {
                _ = rt.Str("a");
                aOpened.Set();
                bOpened.Wait();
            }

            aClosed.Set();
        });
        var b = new Thread(() =>
        {
            aOpened.Wait();
            using var scope = rt.OpenScope();
            var mine = rt.Str("b");
            bOpened.Set();
            aClosed.Wait();
            seenByB = rt.ToText(mine);
        });
        a.Start();
        b.Start();
        a.Join();
        b.Join();
        Assert.Equal("b", seenByB);
    }
}
