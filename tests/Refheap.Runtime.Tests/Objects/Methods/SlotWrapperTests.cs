using Refheap.RuntimeTests.Objects.Iteration;
using Refheap.RuntimeTests.Objects.Types;

namespace Refheap.RuntimeTests.Objects.Methods;

public sealed unsafe class SlotWrapperTests
{
    private static Handle TypeOf(Runtime rt, Refheap.Objects.TypeDescriptor type) => rt.HandleFor(rt.Heap.TypeObjectOf(type));

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_subclass_reaches_its_bases_slots_through_the_type(string profile)
    {
        // python: l = [1, 2]; list.__setitem__(l, 0, 5); list.__getitem__(l, 0) → 5; list.__len__(l) → 2
        //         list.__delitem__(l, 0); l → [2]; list.__contains__(l, 2) → True; tuple.__getitem__((7,), 0) → 7; dict.__len__({1: 2}) → 1
        Leaks.Check(profile, rt =>
        {
            var list = TypeOf(rt, rt.Heap.Types.List);
            var l = rt.Ints(1, 2);
            rt.Call(rt.GetAttr(list, "__setitem__"), l, rt.Int(0), rt.Int(5));
            Assert.Equal("5", rt.Repr(rt.Call(rt.GetAttr(list, "__getitem__"), l, rt.Int(0))));
            Assert.Equal("2", rt.Repr(rt.Call(rt.GetAttr(list, "__len__"), l)));
            rt.Call(rt.GetAttr(list, "__delitem__"), l, rt.Int(0));
            Assert.Equal("[2]", rt.Repr(l));
            Assert.Equal("True", rt.Repr(rt.CallMethod(l, "__contains__", rt.Int(2))));
            Assert.Equal("7", rt.Repr(rt.CallMethod(rt.Tuple(rt.Int(7)), "__getitem__", rt.Int(0))));
            var d = rt.Dict();
            rt.CallMethod(d, "__setitem__", rt.Int(1), rt.Int(2));
            Assert.Equal("1", rt.Repr(rt.CallMethod(d, "__len__")));
            Assert.Equal(["1"], rt.Drain(rt.CallMethod(d, "__iter__")));
        });
    }

    [Theory]
    [InlineData("py27", " expected 2 arguments, got 1", "expected 1 arguments, got 0", "expected 0 arguments, got 1", "__getitem__() takes exactly one argument (0 given)", "wrapper __len__ doesn't take keyword arguments")]
    [InlineData("py312", " expected 2 arguments, got 1", "expected 1 argument, got 0", "expected 0 arguments, got 1", "list.__getitem__() takes exactly one argument (0 given)", "wrapper __len__() takes no keyword arguments")]
    public void Bad_calls_of_slot_wrappers_raise_CPythons_TypeErrors(string profile, string setitem, string contains, string len, string getitem, string keywords)
    {
        // python2.7 / python3.12: [1].__setitem__(0); [1].__contains__(); [1].__len__(1); [1].__getitem__(); [1].__len__(x=1)
        Leaks.Check(profile, rt =>
        {
            var l = rt.Ints(1);
            Assert.Equal("TypeError: " + setitem, IterationKit.Error(() => rt.CallMethod(l, "__setitem__", rt.Int(0))));
            Assert.Equal("TypeError: " + contains, IterationKit.Error(() => rt.CallMethod(l, "__contains__")));
            Assert.Equal("TypeError: " + len, IterationKit.Error(() => rt.CallMethod(l, "__len__", rt.Int(1))));
            Assert.Equal("TypeError: " + getitem, IterationKit.Error(() => rt.CallMethod(l, "__getitem__")));
            Assert.Equal("TypeError: " + keywords, IterationKit.Error(() => rt.CallMethodKw(l, "__len__", [], ("x", rt.Int(1)))));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_list_subclass_keeps_its_list_behaviour(string profile)
    {
        // python: class L(list): pass; l = L([1, 2]); len(l) → 2; bool(L()) → False; l[1] → 2; 2 in l → True
        Leaks.Check(profile, rt =>
        {
            var cls = rt.DefineClass("L", bases: [TypeOf(rt, rt.Heap.Types.List)]);
            var l = rt.Call(cls, rt.Ints(1, 2));
            Assert.Equal(2, rt.Length(l));
            Assert.Equal(0, rt.Heap.IsTrue(rt.Call(cls).Ref().Ptr));
            Assert.Equal("2", rt.Repr(rt.GetItem(l, rt.Int(1))));
            Assert.True(rt.In(l, rt.Int(2)));
            Assert.Equal(["1", "2"], rt.Drain(l));
            rt.CallMethod(l, "extend", l);
            Assert.Equal(4, rt.Length(l));
        });
    }
}
