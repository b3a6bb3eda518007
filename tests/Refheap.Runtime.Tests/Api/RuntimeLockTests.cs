namespace Refheap.RuntimeTests.Api;

/// <summary>
/// The runtime lock: every call takes it unless its thread holds it already (a batch under
/// <c>Enter</c>, a callback), so a call from another thread always waits for the holder.
/// </summary>
public class RuntimeLockTests
{
    private static readonly TimeSpan DeadlockGuard = TimeSpan.FromMinutes(1);

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_call_from_another_thread_waits_until_the_batch_holding_the_lock_ends(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        using var calling = new ManualResetEventSlim();
        var released = false;
        bool? releasedWhenCallReturned = null;
        var other = new Thread(() =>
        {
            calling.Set();
            using var scope = rt.OpenScope();
            releasedWhenCallReturned = Volatile.Read(ref released);
            _ = rt.Dict();
        });

        using (rt.Enter())
        {
            using var scope = rt.OpenScope();
            other.Start();
            Assert.True(calling.Wait(DeadlockGuard));

            // Work while holding the lock; the other thread's call cannot run meanwhile.
            for (var i = 0; i < 20; i++)
            {
                _ = rt.Int(i + 1000);
                Thread.Sleep(1);
            }

            Volatile.Write(ref released, true);
        }

        Assert.True(other.Join(DeadlockGuard));
        Assert.True(releasedWhenCallReturned);
    }

    [Fact]
    public void Nested_batches_release_the_lock_when_the_outermost_ends()
    {
        using var rt = TestRuntimes.Create("py312");
        using (rt.Enter())
        {
            using (rt.Enter())
            {
                using var scope = rt.OpenScope();
                _ = rt.Int(1);
            }

            using var after = rt.OpenScope();
            _ = rt.Int(2);
        }

        Assert.True(RunsOnAnotherThread(rt));
    }

    [Fact]
    public void Disposing_a_batch_twice_releases_the_lock_once()
    {
        using var rt = TestRuntimes.Create("py27");
        var outer = rt.Enter();
        var inner = rt.Enter();
        inner.Dispose();
        inner.Dispose();
        Assert.False(RunsOnAnotherThread(rt, TimeSpan.FromMilliseconds(200)));
        outer.Dispose();
        Assert.True(RunsOnAnotherThread(rt));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_call_that_raises_releases_the_lock_it_took(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        using (var scope = rt.OpenScope())
        {
            Assert.Throws<PythonException>(() => rt.GetItem(rt.Dict(), rt.Int(1)));
            Assert.Throws<ArgumentException>(() => rt.Repr(default));
        }

        Assert.True(RunsOnAnotherThread(rt));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_callback_the_runtime_runs_can_call_back_into_it(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var f = rt.Function("twice", args => rt.Call(rt.Function("inner", inner => rt.Int(rt.ToInt64(inner[0]) * 2)), args[0]));

        Assert.Equal(42, rt.ToInt64(f.Call(rt.Int(21))));
        Assert.True(RunsOnAnotherThread(rt));
    }

    [Fact]
    public void Handles_made_by_threads_taking_turns_stay_in_their_own_threads_scopes()
    {
        using var rt = TestRuntimes.Create("py312");
        using var scope = rt.OpenScope();
        var list = rt.List();
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                using var mine = rt.OpenScope();
                rt.Append(list, rt.Int((t * 1000) + i));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => Assert.True(t.Join(DeadlockGuard)));

        Assert.Equal(800, rt.Length(list));
        Assert.Equal(1, rt.RefCount(list));
    }

    /// <summary>Whether another thread can make a call within <paramref name="wait"/> (default: the deadlock guard).</summary>
    private static bool RunsOnAnotherThread(Runtime rt, TimeSpan? wait = null)
    {
        using var done = new ManualResetEventSlim();
        var t = new Thread(() =>
        {
            using var scope = rt.OpenScope();
            _ = rt.Int(7);
            done.Set();
        })
        { IsBackground = true };
        t.Start();
        return done.Wait(wait ?? DeadlockGuard);
    }
}
