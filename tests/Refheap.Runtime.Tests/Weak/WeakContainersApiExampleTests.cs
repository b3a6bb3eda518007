namespace Refheap.RuntimeTests.Weak;

/// <summary>The example of docs/api.md, "Weak containers and finalize", as written there.</summary>
public class WeakContainersApiExampleTests
{
    [Fact]
    public void The_documented_example_does_what_its_comments_say()
    {
        // CPython 3.12: class Task: pass
        // cache = weakref.WeakValueDictionary(); t1 = Task(); cache['t1'] = t1; cache['t2'] = Task()
        // print(len(cache), cache.get('t2')); del t1; print(len(cache)); cache['t1']   # 1 None / 0 / KeyError: 't1'
        // closed = []; t = Task(); weakref.finalize(t, closed.append, 'file-1'); del t; print(closed)   # ['file-1']
        using var runtime = new Runtime(Profile.Py312);
        using var scope = runtime.OpenScope();
        var task = runtime.DefineClass("Task");
        runtime.Gc.Collect();
        var start = runtime.TakeCensus();

        var cache = runtime.WeakValueDictionary();
        PersistentHandle t1;
        using (runtime.OpenScope())
        {
            t1 = runtime.Persist(task.Call());
            cache[runtime.Str("t1")] = t1.Get();
            cache[runtime.Str("t2")] = task.Call();
        }

        Assert.Equal(1, runtime.Length(cache));
        Assert.Equal("None", cache.GetAttr("get").Call(runtime.Str("t2")).Repr());
        t1.Dispose();
        Assert.Equal(0, runtime.Length(cache));
        var e = Assert.Throws<PythonException>(() => _ = cache[runtime.Str("t1")]);
        Assert.Equal("KeyError: 't1'", e.Message);

        var closed = new List<string>();
        var close = runtime.Function("close", args =>
        {
            closed.Add(runtime.ToText(args[0]));
            return default;
        });
        using (runtime.OpenScope())
        {
            var t = task.Call();
            runtime.Finalize(t, close, runtime.Str("file-1"));
        }

        Assert.Equal(["file-1"], closed);

        using (runtime.OpenScope())
        {
            var it = cache.GetAttr("__iter__").Call();
            Assert.Equal("StopIteration", Assert.Throws<PythonException>(() => it.GetAttr("__next__").Call()).TypeName);
        }

        Assert.Equal(1, runtime.TakeCensus().Since(start)["weakref.WeakValueDictionary"]);
    }
}
