using Refheap.Objects;

namespace Refheap.RuntimeTests.Objects.Types;

public sealed unsafe class TupleTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void The_empty_tuple_is_one_shared_untracked_object_outside_the_census(string profile)
    {
        // python2.7 / python3.12: () is tuple() → True; gc.is_tracked(()) → False
        using var rt = TestRuntimes.Create(profile);
        var start = Leaks.Start(rt);
        using (rt.OpenScope())
        {
            var a = rt.Tuple();
            Assert.True(a.Is(rt.Tuple()));
            Assert.Equal((nint)rt.Heap.Types.Tuple.Empty, a.Id);
            Assert.False(rt.Gc.IsTracked(a));
            Assert.True(rt.TakeCensus().SameObjectsAs(start));
        }

        Leaks.AssertBackTo(rt, start);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_freed_3_tuple_block_is_reused_by_the_next_3_tuple(string profile)
    {
        // CPython (tupleobject.c): a freed tuple of length 1..19 goes on the free list of its
        // length, and PyTuple_New(n) takes from that list first:
        //   python: a = (x, y, z); i = id(a); del a; b = (x, y, z); id(b) == i → True
        Leaks.Check(profile, rt =>
        {
            var one = rt.Int(1);
            nint freed;
            using (rt.OpenScope())
            {
                freed = rt.Tuple(one, one, one).Id;
            }

            Assert.Equal(1, FreeListOf(rt, 3).Count);
            var pair = rt.Tuple(one, one);
            Assert.NotEqual(freed, pair.Id);
            var triple = rt.Tuple(one, rt.Str("b"), one);
            Assert.Equal(freed, triple.Id);
            Assert.Equal(0, FreeListOf(rt, 3).Count);
            Assert.Equal("(1, 'b', 1)", triple.Repr());
            Assert.Equal(1, rt.RefCount(triple)); // the handle's reference only
            Assert.True(rt.Gc.IsTracked(triple));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_full_collection_empties_the_tuple_free_lists_and_returns_their_bytes(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        var start = Leaks.Start(rt);
        var bytes = rt.Heap.Allocator.BytesInUse;
        using (rt.OpenScope())
        {
            var x = rt.Int(7);
            for (var n = 1; n < 25; n++)
            {
                var items = Enumerable.Repeat(x, n).ToArray();
                rt.Tuple(items);
            }
        }

        // Lengths 1..19 are kept (one each); 20.. went straight back to the allocator.
        Assert.Equal(19, Enumerable.Range(1, 19).Sum(n => FreeListOf(rt, n).Count));
        Assert.True(rt.Heap.Allocator.BytesInUse > bytes);
        rt.Gc.Collect(1);
        Assert.Equal(1, FreeListOf(rt, 3).Count);
        rt.Gc.Collect();
        Assert.Equal(0, Enumerable.Range(1, 19).Sum(n => FreeListOf(rt, n).Count));
        Assert.Equal(bytes, rt.Heap.Allocator.BytesInUse);
        Leaks.AssertBackTo(rt, start);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Repr_is_CPythons(string profile)
    {
        // python2.7 / python3.12: print(repr(())), repr((1,)), repr((1, 2)), repr(('a', (1,)))
        Leaks.Check(profile, rt =>
        {
            var one = rt.Int(1);
            Assert.Equal("()", rt.Tuple().Repr());
            Assert.Equal("(1,)", rt.Tuple(one).Repr());
            Assert.Equal("(1, 2)", rt.Tuple(one, rt.Int(2)).Repr());
            Assert.Equal("('a', (1,))", rt.Tuple(rt.Str("a"), rt.Tuple(one)).Repr());
            Assert.Equal("(None, [])", rt.Tuple(rt.None, rt.List()).Repr());
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Repr_of_a_tuple_inside_itself_through_a_list_shows_the_recursion(string profile)
    {
        // python2.7 / python3.12: t = ([],); t[0].append(t); print(repr(t)) → ([(...)],)
        Leaks.Check(profile, rt =>
        {
            var list = rt.List();
            var t = rt.Tuple(list);
            rt.Append(list, t);
            Assert.Equal("([(...)],)", t.Repr());
            Assert.Equal("[([...],)]", list.Repr());
        });
    }

    // python2.7 and python3.12: print(hash(t)) for each tuple. Items are ints, strs (2.7 hash)
    // or nested tuples: "1,2" is (1, 2), "'a'" is 'a', "(1,2)" a nested tuple.
    [Theory]
    [InlineData("py27", "", 3527539L)]
    [InlineData("py27", "1", 3430019387558L)]
    [InlineData("py27", "1,2", 3713081631934410656L)]
    [InlineData("py27", "1,2,3", 2528502973977326415L)]
    [InlineData("py27", "0", 3430018387555L)]
    [InlineData("py27", "-1", -3430020192499L)]
    [InlineData("py27", "-2", -3430020192499L)]
    [InlineData("py27", "'a','b'", -3816799034373630758L)]
    [InlineData("py27", "1,'abc'", 7932834718630705379L)]
    [InlineData("py27", "(1,2),3", 5314947466933101882L)]
    [InlineData("py312", "", 5740354900026072187L)]
    [InlineData("py312", "1", -6644214454873602895L)]
    [InlineData("py312", "1,2", -3550055125485641917L)]
    [InlineData("py312", "1,2,3", 529344067295497451L)]
    [InlineData("py312", "0", -8753497827991233192L)]
    [InlineData("py312", "-1", 8078679518589016365L)]
    [InlineData("py312", "-2", 8078679518589016365L)]
    [InlineData("py312", "(1,2),3", -333907151259015829L)]
    public void Hash_of_a_tuple_of_ints_and_strs_equals_CPythons(string profile, string items, long expected)
    {
        Leaks.Check(profile, rt =>
        {
            var t = Parse(rt, items);
            Assert.Equal(expected, rt.Heap.Hash(t.Ref().Ptr));
        });
    }

    [Theory]
    // 3.12 randomizes str hashes, so the combination is checked with items whose hash is
    // Refheap's (2.7's) str hash:
    //   python3.12: class H:
    //                   def __init__(s, h): s.h = h
    //                   def __hash__(s): return s.h
    //               hash((H(hash27('a')), H(hash27('abc'))))          → -7126551073146459632
    //               hash((1, H(hash27('Task')), 3))                   → 4031749499156639572
    [InlineData("'a','abc'", -7126551073146459632L)]
    [InlineData("1,'Task',3", 4031749499156639572L)]
    public void Hash_of_a_tuple_of_strs_in_312_combines_the_str_hashes_as_CPython_does(string items, long expected)
    {
        using var rt = TestRuntimes.Create("py312");
        using var scope = rt.OpenScope();
        Assert.Equal(expected, rt.Heap.Hash(Parse(rt, items).Ref().Ptr));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_tuple_holding_a_list_is_unhashable(string profile)
    {
        // python2.7 / python3.12: hash((1, [])) → TypeError: unhashable type: 'list'
        Leaks.Check(profile, rt =>
        {
            var t = rt.Tuple(rt.Int(1), rt.List());
            Assert.Equal(-1, rt.Heap.Hash(t.Ref().Ptr));
            var e = rt.Heap.TakeErrorAsException();
            Assert.Equal("TypeError", e.TypeName);
            Assert.Equal("unhashable type: 'list'", e.PythonMessage);
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Tuples_compare_item_by_item_then_by_length(string profile)
    {
        // python2.7 / python3.12:
        //   (1,2) < (1,3), (1,2) < (1,2,0), (2,) > (1,5), (1,2) == (1,2), () < (0,) → True
        //   (1,2) != (1,2.0) → False
        Leaks.Check(profile, rt =>
        {
            Assert.True(Compare(rt, "1,2", CompareOp.Lt, "1,3"));
            Assert.True(Compare(rt, "1,2", CompareOp.Lt, "1,2,0"));
            Assert.True(Compare(rt, "2", CompareOp.Gt, "1,5"));
            Assert.True(Compare(rt, "1,2", CompareOp.Eq, "1,2"));
            Assert.True(Compare(rt, "", CompareOp.Lt, "0"));
            Assert.True(Compare(rt, "1,2", CompareOp.Ge, "1,2"));
            Assert.False(Compare(rt, "1,2", CompareOp.Gt, "1,2"));
            Assert.False(Compare(rt, "'a',2", CompareOp.Eq, "'a',3"));
            var onePointZero = rt.Tuple(rt.Int(1), rt.Float(2.0));
            Assert.True(rt.AreEqual(Parse(rt, "1,2"), onePointZero));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Items_are_read_by_index_and_a_bad_index_raises_as_in_CPython(string profile)
    {
        // python2.7 / python3.12: (1, 2)[-1] → 2; (1,)[3] → IndexError: tuple index out of range
        //   (1,)['a'] → TypeError: tuple indices must be integers, not str (2.7)
        //                          tuple indices must be integers or slices, not str (3.12)
        //   t[0] = 1 → TypeError: 'tuple' object does not support item assignment
        //   del t[0] → TypeError: 'tuple' object doesn't support item deletion
        Leaks.Check(profile, rt =>
        {
            var t = Parse(rt, "1,2");
            Assert.Equal(2, rt.ToInt64(t[rt.Int(-1)]));
            var e = Assert.Throws<PythonException>(() => t[rt.Int(3)]);
            Assert.Equal(("IndexError", "tuple index out of range"), (e.TypeName, e.PythonMessage));
            e = Assert.Throws<PythonException>(() => t[rt.Str("a")]);
            Assert.Equal(("TypeError", profile == "py27" ? "tuple indices must be integers, not str" : "tuple indices must be integers or slices, not str"), (e.TypeName, e.PythonMessage));
            e = Assert.Throws<PythonException>(() => t[rt.Int(0)] = rt.Int(1));
            Assert.Equal(("TypeError", "'tuple' object does not support item assignment"), (e.TypeName, e.PythonMessage));
            e = Assert.Throws<PythonException>(() => rt.DelItem(t, rt.Int(0)));
            Assert.Equal(("TypeError", "'tuple' object doesn't support item deletion"), (e.TypeName, e.PythonMessage));
            Assert.Equal(2, rt.Length(t));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_tuple_of_atomic_items_is_tracked_at_birth_and_untracked_by_a_collection(string profile)
    {
        // python2.7 / python3.12 (items from variables, so that the compiler does not fold a constant):
        //   a = 1; b = 2; t = (a, b); gc.is_tracked(t) → True; gc.collect(); gc.is_tracked(t) → False
        Leaks.Check(profile, rt =>
        {
            var t = rt.Tuple(rt.Int(1), rt.Int(2));
            var s = rt.Tuple(rt.Str("a"), rt.None, rt.Float(1.5));
            Assert.True(rt.Gc.IsTracked(t));
            Assert.True(rt.Gc.IsTracked(s));
            rt.Gc.Collect();
            Assert.False(rt.Gc.IsTracked(t));
            Assert.False(rt.Gc.IsTracked(s));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_young_collection_untracks_too(string profile)
    {
        // python3.12: t = (a, b); gc.collect(0); gc.is_tracked(t) → False
        Leaks.Check(profile, rt =>
        {
            var t = rt.Tuple(rt.Int(1), rt.Int(2));
            rt.Gc.Collect(0);
            Assert.False(rt.Gc.IsTracked(t));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_tuple_nested_in_a_tuple_is_untracked_one_collection_before_its_holder(string profile)
    {
        // python2.7 / python3.12:
        //   a = 1; b = 2; c = 'a'; t = (c, (a, b)); gc.collect()
        //   gc.is_tracked(t), gc.is_tracked(t[1]) → True False;  gc.collect(); gc.is_tracked(t) → False
        // The inner tuple is only reachable through the outer one, so the collector reaches it
        // after the outer one has been looked at.
        Leaks.Check(profile, rt =>
        {
            PersistentHandle keep;
            using (rt.OpenScope())
            {
                keep = rt.Persist(rt.Tuple(rt.Str("a"), rt.Tuple(rt.Int(1), rt.Int(2))));
            }

            rt.Gc.Collect();
            var t = keep.Get();
            Assert.True(rt.Gc.IsTracked(t));
            Assert.False(rt.Gc.IsTracked(t[rt.Int(1)]));
            rt.Gc.Collect();
            Assert.False(rt.Gc.IsTracked(t));
            keep.Dispose();
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_tuple_holding_a_list_stays_tracked(string profile)
    {
        // python2.7 / python3.12: t = (1, []); gc.collect(); gc.is_tracked(t) → True
        Leaks.Check(profile, rt =>
        {
            var t = rt.Tuple(rt.Int(1), rt.List());
            var withInstance = rt.Tuple(rt.Call(rt.DefineClass("Task")));
            rt.Gc.Collect();
            Assert.True(rt.Gc.IsTracked(t));
            Assert.True(rt.Gc.IsTracked(withInstance));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_tuple_in_a_cycle_is_collected(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        var start = Leaks.Start(rt);
        using (rt.OpenScope())
        {
            var list = rt.List();
            rt.Append(list, rt.Tuple(list, rt.Int(3)));
        }

        Assert.Equal(2, rt.Gc.Collect());
        Leaks.AssertBackTo(rt, start);
    }

    private static FreeList FreeListOf(Runtime rt, int length) =>
        rt.Heap.FreeLists.All.Single(l => l.Name == $"tuple[{length}]");

    private static bool Compare(Runtime rt, string a, CompareOp op, string b)
    {
        var r = rt.Heap.RichCompareBool(Parse(rt, a).Ref().Ptr, Parse(rt, b).Ref().Ptr, op);
        return r >= 0 ? r == 1 : throw rt.Heap.TakeErrorAsException();
    }

    /// <summary>A tuple from comma-separated items: ints, 'strs', or (nested,tuples) without spaces.</summary>
    private static Handle Parse(Runtime rt, string items)
    {
        var parts = new List<Handle>();
        var depth = 0;
        var startAt = 0;
        for (var i = 0; i <= items.Length; i++)
        {
            if (i == items.Length || (items[i] == ',' && depth == 0))
            {
                var item = items[startAt..i];
                if (item.Length > 0)
                {
                    parts.Add(item[0] switch
                    {
                        '\'' => rt.Str(item[1..^1]),
                        '(' => Parse(rt, item[1..^1]),
                        _ => rt.Int(long.Parse(item, System.Globalization.CultureInfo.InvariantCulture)),
                    });
                }

                startAt = i + 1;
            }
            else if (items[i] == '(')
            {
                depth++;
            }
            else if (items[i] == ')')
            {
                depth--;
            }
        }

        return rt.Tuple([.. parts]);
    }
}
