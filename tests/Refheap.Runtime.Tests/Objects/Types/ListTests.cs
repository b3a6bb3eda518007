using Refheap.Objects;
using Refheap.Objects.Native.List;

namespace Refheap.RuntimeTests.Objects.Types;

public sealed unsafe class ListTests
{
    [Theory]
    // python2.7 / python3.12:
    //   l = []; sizes = [sys.getsizeof(l)]
    //   for i in range(21): l.append(i); sizes.append(sys.getsizeof(l))
    //   print([(s - sys.getsizeof([])) // 8 for s in sizes])
    // (getsizeof([]) is 72 in 2.7 and 56 in 3.12: the 40-byte list object plus the GC header)
    [InlineData("py27", new[] { 0, 4, 4, 4, 4, 8, 8, 8, 8, 16, 16, 16, 16, 16, 16, 16, 16, 25, 25, 25, 25, 25 })]
    [InlineData("py312", new[] { 0, 4, 4, 4, 4, 8, 8, 8, 8, 16, 16, 16, 16, 16, 16, 16, 16, 24, 24, 24, 24, 24 })]
    public void Appending_grows_the_capacity_as_CPython_does(string profile, int[] expected)
    {
        Leaks.Check(profile, rt =>
        {
            var list = rt.List();
            var capacities = new List<long> { Capacity(list) };
            for (var i = 0; i < 21; i++)
            {
                rt.Append(list, rt.Int(i));
                capacities.Add(Capacity(list));
            }

            Assert.Equal(expected.Select(c => (long)c), capacities);
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_list_made_from_items_has_exactly_their_capacity(string profile)
    {
        // python2.7 / python3.12: sys.getsizeof([1, 2, 3]) - sys.getsizeof([]) → 24
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var one = rt.Int(1);
        Assert.Equal(3, Capacity(rt.List(one, one, one)));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Repr_marks_a_list_inside_itself(string profile)
    {
        // python2.7 / python3.12:
        //   l = []; l.append(l); repr(l) → [[...]]
        //   l = [1, [2]]; l[1].append(l); repr(l) → [1, [2, [...]]]
        Leaks.Check(profile, rt =>
        {
            var l = rt.List();
            rt.Append(l, l);
            Assert.Equal("[[...]]", l.Repr());

            var inner = rt.List(rt.Int(2));
            var outer = rt.List(rt.Int(1), inner);
            rt.Append(inner, outer);
            Assert.Equal("[1, [2, [...]]]", outer.Repr());
            Assert.Equal("[2, [1, [...]]]", inner.Repr());

            // The same list twice is not a recursion.
            var twice = rt.List(inner, inner);
            Assert.Equal("[[2, [1, [...]]], [2, [1, [...]]]]", twice.Repr());
            Assert.Equal("[]", rt.List().Repr());
            Assert.Equal("['a', None, 1.5]", rt.List(rt.Str("a"), rt.None, rt.Float(1.5)).Repr());
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_bad_index_raises_CPythons_error_for_the_profile(string profile)
    {
        // python2.7 / python3.12:
        //   [1, 2][5]         → IndexError: list index out of range
        //   l[5] = 0          → IndexError: list assignment index out of range
        //   del l[5]          → IndexError: list assignment index out of range
        //   [1]['a']          → TypeError: list indices must be integers, not str (2.7)
        //                                  list indices must be integers or slices, not str (3.12)
        //   [1][1.5]          → TypeError: ... not float
        Leaks.Check(profile, rt =>
        {
            var l = rt.List(rt.Int(1), rt.Int(2));
            var five = rt.Int(5);
            AssertRaises("IndexError", "list index out of range", () => _ = l[five]);
            AssertRaises("IndexError", "list assignment index out of range", () => l[five] = rt.Int(0));
            AssertRaises("IndexError", "list assignment index out of range", () => rt.DelItem(l, five));
            AssertRaises("IndexError", "list assignment index out of range", () => rt.DelItem(rt.List(), rt.Int(0)));
            var indices = profile == "py27" ? "list indices must be integers, not" : "list indices must be integers or slices, not";
            AssertRaises("TypeError", $"{indices} str", () => _ = l[rt.Str("a")]);
            AssertRaises("TypeError", $"{indices} float", () => _ = l[rt.Float(1.5)]);
            AssertRaises("TypeError", $"{indices} str", () => l[rt.Str("a")] = rt.Int(0));

            // Still the same list, still usable.
            Assert.Equal("[1, 2]", l.Repr());
            l[rt.Int(-1)] = rt.Int(3);
            rt.DelItem(l, rt.Int(0));
            Assert.Equal("[3]", l.Repr());
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Up_to_80_freed_list_objects_are_kept_for_reuse(string profile)
    {
        // CPython 2.7 and 3.12 (listobject.c): PyList_MAXFREELIST = 80; the free list is a
        // stack, so the next list takes the block of the last one freed.
        using var rt = TestRuntimes.Create(profile);
        var start = Leaks.Start(rt);
        var freeList = rt.Heap.FreeLists.All.Single(l => l.Name == "list");
        Assert.Equal(80, freeList.Capacity);
        nint lastFreed;
        using (rt.OpenScope())
        {
            var ids = new List<nint>();
            using (rt.OpenScope())
            {
                for (var i = 0; i < 100; i++)
                {
                    ids.Add(rt.List(rt.Int(i)).Id);
                }
            }

            // The scope released its handles last-made first: lists 99..20 filled the free list,
            // and 19..0 found it full and went back to the allocator.
            lastFreed = ids[20];
            Assert.Equal(80, freeList.Count);
            var reused = rt.List();
            Assert.Equal(lastFreed, reused.Id);
            Assert.Equal(79, freeList.Count);
            Assert.Equal(0, rt.Length(reused));
            Assert.Equal(0, Capacity(reused));
            Assert.True(rt.Gc.IsTracked(reused));
            rt.Append(reused, rt.Str("x"));
            Assert.Equal("['x']", reused.Repr());
        }

        // 3.12's full collection empties the list free list (_PyGC_ClearAllFreeLists); 2.7's
        // clear_freelists leaves lists (and dicts) alone. Either way the census is back.
        rt.Gc.Collect();
        Assert.Equal(profile == "py27" ? 80 : 0, freeList.Count);
        rt.Heap.FreeLists.ClearAll();
        Assert.Equal(0, freeList.Count);
        Leaks.AssertBackTo(rt, start);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Clearing_a_list_drops_its_references_to_the_items(string profile)
    {
        // python2.7 / python3.12: del l[:] (or l.clear() in 3.x) frees items nothing else holds.
        Leaks.Check(profile, rt =>
        {
            var cls = rt.DefineClass("Task");
            var l = rt.List();
            var kept = rt.Call(cls);
            rt.Append(l, kept);
            using (rt.OpenScope())
            {
                for (var i = 0; i < 9; i++)
                {
                    rt.Append(l, rt.Call(cls));
                }
            }

            Assert.Equal(10, rt.LiveInstances(cls));
            Assert.Equal(2, rt.RefCount(kept)); // the handle's and the list's
            ClearList(l);
            Assert.Equal(0, rt.Length(l));
            Assert.Equal(0, Capacity(l));
            Assert.Equal(1, rt.LiveInstances(cls));
            Assert.Equal(1, rt.RefCount(kept));
            rt.Append(l, kept);
            Assert.Equal(1, rt.Length(l));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Deleting_items_shrinks_the_capacity_as_CPython_does(string profile)
    {
        // list_resize keeps the array while allocated/2 <= size <= allocated, else it
        // over-allocates for the new size (and frees it at size 0).
        Leaks.Check(profile, rt =>
        {
            var l = rt.List();
            for (var i = 0; i < 16; i++)
            {
                rt.Append(l, rt.None);
            }

            var capacities = new List<long>();
            for (var i = 0; i < 16; i++)
            {
                rt.DelItem(l, rt.Int(-1));
                capacities.Add(Capacity(l));
            }

            Assert.Equal(profile == "py27" ? ShrinkPy27 : ShrinkPy312, capacities);
        });
    }

    // python2.7 / python3.12:
    //   b = sys.getsizeof([]); l = []
    //   for i in range(16): l.append(None)
    //   for i in range(16): del l[-1]; print((sys.getsizeof(l) - b) // 8)
    private static readonly long[] ShrinkPy27 = [16, 16, 16, 16, 16, 16, 16, 16, 10, 10, 10, 7, 7, 5, 4, 0];

    private static readonly long[] ShrinkPy312 = [16, 16, 16, 16, 16, 16, 16, 16, 12, 12, 8, 8, 8, 8, 4, 0];

    private static void AssertRaises(string type, string message, Action action)
    {
        var e = Assert.Throws<PythonException>(action);
        Assert.Equal((type, message), (e.TypeName, e.PythonMessage));
    }

    /// <summary>The item capacity, as CPython's sys.getsizeof shows it: (size - list object) / 8.</summary>
    private static long Capacity(Handle list) => (list.SizeOf() - sizeof(PyListObject)) / 8;

    private static void ClearList(Handle list)
    {
        var r = list.Ref();
        list.Runtime.Heap.Types.List.Clear(r.Ptr);
    }
}
