using static Refheap.RuntimeTests.Weak.WeakContainerKit;

namespace Refheap.RuntimeTests.Weak;

/// <summary>
/// weakref.finalize against CPython 3.12.1 (2.7 has none). Each test quotes the program behind
/// its expectations, after
/// <code>
/// import weakref, gc
/// class A(object): pass
/// log = []
/// def f(*args): log.append(args); return 'res'
/// </code>
/// </summary>
public class FinalizeTests
{
    /// <summary>A C# <c>f(*args)</c> that logs its arguments' reprs and returns 'res'.</summary>
    private static Handle Logger(Runtime rt, List<string> log) => rt.Function("f", args =>
    {
        log.Add(string.Join(",", args.ToArray().Select(rt.Repr)));
        return rt.Str("res");
    });

    [Fact]
    public void The_function_runs_once_when_the_object_dies_by_refcount()
    {
        // a = A(); fin = weakref.finalize(a, f, 1, 2)
        // print(fin.alive, fin.atexit, gc.is_tracked(fin), type(fin).__name__, weakref.getweakrefcount(a))
        //   # True True True finalize 1
        // del a; print(log, fin.alive, fin(), log)                    # [(1, 2)] False None [(1, 2)]
        Run("py312", (rt, cls) =>
        {
            var log = new List<string>();
            var a = Make(rt, cls);
            var fin = Scoped(rt, () => rt.Persist(rt.Finalize(a.Get(), Logger(rt, log), rt.Int(1), rt.Int(2))));
            Assert.Equal("True", rt.Repr(fin.Get().GetAttr("alive")));
            Assert.Equal("True", rt.Repr(fin.Get().GetAttr("atexit")));
            Assert.True(rt.Gc.IsTracked(fin.Get()));
            Assert.Equal("weakref.finalize", fin.Get().TypeName);
            Assert.Equal(1, Scoped(rt, () => rt.GetWeakRefCount(a.Get())));

            a.Dispose();
            Assert.Equal(["1,2"], log);
            Assert.Equal("False", rt.Repr(fin.Get().GetAttr("alive")));
            Assert.Equal("None", rt.Repr(rt.Call(fin.Get())));
            Assert.Equal(["1,2"], log);
            fin.Dispose();
        });
    }

    [Fact]
    public void The_function_runs_when_a_cycle_holding_the_object_is_collected()
    {
        // gc.disable(); c = A(); c.self = c; f2 = weakref.finalize(c, f, 'cycle'); del c
        // print(log); print(gc.collect() > 0, log, f2.alive)        # [] / True [('cycle',)] False
        Run("py312", (rt, cls) =>
        {
            rt.Gc.Disable();
            var log = new List<string>();
            var fin = Scoped(rt, () =>
            {
                var c = rt.Call(cls);
                c.SetAttr("self", c);
                return rt.Persist(rt.Finalize(c, Logger(rt, log), rt.Str("cycle")));
            });

            Assert.Empty(log);
            Assert.True(rt.Gc.Collect() > 0);
            Assert.Equal(["'cycle'"], log);
            Assert.Equal("False", rt.Repr(fin.Get().GetAttr("alive")));
            fin.Dispose();
        });
    }

    [Fact]
    public void Calling_it_runs_the_function_once_and_returns_its_result()
    {
        // b = A(); f3 = weakref.finalize(b, f, 'b')
        // print(f3(), f3(), log, f3.alive, f3.atexit, f3.peek(), f3.detach())   # res None [('b',)] False False None None
        // del b; print(log)                                                      # [('b',)]
        Run("py312", (rt, cls) =>
        {
            var log = new List<string>();
            var b = Make(rt, cls);
            var f3 = Scoped(rt, () => rt.Persist(rt.Finalize(b.Get(), Logger(rt, log), rt.Str("b"))));
            Assert.Equal("res", rt.ToText(rt.Call(f3.Get())));
            Assert.Equal("None", rt.Repr(rt.Call(f3.Get())));
            Assert.Equal(["'b'"], log);
            Assert.Equal("False", rt.Repr(f3.Get().GetAttr("alive")));
            Assert.Equal("False", rt.Repr(f3.Get().GetAttr("atexit")));
            Assert.Equal("None", rt.Repr(Invoke(rt, f3.Get(), "peek")));
            Assert.Equal("None", rt.Repr(Invoke(rt, f3.Get(), "detach")));
            b.Dispose();
            Assert.Equal(["'b'"], log);
            Assert.Matches("^<finalize object at 0x[0-9a-f]+; dead>$", rt.Repr(f3.Get()));
            f3.Dispose();
        });
    }

    [Fact]
    public void Detach_returns_the_registration_and_disables_it_peek_only_reads_it()
    {
        // b2 = A(); f4 = weakref.finalize(b2, f, 'x')
        // p = f4.peek(); print(p[0] is b2, p[1:], f4.alive)             # True (<function f ...>, ('x',), {}) True
        // d = f4.detach(); print(d[0] is b2, d[1:], f4.alive, f4.detach(), f4.peek())   # True (...) False None None
        // del p, d, b2; print(log)                                      # []
        Run("py312", (rt, cls) =>
        {
            var log = new List<string>();
            var b2 = Make(rt, cls);
            var f4 = Scoped(rt, () => rt.Persist(rt.Finalize(b2.Get(), Logger(rt, log), rt.Str("x"))));
            Scoped(rt, () =>
            {
                var p = Invoke(rt, f4.Get(), "peek");
                Assert.True(rt.GetItem(p, rt.Int(0)).Is(b2.Get()));
                Assert.Equal("('x',)", rt.Repr(rt.GetItem(p, rt.Int(2))));
                Assert.Equal("{}", rt.Repr(rt.GetItem(p, rt.Int(3))));
                Assert.Equal("True", rt.Repr(f4.Get().GetAttr("alive")));
                Assert.Matches("^<finalize object at 0x[0-9a-f]+; for 'A' at 0x[0-9a-f]+>$", rt.Repr(f4.Get()));

                var d = Invoke(rt, f4.Get(), "detach");
                Assert.True(rt.GetItem(d, rt.Int(0)).Is(b2.Get()));
                Assert.Equal("builtin_function_or_method", rt.GetItem(d, rt.Int(1)).TypeName);
                Assert.Equal("False", rt.Repr(f4.Get().GetAttr("alive")));
                Assert.Equal("None", rt.Repr(Invoke(rt, f4.Get(), "detach")));
                Assert.Equal("None", rt.Repr(Invoke(rt, f4.Get(), "peek")));
                return 0;
            });

            b2.Dispose();
            Assert.Empty(log);
            f4.Dispose();
        });
    }

    [Fact]
    public void At_shutdown_live_finalizers_with_atexit_run_newest_first_and_then_no_more()
    {
        // order = []; x1, x2, x3 = A(), A(), A()
        // g1 = weakref.finalize(x1, order.append, 1); g2 = weakref.finalize(x2, order.append, 2)
        // g3 = weakref.finalize(x3, order.append, 3); g2.atexit = False; print(g2.atexit, g2.alive)   # False True
        // weakref.finalize._exitfunc()       # what atexit runs at interpreter shutdown
        // print(order, g1.alive, g2.alive, g3.alive)                    # [3, 1] False True False
        // print(g2(), order, g2.alive)                                  # None [3, 1] False (after shutdown nothing runs)
        Run("py312", (rt, cls) =>
        {
            var order = new List<long>();
            var append = rt.Function("append", args =>
            {
                order.Add(rt.ToInt64(args[0]));
                return default;
            });
            var x = new[] { rt.Call(cls), rt.Call(cls), rt.Call(cls) };
            var g = x.Select((o, i) => rt.Finalize(o, append, rt.Int(i + 1))).ToArray();
            g[1].SetAttr("atexit", rt.Bool(false));
            Assert.Equal("False", rt.Repr(g[1].GetAttr("atexit")));
            Assert.Equal("True", rt.Repr(g[1].GetAttr("alive")));

            rt.RunAtExitFinalizers();
            Assert.Equal([3, 1], order);
            Assert.Equal(["False", "True", "False"], g.Select(f => rt.Repr(f.GetAttr("alive"))));
            Assert.Equal("None", rt.Repr(rt.Call(g[1])));
            Assert.Equal([3, 1], order);
            Assert.Equal("False", rt.Repr(g[1].GetAttr("alive")));
        });
    }

    [Fact]
    public void At_shutdown_an_exception_is_printed_and_finalizers_made_meanwhile_run_too()
    {
        // def boom(): raise ValueError("boom")
        // x1, x2, x3 = A(), A(), A()
        // g1 = weakref.finalize(x1, order.append, 1); g2 = weakref.finalize(x2, boom)
        // def late(): order.append('late-created'); weakref.finalize(x1, order.append, 'new')
        // g3 = weakref.finalize(x3, late)
        // weakref.finalize._exitfunc(); print(order)
        //   # Traceback (most recent call last): ... ValueError: boom   (sys.excepthook, on stderr)
        //   # ['late-created', 'new', 1]
        Run("py312", (rt, cls) =>
        {
            var report = new StringWriter();
            rt.Heap.UnraisableWriter = report;
            var order = new List<string>();
            var append = rt.Function("append", args =>
            {
                order.Add(rt.Repr(args[0]));
                return default;
            });
            var x1 = rt.Call(cls);
            rt.Finalize(x1, append, rt.Int(1));
            rt.Finalize(rt.Call(cls), rt.Function("boom", _ => throw new PythonException("ValueError", "boom")));
            rt.Finalize(rt.Call(cls), rt.Function("late", _ =>
            {
                order.Add("'late-created'");
                rt.Finalize(x1, append, rt.Str("new"));
                return default;
            }));

            rt.RunAtExitFinalizers();
            Assert.Equal(["'late-created'", "'new'", "1"], order);
            var lines = report.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(["Traceback (most recent call last):", "ValueError: boom"], lines);
        });
    }

    [Fact]
    public void Only_weakly_referenceable_objects_can_be_finalized_and_finalizers_cannot_be_weakly_referenced()
    {
        // weakref.finalize(1, f)       # TypeError: cannot create weak reference to 'int' object
        // weakref.ref(weakref.finalize(A(), f))   # TypeError: cannot create weak reference to 'finalize' object
        // fin.alive = 1                # AttributeError: property 'alive' of 'finalize' object has no setter
        Run("py312", (rt, cls) =>
        {
            var f = Logger(rt, []);
            var e = Assert.Throws<PythonException>(() => rt.Finalize(rt.Int(1), f));
            Assert.Equal(("TypeError", "cannot create weak reference to 'int' object"), (e.TypeName, e.PythonMessage));
            var a = rt.Call(cls);
            var fin = rt.Finalize(a, f);
            var w = Assert.Throws<PythonException>(() => rt.WeakRef(fin));
            Assert.Equal("cannot create weak reference to 'finalize' object", w.PythonMessage);
            var alive = Assert.Throws<PythonException>(() => fin.SetAttr("alive", rt.Int(1)));
            Assert.Equal(("AttributeError", "property 'alive' of 'finalize' object has no setter"), (alive.TypeName, alive.PythonMessage));
            Invoke(rt, fin, "detach");
        });
    }

    [Fact]
    public void Python_2_7_has_no_weakref_finalize()
    {
        // Python 2.7: weakref.finalize    # AttributeError: 'module' object has no attribute 'finalize'
        Run("py27", (rt, cls) =>
        {
            var e = Assert.Throws<PythonException>(() => rt.Finalize(rt.Call(cls), rt.Function("f", _ => default)));
            Assert.Equal(("AttributeError", "'module' object has no attribute 'finalize'"), (e.TypeName, e.PythonMessage));
            rt.RunAtExitFinalizers();
        });
    }
}
