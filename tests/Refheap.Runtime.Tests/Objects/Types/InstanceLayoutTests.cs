using Refheap.Objects;

namespace Refheap.RuntimeTests.Objects.Types;

/// <summary>
/// 3.12 instances keep their attribute values in their own block (InstanceType.InlineValues.cs),
/// move them to a spilled buffer when the class gains more keys than the block holds, and to a
/// dict when <c>__dict__</c> is asked for — none of which CPython 3.12 code can tell apart
/// from CPython's own layout.
/// </summary>
public sealed class InstanceLayoutTests
{
    [Fact]
    public void A_312_instance_and_its_two_attribute_values_are_one_64_byte_block()
    {
        // Object header 16 + dict-or-values word 8 + weak-list word 8 + 2 values, and the GC
        // header: 64 bytes, the same size class as CPython 3.12's 48-byte object, and no
        // separate values allocation (CPython 3.12 makes one of 32 bytes).
        Leaks.Check("py312", rt =>
        {
            var cls = rt.DefineClass("Subtask");
            var first = rt.Call(cls);
            first.SetAttr("name", rt.None);
            first.SetAttr("_task", first);

            var before = rt.TakeCensus().BytesInUse;
            var second = rt.Call(cls);
            second.SetAttr("name", rt.None);
            second.SetAttr("_task", first);
            Assert.Equal(64, rt.TakeCensus().BytesInUse - before);
        });
    }

    [Theory]
    // python3.12: sys.getsizeof of instances of these classes (python2.7 keeps Refheap's own layout sizes)
    [InlineData("class Plain(object): pass", 48)]
    [InlineData("class Slotted(object): __slots__ = ('a', 'b')", 48)]
    [InlineData("class SlotDict(object): __slots__ = ('a', '__dict__')", 56)]
    [InlineData("class SlotWeak(object): __slots__ = ('a', '__weakref__')", 56)]
    [InlineData("class Empty(object): __slots__ = ()", 32)]
    [InlineData("class D(dict): pass", 80)]
    [InlineData("class L(list): pass", 72)]
    [InlineData("class S(object): __slots__ = ('a', 'b')\nclass SubOfSlotted(S): pass", 64)]
    [InlineData("class P(object): pass\nclass SlottedSubOfPlain(P): __slots__ = ('a', 'b', 'c')", 72)]
    public void Sys_getsizeof_of_a_312_instance_is_CPython_312s_figure(string classes, long expected)
    {
        Leaks.Check("py312", rt =>
        {
            var cls = DefineLast(rt, classes);
            var instance = rt.Call(cls);
            Assert.Equal(expected, ObjectApi.SizeOf(instance.Ref()));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_freed_instance_releases_its_values_in_key_order_not_insertion_order(string profile)
    {
        // python2.7 and python3.12: first = T(); first.a = 1; first.b = 2; first.c = 3
        //   t = T(); t.c = vc; t.a = va; (weakref callbacks on va, vc); del va, vc; del t
        //   → the callbacks run for a, then c (3.12: the values' index order; 2.7: the dict's slot order)
        Leaks.Check(profile, rt =>
        {
            var cls = rt.DefineClass("T");
            var valueClass = rt.DefineClass("V");
            var first = rt.Call(cls);
            first.SetAttr("a", rt.Int(1));
            first.SetAttr("b", rt.Int(2));
            first.SetAttr("c", rt.Int(3));
            var order = new List<string>();
            PersistentHandle t;
            PersistentHandle ra;
            PersistentHandle rc;
            using (rt.OpenScope())
            {
                t = rt.Persist(rt.Call(cls));
                var va = rt.Call(valueClass);
                var vc = rt.Call(valueClass);
                ra = rt.Persist(rt.WeakRef(va, rt.Function("on_a", _ => { order.Add("a"); return default; })));
                rc = rt.Persist(rt.WeakRef(vc, rt.Function("on_c", _ => { order.Add("c"); return default; })));
                t.Get().SetAttr("c", vc);
                t.Get().SetAttr("a", va);
            }

            Assert.Empty(order);
            t.Dispose();
            Assert.Equal(["a", "c"], order);
            ra.Dispose();
            rc.Dispose();
        });
    }

    [Fact]
    public void An_instance_whose_class_gains_keys_after_it_was_made_keeps_every_value_and_the_order()
    {
        // python3.12: a = P(); a.x = 1; a.y = 2; b = P(); b.y = 3; b.x = 4; b.z = 5
        //   [type(o).__name__ for o in gc.get_referents(b)] → ['int', 'int', 'int', 'type'] (x, y, z: key order)
        //   del b.y; b.y = 6; b.w = 7; del b.x; b.__dict__ → {'z': 5, 'y': 6, 'w': 7}
        Leaks.Check("py312", rt =>
        {
            var cls = rt.DefineClass("P");
            var a = rt.Call(cls);
            a.SetAttr("x", rt.Int(1));
            a.SetAttr("y", rt.Int(2));
            var b = rt.Call(cls);
            b.SetAttr("y", rt.Int(3));
            b.SetAttr("x", rt.Int(4));
            b.SetAttr("z", rt.Int(5));
            Assert.Equal([4L, 3L, 5L], rt.Gc.GetReferents(b).Where(r => r.TypeName == "int").Select(rt.ToInt64));
            b.DelAttr("y");
            b.SetAttr("y", rt.Int(6));
            b.SetAttr("w", rt.Int(7));
            b.DelAttr("x");
            Assert.False(rt.HasAttr(b, "x"));
            Assert.Equal(7, rt.ToInt64(b.GetAttr("w")));
            Assert.Equal("{'z': 5, 'y': 6, 'w': 7}", b.GetAttr("__dict__").Repr());
            Assert.Equal("{'x': 1, 'y': 2}", a.GetAttr("__dict__").Repr());
        });
    }

    [Fact]
    public void Deleting_and_setting_again_inline_keeps_CPythons_insertion_order()
    {
        // python3.12: c.z = 1; c.w = 2; c.x = 3; del c.z; c.y = 4; c.z = 9 → c.__dict__ {'w': 2, 'x': 3, 'y': 4, 'z': 9}
        Leaks.Check("py312", rt =>
        {
            var cls = rt.DefineClass("P");
            var keys = rt.Call(cls);
            foreach (var name in new[] { "z", "w", "x", "y" })
            {
                keys.SetAttr(name, rt.Int(0));
            }

            var c = rt.Call(cls);
            c.SetAttr("z", rt.Int(1));
            c.SetAttr("w", rt.Int(2));
            c.SetAttr("x", rt.Int(3));
            c.DelAttr("z");
            c.SetAttr("y", rt.Int(4));
            c.SetAttr("z", rt.Int(9));
            Assert.Equal("{'w': 2, 'x': 3, 'y': 4, 'z': 9}", c.GetAttr("__dict__").Repr());
        });
    }

    [Theory]
    [InlineData(0)] // values inline
    [InlineData(1)] // values spilled (the class gained keys after the instance was made)
    [InlineData(2)] // __dict__ made
    public void A_cycle_through_an_instances_values_is_collected_in_every_state(int state)
    {
        Leaks.Check("py312", rt =>
        {
            var cls = rt.DefineClass("Node");
            using (rt.OpenScope())
            {
                var a = rt.Call(cls);
                var b = rt.Call(cls);
                a.SetAttr("peer", b);
                b.SetAttr("peer", a);
                if (state >= 1)
                {
                    // Made when the class had one key: its block holds 1 or 2 values; the third spills.
                    foreach (var name in new[] { "p", "q", "r" })
                    {
                        a.SetAttr(name, rt.List(b));
                    }
                }

                if (state == 2)
                {
                    a.GetAttr("__dict__");
                }
            }

            Assert.Equal(state switch { 0 => 2, 1 => 5, _ => 6 }, rt.Gc.Collect());
        });
    }

    private static Handle DefineLast(Runtime rt, string classes)
    {
        Handle last = default!;
        foreach (var line in classes.Split('\n'))
        {
            var name = line["class ".Length..line.IndexOf('(')];
            var baseName = line[(line.IndexOf('(') + 1)..line.IndexOf(')')];
            var slotsAt = line.IndexOf("__slots__", StringComparison.Ordinal);
            var attributes = new Dictionary<string, Handle>();
            if (slotsAt >= 0)
            {
                var names = line[(line.IndexOf('(', slotsAt) + 1)..line.LastIndexOf(')')]
                    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(s => rt.Str(s.Trim('\'')))
                    .ToArray();
                attributes["__slots__"] = rt.Tuple(names);
            }

            Handle[] bases = baseName switch
            {
                "object" => [],
                "dict" => [rt.HandleFor(rt.Heap.TypeObjectOf(rt.Heap.Types.Dict))],
                "list" => [rt.HandleFor(rt.Heap.TypeObjectOf(rt.Heap.Types.List))],
                _ => [last],
            };
            last = rt.DefineClass(name, attributes, bases);
        }

        return last;
    }
}
