using Refheap.RuntimeTests.Objects.Iteration;
using Refheap.RuntimeTests.Objects.Types;

namespace Refheap.RuntimeTests.Objects.Methods;

public sealed unsafe class InitMethodTests
{
    private static Handle TypeOf(Runtime rt, Refheap.Objects.TypeDescriptor type) => rt.HandleFor(rt.Heap.TypeObjectOf(type));

    [Theory]
    [InlineData("py27", "object() takes no parameters", "object.__init__() takes no parameters")]
    [InlineData("py312", "B() takes no arguments", "object.__init__() takes exactly one argument (the instance to initialize)")]
    public void Object_init_refuses_arguments_as_CPython(string profile, string calledWithArguments, string superWithArguments)
    {
        // python: class B(object): pass; B(1) → TypeError (see above)
        //         class A(object): def __init__(self): super(A, self).__init__(1)  → A() raises the second error
        //         object.__init__() → TypeError: descriptor '__init__' of 'object' object needs an argument
        Leaks.Check(profile, rt =>
        {
            var objectType = TypeOf(rt, rt.Heap.Types.Object);
            var b = rt.DefineClass("B");
            Assert.Equal("TypeError: " + calledWithArguments, IterationKit.Error(() => rt.Call(b, rt.Int(1))));
            Assert.Equal("B", rt.Call(b).TypeName());
            var objectInit = rt.GetAttr(objectType, "__init__");
            var a = rt.DefineClass("A", new Dictionary<string, Handle>
            {
                ["__init__"] = rt.Method("__init__", (self, _) => rt.Call(objectInit, self, rt.Int(1))),
            });
            Assert.Equal("TypeError: " + superWithArguments, IterationKit.Error(() => rt.Call(a)));
            Assert.Equal("TypeError: descriptor '__init__' of 'object' object needs an argument", IterationKit.Error(() => rt.Call(objectInit)));
            Assert.Equal("None", rt.Repr(rt.Call(objectInit, rt.Call(b))));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void An_exception_subclass_still_takes_its_arguments(string profile)
    {
        // python: class E(Exception): pass; E(1).args → (1,)
        Leaks.Check(profile, rt =>
        {
            var e = rt.DefineClass("E", bases: [rt.ExceptionClass("Exception")]);
            Assert.Equal("(1,)", rt.Repr(rt.GetAttr(rt.Call(e, rt.Int(1)), "args")));
        });
    }

    [Theory]
    [InlineData("py27", "list() takes at most 1 argument (2 given)")]
    [InlineData("py312", "list expected at most 1 argument, got 2")]
    public void A_list_subclass_is_filled_by_list_init(string profile, string tooMany)
    {
        // python: class L(list): pass; L([1, 2]) → [1, 2]; L(1, 2) → TypeError (see above); l = L([1]); l.__init__([3]); l → [3]
        Leaks.Check(profile, rt =>
        {
            var cls = rt.DefineClass("L", bases: [TypeOf(rt, rt.Heap.Types.List)]);
            var l = rt.Call(cls, rt.Ints(1, 2));
            Assert.Equal("[1, 2]", rt.Repr(l));
            rt.CallMethod(l, "__init__", rt.Ints(3));
            Assert.Equal("[3]", rt.Repr(l));
            Assert.Equal("TypeError: " + tooMany, IterationKit.Error(() => rt.Call(cls, rt.Int(1), rt.Int(2))));
        });
    }
}
