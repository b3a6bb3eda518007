namespace Refheap.RuntimeTests.Objects.Types;

public sealed class FinalizerTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_C_sharp___del___runs_when_the_count_reaches_zero(string profile)
    {
        // python2.7 / python3.12: class R(object): def __del__(self): log.append(1)
        //   r = R(); del r → log == [1] at once, without a collection
        using var rt = TestRuntimes.Create(profile);
        var start = Leaks.Start(rt);
        var calls = 0;
        var cls = default(Handle);
        using (rt.OpenScope())
        {
            cls = rt.DefineClass("R", new Dictionary<string, Handle>
            {
                ["__del__"] = rt.Method("__del__", (self, args) =>
                {
                    calls++;
                    Assert.Equal("__main__.R", self.TypeName);
                    return default;
                }),
            });
            using (rt.OpenScope())
            {
                rt.Call(cls);
                Assert.Equal(0, calls);
            }

            Assert.Equal(1, calls);
            Assert.Equal(0, rt.LiveInstances(cls));
        }

        Leaks.AssertBackTo(rt, start);
        Assert.Equal(1, calls);
    }

    [Theory]
    // python2.7:  keep = []; calls = [0]
    //             class R(object):
    //                 def __del__(self): calls[0] += 1; keep.append(self)
    //             r = R(); del r       → calls 1, len(keep) 1   (resurrected)
    //             keep.pop()           → calls 2, len(keep) 1   (2.7 runs __del__ at every death)
    //             keep.pop()           → calls 3, len(keep) 1
    // python3.12: the same program    → 1 1, then 1 0, then 1 0: PEP 442 finalizes an object
    //             once; gc.is_finalized(r) is False before and True after.
    [InlineData("py27", new[] { 1, 2, 3 }, new[] { 1, 1, 1 })]
    [InlineData("py312", new[] { 1, 1, 1 }, new[] { 1, 0, 0 })]
    public void A___del___that_stores_self_resurrects_it_and_runs_again_only_in_27(string profile, int[] callsAfter, int[] keptAfter)
    {
        using var rt = TestRuntimes.Create(profile);
        var start = Leaks.Start(rt);
        var calls = 0;
        using (rt.OpenScope())
        {
            var keep = rt.List();
            var cls = rt.DefineClass("R", new Dictionary<string, Handle>
            {
                ["__del__"] = rt.Method("__del__", (self, args) =>
                {
                    calls++;

                    // Resurrect while the test goes on; at the end let it die.
                    if (calls <= 3)
                    {
                        rt.Append(keep, self);
                    }

                    return default;
                }),
            });

            using (rt.OpenScope())
            {
                var r = rt.Call(cls);
                if (profile == "py312")
                {
                    Assert.False(rt.Gc.IsFinalized(r));
                }
            }

            for (var step = 0; step < 3; step++)
            {
                if (step > 0 && rt.Length(keep) > 0)
                {
                    rt.DelItem(keep, rt.Int(-1));
                }

                Assert.Equal(callsAfter[step], calls);
                Assert.Equal(keptAfter[step], rt.Length(keep));
                Assert.Equal(keptAfter[step], rt.LiveInstances(cls));
                if (step == 0)
                {
                    // The resurrected object is whole: its attributes work and it is tracked.
                    using var look = rt.OpenScope();
                    var r = keep[rt.Int(0)];
                    r.SetAttr("alive", rt.Bool(true));
                    Assert.True(rt.Gc.IsTracked(r));
                    if (profile == "py312")
                    {
                        Assert.True(rt.Gc.IsFinalized(r));
                    }
                }
            }

            while (rt.Length(keep) > 0)
            {
                rt.DelItem(keep, rt.Int(-1));
            }

            Assert.Equal(0, rt.LiveInstances(cls));
        }

        Leaks.AssertBackTo(rt, start);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A___del___added_to_the_class_later_runs_and_removing_it_stops_it(string profile)
    {
        // python2.7 / python3.12 (update_slot keeps tp_del/tp_finalize current):
        //   class R(object): pass
        //   r = R(); R.__del__ = lambda self: log.append(1); del r → log == [1]
        //   del R.__del__; R(); → nothing more, also for a subclass made before
        using var rt = TestRuntimes.Create(profile);
        var start = Leaks.Start(rt);
        var calls = 0;
        using (rt.OpenScope())
        {
            var cls = rt.DefineClass("R");
            var sub = rt.DefineClass("SubR", bases: [cls]);
            using (rt.OpenScope())
            {
                rt.Call(cls);
                cls.SetAttr("__del__", rt.Method("__del__", (self, args) =>
                {
                    calls++;
                    return default;
                }));
            }

            Assert.Equal(1, calls);
            using (rt.OpenScope())
            {
                rt.Call(sub);
            }

            Assert.Equal(2, calls);
            cls.DelAttr("__del__");
            using (rt.OpenScope())
            {
                rt.Call(cls);
                rt.Call(sub);
            }

            Assert.Equal(2, calls);
        }

        Leaks.AssertBackTo(rt, start);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void An_exception_in___del___is_reported_and_not_raised(string profile)
    {
        // python2.7:  class R(object):
        //                 def __del__(self): raise ValueError('boom')
        //             r = R(); del r; print('after')   (stderr, then 'after')
        //   Exception ValueError: ValueError('boom',) in <bound method R.__del__ of <__main__.R object at 0x7faa18687e10>> ignored
        // python3.12: Exception ignored in: <function R.__del__ at 0x7fb0df040b80>
        //             Traceback (most recent call last): ...
        //             ValueError: boom
        using var rt = TestRuntimes.Create(profile);
        var start = Leaks.Start(rt);
        var report = new StringWriter();
        rt.Heap.UnraisableWriter = report;
        using (rt.OpenScope())
        {
            var cls = rt.DefineClass("R", new Dictionary<string, Handle>
            {
                ["__del__"] = rt.Method("__del__", (self, args) => throw new PythonException("ValueError", "boom")),
            });
            using (rt.OpenScope())
            {
                rt.Call(cls);
            }

            Assert.Equal(0, rt.LiveInstances(cls));
            Assert.Equal("ok", rt.ToText(rt.Str("ok")));
        }

        var lines = report.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        if (profile == "py27")
        {
            Assert.Matches(@"^Exception ValueError: ValueError\('boom',\) in <bound method R\.__del__ of <__main__\.R object at 0x[0-9a-f]+>> ignored$", Assert.Single(lines));
        }
        else
        {
            Assert.StartsWith("Exception ignored in: ", lines[0], StringComparison.Ordinal);
            Assert.Equal("Traceback (most recent call last):", lines[1]);
            Assert.Equal("ValueError: boom", lines[^1]);
        }

        Leaks.AssertBackTo(rt, start);
    }
}
