using Refheap.Objects;

namespace Refheap.RuntimeTests.Objects.Containers;

/// <summary>
/// Key comparisons run user code (<c>__eq__</c>) that may mutate the container being searched.
/// As CPython, a lookup restarts when its table changed under a comparison; none of this may
/// touch freed memory (the debug allocator would report it) or leak.
/// </summary>
/// <remarks>
/// The probes collide on purpose: same hash, different ids, so every lookup compares. Each
/// mischief runs once: CPython too would loop for ever if every comparison mutated the table.
/// </remarks>
public sealed unsafe class MutationTests
{
    public static TheoryData<string, string> Containers => new()
    {
        { "py27", "dict" }, { "py312", "dict" }, { "py27", "set" }, { "py312", "set" },
    };

    [Theory]
    [MemberData(nameof(Containers))]
    public void LookupAfterAComparisonClearedTheContainerFindsNothing(string profile, string kind)
    {
        using var h = new ContainerHeap(profile);
        var probe = new ProbeType(h.Heap);
        var c = Make(h, kind);
        var p1 = h.Own(probe.New(42, 1));
        Assert.Equal(0, Insert(h, kind, c, p1));
        Once(probe, () => Clear(h, kind, c));
        var p2 = h.Own(probe.New(42, 2));
        Assert.Equal(0, Contains(h, kind, c, p2));
        Assert.False(h.Heap.ErrorOccurred);
        Assert.Equal(0, Count(h, kind, c));
        Assert.Equal(1, p1.RefCount);
        Finish(h, probe);
    }

    [Theory]
    [MemberData(nameof(Containers))]
    public void InsertionAfterAComparisonGrewTheContainerLandsInTheNewTable(string profile, string kind)
    {
        using var h = new ContainerHeap(profile);
        var probe = new ProbeType(h.Heap);
        var c = Make(h, kind);
        var p1 = h.Own(probe.New(42, 1));
        Assert.Equal(0, Insert(h, kind, c, p1));
        Once(probe, () =>
        {
            for (var i = 0; i < 200; i++)
            {
                var k = h.Heap.NewInt(1000 + i);
                Assert.Equal(0, Insert(h, kind, c, k));
                k.DecRef();
            }
        });
        var p2 = h.Own(probe.New(42, 2));
        Assert.Equal(0, Insert(h, kind, c, p2));
        Assert.Equal(202, Count(h, kind, c));
        Assert.Equal(1, Contains(h, kind, c, p1));
        Assert.Equal(1, Contains(h, kind, c, p2));
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(1, Contains(h, kind, c, h.Int(1000 + i)));
        }

        Finish(h, probe);
    }

    [Theory]
    [MemberData(nameof(Containers))]
    public void AComparisonMayDeleteTheKeyBeingCompared(string profile, string kind)
    {
        using var h = new ContainerHeap(profile);
        var probe = new ProbeType(h.Heap);
        var c = Make(h, kind);
        var p1 = probe.New(42, 1);
        Assert.Equal(0, Insert(h, kind, c, p1));
        var stored = p1.Ptr;
        p1.DecRef();

        // The container holds the only reference: deleting it mid-comparison frees it as soon
        // as the comparison lets go of it.
        Once(probe, () => Assert.Equal(0, Delete(h, kind, c, new PyRef(stored))));
        var p2 = h.Own(probe.New(42, 2));
        Assert.Equal(0, Insert(h, kind, c, p2));
        Assert.Equal(1, Count(h, kind, c));
        Assert.Equal(1, Contains(h, kind, c, p2));
        Finish(h, probe);
    }

    [Theory]
    [MemberData(nameof(Containers))]
    public void ComparisonAndHashErrorsPropagateAndLeakNothing(string profile, string kind)
    {
        using var h = new ContainerHeap(profile);
        var probe = new ProbeType(h.Heap);
        var c = Make(h, kind);
        var p1 = h.Own(probe.New(42, 1));
        var p2 = h.Own(probe.New(42, 2));
        Assert.Equal(0, Insert(h, kind, c, p1));
        probe.FailCompare = true;
        Assert.Equal(-1, Contains(h, kind, c, p2));
        Assert.Equal("ValueError: probe compare failed", h.TakeError());
        Assert.Equal(-1, Insert(h, kind, c, p2));
        Assert.Equal("ValueError: probe compare failed", h.TakeError());
        Assert.Equal(1, p2.RefCount);
        Assert.Equal(-1, Delete(h, kind, c, p2));
        Assert.Equal("ValueError: probe compare failed", h.TakeError());

        // The identity shortcut never compares.
        Assert.Equal(1, Contains(h, kind, c, p1));
        probe.FailCompare = false;
        probe.FailHash = true;
        Assert.Equal(-1, Insert(h, kind, c, p2));
        Assert.Equal("TypeError: probe hash failed", h.TakeError());
        Assert.Equal(1, p2.RefCount);
        probe.FailHash = false;
        Assert.Equal(1, Count(h, kind, c));
        Finish(h, probe);
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void DictEqualityToleratesMutationDuringValueComparison(string profile)
    {
        using var h = new ContainerHeap(profile);
        var probe = new ProbeType(h.Heap);
        var a = h.Dict();
        var b = h.Dict();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(0, h.Dicts.SetItem(a.Ptr, h.Int(i).Ptr, h.Own(probe.New(7, i)).Ptr));
            Assert.Equal(0, h.Dicts.SetItem(b.Ptr, h.Int(i).Ptr, h.Own(probe.New(7, i)).Ptr));
        }

        Once(probe, () => h.Dicts.ClearContents(a.Ptr));
        var r = h.Heap.RichCompareBool(a.Ptr, b.Ptr, CompareOp.Eq);
        Assert.True(r is 0 or 1);
        Assert.False(h.Heap.ErrorOccurred);
        Finish(h, probe);
    }

    private static void Once(ProbeType probe, Action action) =>
        probe.OnCompare = () =>
        {
            probe.OnCompare = null;
            action();
        };

    private static void Finish(ContainerHeap h, ProbeType probe)
    {
        Assert.False(h.Heap.ErrorOccurred);
        h.Heap.Gc.CollectGeneration(2);
        probe.OnCompare = null;

        // Objects of the probe type must be gone before the type is.
        h.AssertBackToStartAfter(probe.Dispose);
    }

    private static PyRef Make(ContainerHeap h, string kind) => h.Own(kind == "dict" ? h.Dicts.New() : h.Sets.New(null));

    private static int Insert(ContainerHeap h, string kind, PyRef c, PyRef key) =>
        kind == "dict" ? h.Dicts.SetItem(c.Ptr, key.Ptr, key.Ptr) : h.Sets.Add(c.Ptr, key.Ptr);

    private static int Delete(ContainerHeap h, string kind, PyRef c, PyRef key) =>
        kind == "dict" ? h.Dicts.DelItem(c.Ptr, key.Ptr) : h.Sets.Discard(c.Ptr, key.Ptr) == 1 ? 0 : -1;

    private static int Contains(ContainerHeap h, string kind, PyRef c, PyRef key) =>
        kind == "dict" ? h.Dicts.Contains(c.Ptr, key.Ptr) : h.Sets.Contains(c.Ptr, key.Ptr);

    private static void Clear(ContainerHeap h, string kind, PyRef c)
    {
        if (kind == "dict")
        {
            h.Dicts.ClearContents(c.Ptr);
        }
        else
        {
            h.Sets.ClearContents(c.Ptr);
        }
    }

    private static nint Count(ContainerHeap h, string kind, PyRef c) => kind == "dict" ? h.Dicts.Count(c.Ptr) : h.Sets.Count(c.Ptr);
}
