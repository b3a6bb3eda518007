using Refheap;
using Refheap.Gc;

// Outside the Refheap namespace, as a user's code is.
namespace RefheapDocs;

/// <summary>
/// The C# examples of README.md and docs/api.md, compiled and run. When an example changes in
/// the docs, change it here (the comments with values are what these asserts check).
/// </summary>
public sealed class ApiExamplesTests
{
    [Fact]
    public void Readme_example()
    {
        using var runtime = new Runtime(Profile.Py27);
        using var scope = runtime.OpenScope();

        var task = runtime.DefineClass("Task");
        var subtask = runtime.DefineClass("Subtask");
        using (runtime.OpenScope())
        {
            var t = task.Call();
            var s = subtask.Call();
            t.SetAttr("subtask", s);
            s.SetAttr("task", t);          // a cycle: reference counts alone never reach zero
        }                                  // C# lets go of both here

        var before = runtime.TakeCensus();
        var found = runtime.Gc.Collect();  // gc.collect()
        var after = runtime.TakeCensus();

        Assert.Equal(1, before.Count("__main__.Task"));
        Assert.Equal(4, found);            // py27: the two instances and their __dict__s
        Assert.Equal(0, after.Count("__main__.Task"));
        Assert.Equal(-4, after.Since(before).Values.Sum());
    }

    [Fact]
    public void Profiles_and_options()
    {
        using var runtime = new Runtime(Profile.FromName("py312"), new RuntimeOptions
        {
            HeapLimit = 64L << 20,   // 64 MiB: arenas plus large blocks
            DebugAllocator = true,   // as PYTHONMALLOC=debug
        });
        using var scope = runtime.OpenScope();

        var e = Assert.Throws<PythonException>(() => runtime.Str(new string('x', 100_000_000)));
        Assert.Equal("MemoryError", e.TypeName);
        Assert.Equal("py312", runtime.Profile.Name);
        Assert.Equal("3.12.1", runtime.Profile.PythonVersion);
        Assert.Equal(1 << 20, runtime.Profile.Allocator.ArenaSize);
        Assert.Equal("hello", runtime.ToText(runtime.Str("hello"))); // the heap is intact after a MemoryError
    }

    [Fact]
    public void Scopes_and_handles()
    {
        using var runtime = new Runtime();
        Assert.Throws<InvalidOperationException>(() => runtime.Int(1)); // no scope open

        using var outer = runtime.OpenScope();
        var names = runtime.List();
        Handle stale;
        using (runtime.OpenScope())
        {
            stale = runtime.Str("Task 1");
            runtime.Append(names, stale);  // the list holds its own reference
        }

        Assert.Throws<ObjectDisposedException>(() => stale.Repr());
        Assert.Equal("['Task 1']", names.Repr());
    }

    [Fact]
    public void Attribute_names()
    {
        using var runtime = new Runtime();
        using var scope = runtime.OpenScope();
        var name = runtime.Name("name");
        var task = runtime.Call(runtime.DefineClass("Task"));
        task.SetAttr(name, runtime.Int(1));
        Assert.True(runtime.HasAttr(task, name));
        Assert.Equal("1", task.GetAttr(name).Repr());
        Assert.Equal("1", task.GetAttr("name").Repr()); // the same attribute as its text
        task.DelAttr(name);
        Assert.False(runtime.HasAttr(task, "name"));
    }

    [Fact]
    public void Persistent_handles()
    {
        using var runtime = new Runtime();
        PersistentHandle kept;
        using (runtime.OpenScope())
        {
            kept = runtime.Persist(runtime.Str("long-lived"));
        }

        using (runtime.OpenScope())
        {
            Assert.Equal("long-lived", runtime.ToText(kept.Get()));
        }

        kept.Dispose();
        Assert.True(kept.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => kept.Get());
    }

    [Fact]
    public void The_runtime_lock()
    {
        using var runtime = new Runtime();
        using var scope = runtime.OpenScope();
        var counter = runtime.Persist(runtime.List());

        var threads = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            using var gil = runtime.Enter();      // one lock for the whole batch
            using var local = runtime.OpenScope();
            for (var i = 0; i < 1000; i++)
            {
                runtime.Append(counter.Get(), runtime.Int(i));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(4000, runtime.Length(counter.Get()));
        counter.Dispose();
    }

    [Fact]
    public void Classes_with_methods_init_and_slots()
    {
        using var runtime = new Runtime(Profile.Py312);
        using var scope = runtime.OpenScope();

        var init = runtime.Method("__init__", (self, args) =>
        {
            self.SetAttr("name", args[0]);
            return default;                              // None
        });
        var describe = runtime.Method("describe", (self, args) =>
            runtime.Str("Task " + runtime.ToText(self.GetAttr("name"))));
        var task = runtime.DefineClass("Task", new Dictionary<string, Handle>
        {
            ["__init__"] = init,
            ["describe"] = describe,
        });

        var t = task.Call(runtime.Str("write the talk"));
        Assert.Equal("Task write the talk", runtime.ToText(t.GetAttr("describe").Call()));

        var point = runtime.DefineClass("Point", new Dictionary<string, Handle>
        {
            ["__slots__"] = runtime.Tuple(runtime.Str("x"), runtime.Str("y")),
        });
        var p = point.Call();
        p.SetAttr("x", runtime.Int(1));
        var e = Assert.Throws<PythonException>(() => p.SetAttr("z", runtime.Int(3)));
        Assert.Equal("AttributeError", e.TypeName);
        Assert.Equal("'Point' object has no attribute 'z'", e.PythonMessage);

        var add = runtime.Function("add", args => runtime.Int(runtime.ToInt64(args[0]) + runtime.ToInt64(args[1])));
        Assert.Equal(5, runtime.ToInt64(add.Call(runtime.Int(2), runtime.Int(3))));
    }

    [Theory]
    [InlineData("py27", 0, 2)]   // __del__ never runs; both objects go to gc.garbage
    [InlineData("py312", 2, 0)]  // PEP 442: finalized once, then collected
    public void Del_in_a_cycle(string profile, int finalized, int garbage)
    {
        using var runtime = new Runtime(Profile.FromName(profile));
        using var scope = runtime.OpenScope();
        var log = new List<string>();

        var node = runtime.DefineClass("Node", new Dictionary<string, Handle>
        {
            ["__del__"] = runtime.Method("__del__", (self, args) =>
            {
                log.Add("__del__");
                return default;
            }),
        });
        using (runtime.OpenScope())
        {
            var a = node.Call();
            var b = node.Call();
            a.SetAttr("other", b);
            b.SetAttr("other", a);
        }

        runtime.Gc.Collect();

        Assert.Equal(finalized, log.Count);
        Assert.Equal(garbage, runtime.Length(runtime.Gc.Garbage));
    }

    [Fact]
    public void Exceptions()
    {
        using var runtime = new Runtime();
        using var scope = runtime.OpenScope();
        var tasks = runtime.Dict();

        var e = Assert.Throws<PythonException>(() => tasks[runtime.Str("missing")]);
        Assert.Equal("KeyError", e.TypeName);
        Assert.Equal("'missing'", e.PythonMessage);
        Assert.Equal("KeyError: 'missing'", e.Message);

        var check = runtime.Function("check", args =>
            throw new PythonException("ValueError", "no such task"));
        var raised = Assert.Throws<PythonException>(() => check.Call());
        Assert.Equal("ValueError", raised.TypeName);
        Assert.Equal("no such task", raised.PythonMessage);
    }

    [Fact]
    public void The_gc_module()
    {
        using var runtime = new Runtime();
        using var scope = runtime.OpenScope();
        var gc = runtime.Gc;

        var pauses = new List<CollectionResult>();
        gc.Collected += pauses.Add;
        gc.Collect();

        Assert.Equal((700, 10, 10), gc.GetThreshold());
        Assert.Equal(0, gc.GetCount().Gen0);
        Assert.Single(pauses);
        Assert.Equal(2, pauses[0].Generation);
        Assert.True(gc.GetStats()[2].Collections >= 1);
        Assert.True(gc.IsTracked(runtime.List()));
        Assert.False(gc.IsTracked(runtime.Int(1)));

        gc.Disable();
        Assert.False(gc.IsEnabled);
        gc.Enable();
        gc.SetThreshold(1000);
        Assert.Equal((1000, 10, 10), gc.GetThreshold());
        gc.Debug = GcDebugFlags.Stats;
        gc.DebugWriter = TextWriter.Null;
        gc.Collect(0);
    }

    [Fact]
    public void Census_and_memory_stats()
    {
        using var runtime = new Runtime(Profile.Py312);
        var start = runtime.TakeCensus();
        using (runtime.OpenScope())
        {
            var task = runtime.DefineClass("Task");
            for (var i = 0; i < 10; i++)
            {
                task.Call();
            }

            var during = runtime.TakeCensus();
            Assert.Equal(1, during.Since(start)["type"]);
            Assert.Equal(10, during.Count("__main__.Task"));
        }                                        // the instances die here, with their handles

        runtime.Gc.Collect();                    // the class itself is in a cycle (type ↔ its __mro__)
        Assert.True(runtime.TakeCensus().SameObjectsAs(start));

        var stats = runtime.MemoryStats;
        Assert.True(stats.BytesMapped >= stats.BytesInUse);
        Assert.Contains("# arenas allocated current", stats.ToDebugMallocStatsText());
    }

    [Fact]
    public void Making_and_reading_values()
    {
        using var runtime = new Runtime(Profile.Py27);
        using var scope = runtime.OpenScope();

        var items = runtime.List(runtime.Int(1), runtime.Float(2.5), runtime.Str("three"));
        var pair = runtime.Tuple(runtime.None, runtime.Bool(true));
        var big = runtime.Int(System.Numerics.BigInteger.Pow(2, 70));
        var table = runtime.Dict();
        table[runtime.Str("items")] = items;

        Assert.Equal("[1, 2.5, 'three']", items.Repr());
        Assert.Equal("(None, True)", runtime.Repr(pair));
        Assert.Equal("1180591620717411303424L", big.Repr());   // py27: a long
        Assert.Equal(3, runtime.Length(table[runtime.Str("items")]));
        Assert.Equal(2.5, runtime.ToDouble(runtime.GetItem(items, runtime.Int(1))));
        Assert.Equal("list", items.TypeName);
        Assert.True(runtime.AreEqual(runtime.Int(3), runtime.Int(3)));
        Assert.True(table[runtime.Str("items")].Is(items));
        Assert.False(table[runtime.Str("items")] == items);     // two handles (slots), one object
    }

    [Fact]
    public void Arenas_go_back_to_the_os()
    {
        using var runtime = new Runtime(Profile.Py312);
        using (runtime.OpenScope())
        {
            var numbers = runtime.List();
            for (var i = 0; i < 200_000; i++)
            {
                runtime.Append(numbers, runtime.Float(i));
            }

            Assert.True(runtime.MemoryStats.ArenasInUse > 1);
        }                                              // every float and the list die here

        var stats = runtime.MemoryStats;
        Assert.True(stats.ArenasReclaimedTotal > 0);
        Assert.True(stats.ArenasHighWater > stats.ArenasInUse);
        Assert.Contains("# arenas reclaimed", stats.ToDebugMallocStatsText());
    }

    [Fact]
    public void Weak_references()
    {
        using var runtime = new Runtime(Profile.Py312);
        using var scope = runtime.OpenScope();
        var task = runtime.DefineClass("Task");
        var closed = new List<string>();
        PersistentHandle r;
        using (runtime.OpenScope())
        {
            var t = task.Call();
            r = runtime.Persist(runtime.WeakRef(t, runtime.Function("closed", args =>
            {
                closed.Add("task");
                return runtime.None;
            })));
            Assert.Equal(1, runtime.GetWeakRefCount(t));
            Assert.Equal("Task", runtime.Proxy(t).GetAttr("__class__").GetAttr("__name__").ToString());
            Assert.Empty(closed);
        }

        Assert.Equal(["task"], closed);
        Assert.Equal("None", runtime.Repr(r.Get().Call()));
    }
}
