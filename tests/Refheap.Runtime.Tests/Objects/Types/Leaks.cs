using Refheap.Objects;

namespace Refheap.RuntimeTests.Objects.Types;

/// <summary>
/// The census a test starts from and must return to (DESIGN.md, "The census"), plus the
/// internal view of a handle for tests that look at addresses and sizes.
/// </summary>
internal static unsafe class Leaks
{
    /// <summary>
    /// Runs <paramref name="body"/> with a new runtime of <paramref name="profile"/>, inside a
    /// handle scope, then checks that the objects it made are all gone once the scope is closed
    /// (<see cref="Start"/> before, <see cref="AssertBackTo"/> after).
    /// </summary>
    public static void Check(string profile, Action<Runtime> body)
    {
        using var rt = TestRuntimes.Create(profile);
        var start = Start(rt);
        using (rt.OpenScope())
        {
            body(rt);
        }

        AssertBackTo(rt, start);
    }

    /// <summary>Collects (emptying the free lists) and takes the census the test must end with.</summary>
    public static Census Start(Runtime rt)
    {
        rt.Gc.Collect();
        return rt.TakeCensus();
    }

    /// <summary>Collects and checks that the live objects by type are those of <paramref name="start"/>.</summary>
    public static void AssertBackTo(Runtime rt, Census start)
    {
        rt.Gc.Collect();
        var now = rt.TakeCensus();
        Assert.False(rt.Heap.ErrorOccurred, "an error was left set");
        Assert.True(now.SameObjectsAs(start), "objects left over: " + string.Join(", ", now.Since(start).Select(p => $"{p.Key} {p.Value:+#;-#}")));
    }

    /// <summary>The object behind a handle (borrowed: valid while the handle's scope is open).</summary>
    public static PyRef Ref(this Handle h) => h.Runtime.Resolve(h);

    /// <summary>The object's size as its type counts it (<c>sys.getsizeof</c> without the GC header).</summary>
    public static long SizeOf(this Handle h)
    {
        var r = h.Ref();
        return (long)r.Descriptor.SizeOf(r.Ptr);
    }

    /// <summary>A handle for a built-in exception class of the runtime's profile.</summary>
    public static Handle ExceptionClass(this Runtime rt, string name)
    {
        var type = rt.Heap.Types.Exceptions.Find(name) ?? throw new ArgumentException($"no exception class {name} in {rt.Profile}", nameof(name));
        return rt.HandleFor(rt.Heap.TypeObjectOf(type));
    }

    /// <summary>The <c>__name__</c>s of a tuple of classes (an <c>__mro__</c>).</summary>
    public static string[] ClassNames(this Runtime rt, Handle classes)
    {
        var n = rt.Length(classes);
        var names = new string[n];
        for (var i = 0; i < n; i++)
        {
            names[i] = rt.ToText(rt.GetAttr(rt.GetItem(classes, rt.Int(i)), "__name__"));
        }

        return names;
    }
}
