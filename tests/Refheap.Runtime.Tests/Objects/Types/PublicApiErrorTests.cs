namespace Refheap.RuntimeTests.Objects.Types;

/// <summary>
/// Wrong types and arities through the public API raise the Python exception CPython raises,
/// and the heap stays usable and leak-free afterwards.
/// </summary>
public sealed class PublicApiErrorTests
{
    // Each case: an operation on fresh objects, and the error as CPython 2.7 / 3.12 prints it
    // (from the python program in the comment). "Task" is a user class without __init__.
    public static TheoryData<string, string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            void Add(string name, string py27, string py312)
            {
                data.Add("py27", name, py27);
                data.Add("py312", name, py312);
            }

            // t.missing
            Add("getattr missing", "AttributeError: 'Task' object has no attribute 'missing'", "AttributeError: 'Task' object has no attribute 'missing'");

            // None.x
            Add("getattr on None", "AttributeError: 'NoneType' object has no attribute 'x'", "AttributeError: 'NoneType' object has no attribute 'x'");

            // 'abc'.x = 1
            Add("setattr on str", "AttributeError: 'str' object has no attribute 'x'", "AttributeError: 'str' object has no attribute 'x'");

            // [].x
            Add("getattr on list", "AttributeError: 'list' object has no attribute 'x'", "AttributeError: 'list' object has no attribute 'x'");

            // object().x = 1
            Add("setattr on object", "AttributeError: 'object' object has no attribute 'x'", "AttributeError: 'object' object has no attribute 'x'");

            // Task(1)
            Add("class call with arguments", "TypeError: object() takes no parameters", "TypeError: Task() takes no arguments");

            // len(1)
            Add("len of int", "TypeError: object of type 'int' has no len()", "TypeError: object of type 'int' has no len()");

            // len(Task())
            Add("len of instance", "TypeError: object of type 'Task' has no len()", "TypeError: object of type 'Task' has no len()");

            // 3()
            Add("call an int", "TypeError: 'int' object is not callable", "TypeError: 'int' object is not callable");

            // Task()()
            Add("call an instance", "TypeError: 'Task' object is not callable", "TypeError: 'Task' object is not callable");

            // {}[[]] = 1
            Add("unhashable key", "TypeError: unhashable type: 'list'", "TypeError: unhashable type: 'list'");

            // {}['a']
            Add("missing key", "KeyError: 'a'", "KeyError: 'a'");

            // {}[(1,)]
            Add("missing tuple key", "KeyError: (1,)", "KeyError: (1,)");

            // [][0]
            Add("index empty list", "IndexError: list index out of range", "IndexError: list index out of range");

            // [1]['a']
            Add("list index str", "TypeError: list indices must be integers, not str", "TypeError: list indices must be integers or slices, not str");

            // (1, 2)[0] = 1
            Add("tuple item assignment", "TypeError: 'tuple' object does not support item assignment", "TypeError: 'tuple' object does not support item assignment");

            // Task()[0] = 1
            Add("instance item assignment", "TypeError: 'Task' object does not support item assignment", "TypeError: 'Task' object does not support item assignment");

            // del Task()[0]
            Add("instance item deletion", "TypeError: 'Task' object doesn't support item deletion", "TypeError: 'Task' object doesn't support item deletion");

            // 1[0] = 1
            Add("int item assignment", "TypeError: 'int' object does not support item assignment", "TypeError: 'int' object does not support item assignment");

            // Task()[0]
            Add("index an instance", "TypeError: 'Task' object does not support indexing", "TypeError: 'Task' object is not subscriptable");

            // None[0] (2.7's wording for built-ins is in a skipped test below)
            data.Add("py312", "index None", "TypeError: 'NoneType' object is not subscriptable");

            // Task.__name__ = 1
            Add("class name to int", "TypeError: can only assign string to Task.__name__, not 'int'", "TypeError: can only assign string to Task.__name__, not 'int'");

            // int.x = 1
            Add("setattr on a built-in type", "TypeError: can't set attributes of built-in/extension type 'int'", "TypeError: cannot set 'x' attribute of immutable type 'int'");
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_operation_raises_CPythons_error_and_leaves_the_heap_usable(string profile, string operation, string expected)
    {
        Leaks.Check(profile, rt =>
        {
            var task = rt.DefineClass("Task");
            Action op = operation switch
            {
                "getattr missing" => () => rt.Call(task).GetAttr("missing"),
                "getattr on None" => () => rt.None.GetAttr("x"),
                "setattr on str" => () => rt.Str("abc").SetAttr("x", rt.Int(1)),
                "getattr on list" => () => rt.List().GetAttr("x"),
                "setattr on object" => () => rt.Call(rt.HandleFor(rt.Heap.TypeObjectOf(rt.Heap.Types.Object))).SetAttr("x", rt.Int(1)),
                "class call with arguments" => () => rt.Call(task, rt.Int(1)),
                "len of int" => () => rt.Length(rt.Int(1)),
                "len of instance" => () => rt.Length(rt.Call(task)),
                "call an int" => () => rt.Call(rt.Int(3)),
                "call an instance" => () => rt.Call(rt.Call(task)),
                "unhashable key" => () => rt.SetItem(rt.Dict(), rt.List(), rt.Int(1)),
                "missing key" => () => rt.GetItem(rt.Dict(), rt.Str("a")),
                "missing tuple key" => () => rt.GetItem(rt.Dict(), rt.Tuple(rt.Int(1))),
                "index empty list" => () => rt.GetItem(rt.List(), rt.Int(0)),
                "list index str" => () => rt.GetItem(rt.List(rt.Int(1)), rt.Str("a")),
                "tuple item assignment" => () => rt.SetItem(rt.Tuple(rt.Int(1), rt.Int(2)), rt.Int(0), rt.Int(1)),
                "instance item assignment" => () => rt.SetItem(rt.Call(task), rt.Int(0), rt.Int(1)),
                "instance item deletion" => () => rt.DelItem(rt.Call(task), rt.Int(0)),
                "int item assignment" => () => rt.SetItem(rt.Int(1), rt.Int(0), rt.Int(1)),
                "index an instance" => () => rt.GetItem(rt.Call(task), rt.Int(0)),
                "index None" => () => rt.GetItem(rt.None, rt.Int(0)),
                "class name to int" => () => task.SetAttr("__name__", rt.Int(1)),
                "setattr on a built-in type" => () => rt.HandleFor(rt.Heap.TypeObjectOf(rt.Heap.Types.Int)).SetAttr("x", rt.Int(1)),
                _ => throw new ArgumentException(operation, nameof(operation)),
            };
            var e = Assert.Throws<PythonException>(op);
            Assert.Equal(expected, $"{e.TypeName}: {e.PythonMessage}");
            Assert.False(rt.Heap.ErrorOccurred);

            // The heap goes on working.
            var t = rt.Call(task);
            t.SetAttr("after", rt.List(rt.Str("ok")));
            Assert.Equal("['ok']", t.GetAttr("after").Repr());
        });
    }

    [Fact]
    public void Indexing_a_built_in_without_items_raises_27s_TypeError()
    {
        // python2.7: None[0] → TypeError: 'NoneType' object has no attribute '__getitem__'
        //            (1)[0]  → TypeError: 'int' object has no attribute '__getitem__'
        using var rt = TestRuntimes.Create("py27");
        using var scope = rt.OpenScope();
        var e = Assert.Throws<PythonException>(() => rt.GetItem(rt.None, rt.Int(0)));
        Assert.Equal("TypeError: 'NoneType' object has no attribute '__getitem__'", $"{e.TypeName}: {e.PythonMessage}");
        e = Assert.Throws<PythonException>(() => rt.GetItem(rt.Int(1), rt.Int(0)));
        Assert.Equal("TypeError: 'int' object has no attribute '__getitem__'", $"{e.TypeName}: {e.PythonMessage}");
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Storing_over_a_class_attribute_of_a_built_in_instance_says_it_is_read_only(string profile)
    {
        // python2.7 / python3.12: 'abc'.upper = 1 → AttributeError: 'str' object attribute 'upper' is read-only
        //                         'abc'.zzz = 1   → AttributeError: 'str' object has no attribute 'zzz'
        Leaks.Check(profile, rt =>
        {
            var e = Assert.Throws<PythonException>(() => rt.Str("abc").SetAttr("upper", rt.Int(1)));
            Assert.Equal("AttributeError: 'str' object attribute 'upper' is read-only", $"{e.TypeName}: {e.PythonMessage}");
            e = Assert.Throws<PythonException>(() => rt.Str("abc").SetAttr("zzz", rt.Int(1)));
            Assert.Equal("AttributeError: 'str' object has no attribute 'zzz'", $"{e.TypeName}: {e.PythonMessage}");
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_C_sharp_callable_checking_its_arity_raises_TypeError_and_nothing_leaks(string profile)
    {
        // python2.7: def f(a): pass; f(1, 2) → TypeError: f() takes exactly 1 argument (2 given)
        // python3.12: TypeError: f() takes 1 positional argument but 2 were given
        using var rt = TestRuntimes.Create(profile);
        var start = Leaks.Start(rt);
        var message = profile == "py27" ? "f() takes exactly 1 argument (2 given)" : "f() takes 1 positional argument but 2 were given";
        using (rt.OpenScope())
        {
            var f = rt.Function("f", args => args.Length == 1 ? args[0] : throw new PythonException("TypeError", message));
            var e = Assert.Throws<PythonException>(() => f.Call(rt.List(), rt.Str("extra")));
            Assert.Equal(("TypeError", message), (e.TypeName, e.PythonMessage));
            Assert.Equal("[]", f.Call(rt.List()).Repr());
        }

        Leaks.AssertBackTo(rt, start);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Converting_the_wrong_type_to_CSharp_raises_TypeError(string profile)
    {
        Leaks.Check(profile, rt =>
        {
            var e = Assert.Throws<PythonException>(() => rt.ToInt64(rt.Str("1")));
            Assert.Equal("TypeError", e.TypeName);
            e = Assert.Throws<PythonException>(() => rt.ToText(rt.Int(1)));
            Assert.Equal("TypeError", e.TypeName);
            e = Assert.Throws<PythonException>(() => rt.ToDouble(rt.List()));
            Assert.Equal("TypeError", e.TypeName);
            Assert.Equal(1, rt.ToInt64(rt.Int(1)));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Exceptions_of_many_errors_live_until_their_scope_closes(string profile)
    {
        // The exceptions live in the handle scope Leaks.Check opens; closing it must release them all.
        Leaks.Check(profile, rt =>
        {
            var task = rt.Call(rt.DefineClass("Task"));
            var d = rt.Dict();
            for (var i = 0; i < 500; i++)
            {
                Assert.Throws<PythonException>(() => task.GetAttr("missing"));
                Assert.Throws<PythonException>(() => rt.GetItem(d, rt.Int(i)));
            }

            // Each PythonException carries its instance in a handle of the open scope.
            Assert.Equal(500, rt.TakeCensus().Count("AttributeError"));
            Assert.Equal(500, rt.TakeCensus().Count("KeyError"));
        });
    }
}
