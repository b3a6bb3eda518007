using Refheap.Objects;
using Refheap.RuntimeTests.Objects.Types;

namespace Refheap.RuntimeTests.Objects.Evaluator;

/// <summary>
/// The heap types the Python evaluator runs on (cell, code, frame, traceback, bound method,
/// module, the wrappers): owned slots, traversal (cycles through them are collected), and
/// their attributes and reprs. Each test returns the heap to its starting census.
/// </summary>
public sealed class EvaluatorTypeTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void CellThatHoldsAListHoldingItIsCollectedAsACycle(string profile) =>
        Leaks.Check(profile, rt =>
        {
            var api = rt.Api;
            var list = api.Heap.NewList();
            var cell = api.NewCell(list);
            Assert.Equal(0, api.ListAppend(list, cell));
            Assert.Equal(list, ObjectApi.CellGet(cell));
            list.DecRef();
            cell.DecRef();
            Assert.Equal(2, rt.Gc.Collect());
        });

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void FrameSlotsOwnTheirObjectsAndAFrameInACycleIsCollected(string profile) =>
        Leaks.Check(profile, rt =>
        {
            var api = rt.Api;
            var (code, globals) = MakeCode(api);
            var frame = api.NewFrame(code, globals, globals, PyRef.Null, PyRef.Null, 3);

            // A frame object, as a traceback or f_back makes one (3.12's running frames are no GC objects).
            api.MaterializeFrame(frame);
            var list = api.Heap.NewList();
            var slots = ObjectApi.FrameSlots(frame);
            Assert.Equal(3, slots.Length);
            slots[2] = list.NewRef();
            Assert.Equal(0, api.ListAppend(list, frame));
            Assert.Equal(2, list.RefCount);
            list.DecRef();
            frame.DecRef();
            Assert.Equal(2, rt.Gc.Collect());
            code.DecRef();
            globals.DecRef();
        });

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void TracebackKeepsItsFrameAndTheFrameItsCaller(string profile) =>
        Leaks.Check(profile, rt =>
        {
            var api = rt.Api;
            var (code, globals) = MakeCode(api);
            var caller = api.NewFrame(code, globals, globals, PyRef.Null, PyRef.Null, 1);
            var callee = api.NewFrame(code, globals, globals, PyRef.Null, caller, 1);
            var tb = api.NewTraceback(PyRef.Null, callee, 0, 7);
            callee.DecRef();
            caller.DecRef();
            var (next, frame, line) = ObjectApi.TracebackEntry(tb);
            Assert.True(next.IsNull);
            Assert.Equal(7, line);
            Assert.Equal(caller, ObjectApi.FrameBack(frame));
            Assert.Equal(1, caller.RefCount);
            var lineno = api.GetAttr(tb, api.Intern("tb_lineno"));
            Assert.True(api.TryAsLong(lineno, out var n));
            Assert.Equal(7, n);
            lineno.DecRef();
            tb.DecRef();
            code.DecRef();
            globals.DecRef();
        });

    [Theory]
    [InlineData("py27", "<module 'm' (built-in)>")]
    [InlineData("py312", "<module 'm' (built-in)>")]
    public void ModuleAttributesAreItsDictEntries(string profile, string repr) =>
        Leaks.Check(profile, rt =>
        {
            var api = rt.Api;
            var module = api.NewModule("m");
            var value = api.NewStr("v");
            Assert.Equal(0, api.SetAttr(module, api.Intern("x"), value));
            Assert.Equal(value, api.DictGetString(ObjectApi.ModuleDict(module), "x"));
            Assert.Equal(repr, api.Repr(module));
            var missing = api.GetAttr(module, api.Intern("nope"));
            Assert.True(missing.IsNull);
            api.Heap.ClearError();
            value.DecRef();
            module.DecRef();
        });

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void BoundMethodsOfTheSamePairAreEqualButNotIdentical(string profile) =>
        Leaks.Check(profile, rt =>
        {
            var api = rt.Api;
            var (code, globals) = MakeCode(api);
            var function = api.NewPythonFunction(code, globals, api.Intern("f"), api.Intern("f"));
            var self = api.Heap.NewList();
            var a = api.NewBoundMethod(function, self);
            var b = api.NewBoundMethod(function, self);
            Assert.NotEqual(a, b);
            Assert.Equal(1, api.RichCompareBool(a, b, CompareOp.Eq));
            Assert.Equal(self, ObjectApi.MethodSelf(a));
            Assert.Equal(function, ObjectApi.MethodFunction(b));
            a.DecRef();
            b.DecRef();
            self.DecRef();
            function.DecRef();
            code.DecRef();
            globals.DecRef();
        });

    [Theory]
    [InlineData("py27", "instancemethod")]
    [InlineData("py312", "method")]
    public void BoundMethodTypeIsNamedPerProfile(string profile, string name) =>
        Leaks.Check(profile, rt => Assert.Equal(name, rt.Api.Heap.Types.Method.Name));

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void PartialCallsItsFunctionWithStoredAndNewArguments(string profile) =>
        Leaks.Check(profile, rt =>
        {
            var api = rt.Api;
            var join = api.NewNativeFunction("join", (_, args, _) =>
                api.NewInt(ObjectApi.TupleSize(args) * 10), isMethod: false);
            var one = api.NewInt(1);
            var args = api.Heap.NewTuple(join, one);
            var partial = api.CallObject(api.EvalTypeObject("partial"), args, PyRef.Null);
            Assert.False(partial.IsNull);
            var result = api.CallObject(partial, args, PyRef.Null);
            Assert.True(api.TryAsLong(result, out var n));
            Assert.Equal(30, n);
            foreach (var r in new[] { result, partial, args, one, join })
            {
                r.DecRef();
            }
        });

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void CodePayloadIsReachedThroughItsSlot(string profile) =>
        Leaks.Check(profile, rt =>
        {
            var api = rt.Api;
            var (code, globals) = MakeCode(api);
            Assert.Equal("payload", api.CodePayload(code));
            Assert.Equal("x.py", ObjectApi.CodeFileName(code));
            Assert.Equal(3, ObjectApi.CodeLine(code, 0));
            code.DecRef();
            globals.DecRef();
        });

    private static (PyRef Code, PyRef Globals) MakeCode(ObjectApi api)
    {
        var empty = api.EmptyTuple;
        var code = api.NewCode("payload", "f", "x.py", 3, empty, empty, empty, [3], 0, 0, 0, 0);
        Assert.False(code.IsNull);
        return (code, api.Heap.NewDict());
    }
}
