using Refheap.Objects;

namespace Refheap.RuntimeTests.Objects.Types;

/// <summary>
/// A class derived from an exception keeps its attributes in BaseException's own dict slot (no
/// second dict, even with <c>__slots__</c>), which the collector visits once, through the base.
/// </summary>
public sealed class ExceptionSubclassTests
{
    [Theory]
    // class E(Exception): __slots__ = ('a',)
    // e = E('arg'); e.a = 'slot'; e.extra = 1
    // e.__dict__ → {'extra': 1}; sys.getsizeof(e) → 80 (2.7), 96 (3.12)
    // [type(o).__name__ for o in gc.get_referents(e)]
    //   → python2.7: ['str', 'type', 'dict', 'tuple', 'str'] (the last one: e.message)
    //   → python3.12: ['str', 'type', 'dict', 'tuple']
    [InlineData("py27", 80, new[] { "str", "type", "dict", "tuple", "str" })]
    [InlineData("py312", 96, new[] { "str", "type", "dict", "tuple" })]
    public void A_slotted_exception_subclass_uses_the_base_dict_once(string profile, long size, string[] referents)
    {
        Leaks.Check(profile, rt =>
        {
            var exception = rt.HandleFor(rt.Heap.TypeObjectOf(rt.Heap.Types.Exceptions.Find("Exception")!));
            var cls = rt.DefineClass("E", new Dictionary<string, Handle> { ["__slots__"] = rt.Tuple(rt.Str("a")) }, [exception]);
            var e = rt.Call(cls, rt.Str("arg"));
            e.SetAttr("a", rt.Str("slot"));
            e.SetAttr("extra", rt.Int(1));

            Assert.Equal("{'extra': 1}", e.GetAttr("__dict__").Repr());
            Assert.Equal(size, new ObjectApi(rt.Heap).SizeOfObject(e.Ref()));
            Assert.Equal(referents, rt.Gc.GetReferents(e).Select(r => r.TypeName));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void An_exception_subclass_in_a_cycle_through_its_dict_is_collected(string profile)
    {
        // class E(ValueError): pass
        // e = E(); e.me = e; del e; gc.collect() → 2 (the instance and its dict), both versions
        Leaks.Check(profile, rt =>
        {
            var exception = rt.HandleFor(rt.Heap.TypeObjectOf(rt.Heap.Types.Exceptions.Find("ValueError")!));
            var cls = rt.DefineClass("E", bases: [exception]);
            rt.Gc.Collect();
            using (rt.OpenScope())
            {
                var e = rt.Call(cls);
                e.SetAttr("me", e);
            }

            Assert.Equal(2, rt.Gc.Collect());
        });
    }

    [Theory]
    // type('D', (E,), {'__slots__': ('__dict__',)}) with E(Exception), and the same for __weakref__ over E2(object) with one:
    //   python2.7:  __dict__ slot disallowed: we already got one
    //               __weakref__ slot disallowed: either we already got one, or __itemsize__ != 0
    //   python3.12: __dict__ slot disallowed: we already got one
    //               __weakref__ slot disallowed: we already got one
    [InlineData("py27", "__dict__", "__dict__ slot disallowed: we already got one")]
    [InlineData("py312", "__dict__", "__dict__ slot disallowed: we already got one")]
    [InlineData("py27", "__weakref__", "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0")]
    [InlineData("py312", "__weakref__", "__weakref__ slot disallowed: we already got one")]
    public void A_slot_for_a_dict_or_weak_list_the_base_has_is_a_TypeError(string profile, string slot, string message)
    {
        Leaks.Check(profile, rt =>
        {
            var exception = rt.HandleFor(rt.Heap.TypeObjectOf(rt.Heap.Types.Exceptions.Find("Exception")!));
            var withDict = rt.DefineClass("E", bases: [exception]);
            var withWeak = rt.DefineClass("W", new Dictionary<string, Handle> { ["__slots__"] = rt.Tuple(rt.Str("__weakref__")) });
            var e = Assert.Throws<PythonException>(() =>
                rt.DefineClass("D", new Dictionary<string, Handle> { ["__slots__"] = rt.Tuple(rt.Str(slot)) }, [slot == "__dict__" ? withDict : withWeak]));
            Assert.Equal(("TypeError", message), (e.TypeName, e.PythonMessage));
        });
    }
}
