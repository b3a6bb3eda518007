namespace Refheap.RuntimeTests.Weak;

/// <summary>Helpers for the weak-container tests: a census-checked run, objects that die on cue, iteration.</summary>
internal static class WeakContainerKit
{
    /// <summary>
    /// Runs <paramref name="body"/> with a class <c>A</c> (as <c>class A(object): pass</c>) in
    /// its own scope, then checks that the heap is back to its starting census after a full
    /// collection.
    /// </summary>
    public static void Run(string profile, Action<Runtime, Handle> body)
    {
        using var rt = TestRuntimes.Create(profile);
        using var root = rt.OpenScope();
        var cls = rt.DefineClass("A");
        rt.Gc.Collect();
        var start = rt.TakeCensus();
        using (rt.OpenScope())
        {
            body(rt, cls);
        }

        rt.Gc.Enable();
        rt.Gc.Collect();
        var end = rt.TakeCensus();
        Assert.True(end.SameObjectsAs(start), string.Join(", ", end.Since(start).Select(p => $"{p.Key}: {p.Value:+#;-#}")));
    }

    /// <summary>An instance of <paramref name="cls"/> that only the returned handle keeps alive: dispose it to kill the object.</summary>
    public static PersistentHandle Make(Runtime rt, Handle cls)
    {
        using (rt.OpenScope())
        {
            return rt.Persist(rt.Call(cls));
        }
    }

    /// <summary>Runs <paramref name="action"/> in a scope of its own, so the handles it makes are gone afterwards.</summary>
    public static T Scoped<T>(Runtime rt, Func<T> action)
    {
        using (rt.OpenScope())
        {
            return action();
        }
    }

    /// <summary><c>obj.name(*args)</c>.</summary>
    public static Handle Invoke(Runtime rt, Handle obj, string name, params Handle[] args) => rt.Call(rt.GetAttr(obj, name), args);

    /// <summary><c>item in container</c> through <c>__contains__</c>.</summary>
    public static bool Contains(Runtime rt, Handle container, Handle item) => Scoped(rt, () => rt.Repr(Invoke(rt, container, "__contains__", item)) == "True");

    /// <summary><c>next(it)</c> for a weak container's generator (2.7 <c>next</c>, 3.12 <c>__next__</c>); null at StopIteration.</summary>
    public static Handle? Next(Runtime rt, Handle it)
    {
        try
        {
            return Invoke(rt, it, rt.Profile.Name == "py27" ? "next" : "__next__");
        }
        catch (PythonException e) when (e.TypeName == "StopIteration")
        {
            return null;
        }
    }

    /// <summary><c>list(it)</c>.</summary>
    public static List<Handle> Drain(Runtime rt, Handle it)
    {
        var items = new List<Handle>();
        while (Next(rt, it) is { } item)
        {
            items.Add(item);
        }

        return items;
    }

    /// <summary>Whether a weak reference (handle) still has a live referent.</summary>
    public static bool IsAlive(Runtime rt, Handle weakRef) => Scoped(rt, () => rt.Repr(rt.Call(weakRef)) != "None");
}
