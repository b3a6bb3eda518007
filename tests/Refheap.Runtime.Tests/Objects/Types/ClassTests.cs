using System.Text.RegularExpressions;
using Refheap.Objects.Native.Instance;

namespace Refheap.RuntimeTests.Objects.Types;

public sealed unsafe partial class ClassTests
{
    [Fact]
    public void In_27_an_instance_gets_its_own_dict_object_on_the_first_attribute_store()
    {
        // python2.7: t = Task(); '__dict__' slot empty until t.x = 1 makes a dict (objgraph/heapy count it)
        Leaks.Check("py27", rt =>
        {
            var task = rt.Call(rt.DefineClass("Task"));
            var before = rt.TakeCensus();
            Assert.False(HasDictObject(task));
            task.SetAttr("title", rt.Str("write the talk"));
            Assert.True(HasDictObject(task));
            Assert.Equal(new Dictionary<string, long> { ["dict"] = 1, ["str"] = 1 }, rt.TakeCensus().Since(before));
            task.SetAttr("done", rt.Bool(false));
            Assert.Equal(1, rt.TakeCensus().Since(before)["dict"]);
            Assert.Equal("{'done': False, 'title': 'write the talk'}", task.GetAttr("__dict__").Repr());
        });
    }

    [Fact]
    public void In_312_an_instance_has_no_dict_object_until___dict___is_read()
    {
        // python3.12: attributes live in the instance's inline values; reading t.__dict__ makes the dict.
        Leaks.Check("py312", rt =>
        {
            var task = rt.Call(rt.DefineClass("Task"));
            var before = rt.TakeCensus();
            task.SetAttr("title", rt.Str("write the talk"));
            task.SetAttr("done", rt.Bool(false));
            Assert.False(HasDictObject(task));
            Assert.Equal(new Dictionary<string, long> { ["str"] = 1 }, rt.TakeCensus().Since(before));
            Assert.Equal("write the talk", rt.ToText(task.GetAttr("title")));

            var dict = task.GetAttr("__dict__");
            Assert.True(HasDictObject(task));
            Assert.Equal(1, rt.TakeCensus().Since(before)["dict"]);
            Assert.Equal("{'title': 'write the talk', 'done': False}", dict.Repr());
            Assert.True(dict.Is(task.GetAttr("__dict__")));

            // From now on the instance uses the dict: stores show up in it.
            task.SetAttr("owner", rt.Str("me"));
            Assert.Equal(3, rt.Length(dict));
            task.DelAttr("title");
            Assert.Equal("{'done': False, 'owner': 'me'}", dict.Repr());
        });
    }

    [Theory]
    // python3.12: a.x = 1; a.y = 2; b.y = 1; b.x = 2; b.__dict__ → {'y': 1, 'x': 2}; a.__dict__ → {'x': 1, 'y': 2}
    //             c.x = 1; c.y = 2; del c.x; c.x = 3; c.__dict__ → {'y': 2, 'x': 3}
    // python2.7:  the same dicts in hash order: {'y': 1, 'x': 2}, {'y': 2, 'x': 1}, {'y': 2, 'x': 3}
    [InlineData("py27", "{'y': 1, 'x': 2}", "{'y': 2, 'x': 1}", "{'y': 2, 'x': 3}")]
    [InlineData("py312", "{'y': 1, 'x': 2}", "{'x': 1, 'y': 2}", "{'y': 2, 'x': 3}")]
    public void Each_instances___dict___keeps_its_own_insertion_order(string profile, string b, string a, string c)
    {
        Leaks.Check(profile, rt =>
        {
            var cls = rt.DefineClass("T");
            var x = rt.Call(cls);
            x.SetAttr("x", rt.Int(1));
            x.SetAttr("y", rt.Int(2));
            var y = rt.Call(cls);
            y.SetAttr("y", rt.Int(1));
            y.SetAttr("x", rt.Int(2));
            var z = rt.Call(cls);
            z.SetAttr("x", rt.Int(1));
            z.SetAttr("y", rt.Int(2));
            z.DelAttr("x");
            z.SetAttr("x", rt.Int(3));
            z.SetAttr("y", rt.Int(2));
            Assert.Equal(b, y.GetAttr("__dict__").Repr());
            Assert.Equal(a, x.GetAttr("__dict__").Repr());
            Assert.Equal(c, z.GetAttr("__dict__").Repr());
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Attributes_are_set_read_replaced_and_deleted(string profile)
    {
        // python2.7 / python3.12:
        //   t.x → AttributeError: 'Task' object has no attribute 'x'
        //   del t.x (absent, after t had a dict) → 2.7: AttributeError: x; 3.12: 'Task' object has no attribute 'x'
        Leaks.Check(profile, rt =>
        {
            var task = rt.Call(rt.DefineClass("Task"));
            AssertAttributeError("'Task' object has no attribute 'x'", () => task.GetAttr("x"));
            AssertAttributeError("'Task' object has no attribute 'x'", () => task.DelAttr("x"));
            Assert.False(rt.HasAttr(task, "x"));
            task.SetAttr("x", rt.Int(1));
            Assert.True(rt.HasAttr(task, "x"));
            task.SetAttr("x", rt.Int(2));
            Assert.Equal(2, rt.ToInt64(task.GetAttr("x")));
            task.DelAttr("x");
            AssertAttributeError("'Task' object has no attribute 'x'", () => task.GetAttr("x"));
            // 2.7 deleting a name its dict lacks: AttributeError(name); 3.x words it.
            AssertAttributeError(profile == "py27" ? "x" : "'Task' object has no attribute 'x'", () => task.DelAttr("x"));
            task.SetAttr("x", rt.Int(3));
            Assert.Equal(3, rt.ToInt64(task.GetAttr("x")));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Many_attributes_on_one_instance_all_stay_readable(string profile)
    {
        // 3.12 shares at most 30 keys per class (SHARED_KEYS_MAX_SIZE); beyond, the instance
        // falls back to a dict. The attributes must not notice.
        Leaks.Check(profile, rt =>
        {
            var cls = rt.DefineClass("Wide");
            var a = rt.Call(cls);
            var b = rt.Call(cls);
            for (var i = 0; i < 40; i++)
            {
                a.SetAttr("f" + i, rt.Int(i));
                b.SetAttr("f" + (39 - i), rt.Int(i));
            }

            for (var i = 0; i < 40; i++)
            {
                Assert.Equal(i, rt.ToInt64(a.GetAttr("f" + i)));
                Assert.Equal(39 - i, rt.ToInt64(b.GetAttr("f" + i)));
            }

            Assert.Equal(40, rt.Length(a.GetAttr("__dict__")));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Slots_instances_have_no_dict_and_reject_other_attributes(string profile)
    {
        // python2.7 / python3.12:  class S(object): __slots__ = ('a', 'b')
        //   s.c = 1       → AttributeError: 'S' object has no attribute 'c'
        //   s.c           → AttributeError: 'S' object has no attribute 'c'
        //   s.__dict__    → AttributeError: 'S' object has no attribute '__dict__'
        //   s.a (unset)   → AttributeError: a (2.7) / 'S' object has no attribute 'a' (3.12)
        //   del s.a (unset) → AttributeError: a
        Leaks.Check(profile, rt =>
        {
            var cls = rt.DefineClass("S", new Dictionary<string, Handle> { ["__slots__"] = rt.Tuple(rt.Str("a"), rt.Str("b")) });
            var before = rt.TakeCensus();
            var s = rt.Call(cls);
            AssertAttributeError("'S' object has no attribute 'c'", () => s.SetAttr("c", rt.Int(1)));
            AssertAttributeError("'S' object has no attribute 'c'", () => s.GetAttr("c"));
            AssertAttributeError("'S' object has no attribute '__dict__'", () => s.GetAttr("__dict__"));
            AssertAttributeError(profile == "py27" ? "a" : "'S' object has no attribute 'a'", () => s.GetAttr("a"));
            AssertAttributeError("a", () => s.DelAttr("a"));
            s.SetAttr("a", rt.Int(1));
            s.SetAttr("b", rt.Str("two"));
            Assert.Equal(1, rt.ToInt64(s.GetAttr("a")));
            Assert.Equal("two", rt.ToText(s.GetAttr("b")));
            s.DelAttr("a");
            AssertAttributeError("a", () => s.DelAttr("a"));
            Assert.Equal(0, rt.TakeCensus().Since(before).GetValueOrDefault("dict"));
            Assert.Equal(1, rt.TakeCensus().Since(before)["__main__.S"]);
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_slots_class_with___dict___in_its_slots_takes_any_attribute(string profile)
    {
        // python2.7 / python3.12: class S(object): __slots__ = ('a', '__dict__'); s.z = 1 → fine
        Leaks.Check(profile, rt =>
        {
            var cls = rt.DefineClass("S", new Dictionary<string, Handle> { ["__slots__"] = rt.List(rt.Str("a"), rt.Str("__dict__")) });
            var s = rt.Call(cls);
            s.SetAttr("a", rt.Int(1));
            s.SetAttr("z", rt.Int(2));
            Assert.Equal("{'z': 2}", s.GetAttr("__dict__").Repr());
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Class_attributes_are_visible_through_instances_until_an_instance_attribute_shadows_them(string profile)
    {
        // python2.7 / python3.12: class Task(object): kind = 'task'
        //   t.kind → 'task'; t.kind = 'mine'; Task.kind → 'task'; del t.kind; t.kind → 'task'
        //   Task.kind = 'job' → t.kind == 'job'
        Leaks.Check(profile, rt =>
        {
            var cls = rt.DefineClass("Task", new Dictionary<string, Handle> { ["kind"] = rt.Str("task") });
            var t = rt.Call(cls);
            Assert.Equal("task", rt.ToText(t.GetAttr("kind")));
            t.SetAttr("kind", rt.Str("mine"));
            Assert.Equal("mine", rt.ToText(t.GetAttr("kind")));
            Assert.Equal("task", rt.ToText(cls.GetAttr("kind")));
            t.DelAttr("kind");
            Assert.Equal("task", rt.ToText(t.GetAttr("kind")));
            AssertAttributeError(profile == "py27" ? "kind" : "'Task' object has no attribute 'kind'", () => t.DelAttr("kind"));
            cls.SetAttr("kind", rt.Str("job"));
            Assert.Equal("job", rt.ToText(t.GetAttr("kind")));
            cls.SetAttr("added", rt.Int(5));
            Assert.Equal(5, rt.ToInt64(t.GetAttr("added")));
            AssertAttributeError("type object 'Task' has no attribute 'missing'", () => cls.GetAttr("missing"));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Deleting_a_missing_class_attribute_raises_as_CPython_does(string profile)
    {
        // python2.7: del Task.nothing → AttributeError: nothing
        // python3.12: del Task.nothing → AttributeError: type object 'Task' has no attribute 'nothing'
        Leaks.Check(profile, rt =>
        {
            var cls = rt.DefineClass("Task");
            AssertAttributeError(profile == "py27" ? "nothing" : "type object 'Task' has no attribute 'nothing'", () => cls.DelAttr("nothing"));
            cls.SetAttr("something", rt.Int(1));
            cls.DelAttr("something");
            Assert.False(rt.HasAttr(cls, "something"));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Class_and_name_and_bases_read_as_in_CPython(string profile)
    {
        // python2.7 / python3.12: t.__class__ is Task; Task.__name__ == 'Task';
        //   Task.__bases__ == (object,); Task.__module__ == '__main__'
        Leaks.Check(profile, rt =>
        {
            var cls = rt.DefineClass("Task");
            var t = rt.Call(cls);
            Assert.True(t.GetAttr("__class__").Is(cls));

            // python2.7 / python3.12: Task.__class__ is type → True
            Assert.True(cls.GetAttr("__class__").Is(rt.HandleFor(rt.Heap.TypeObjectOf(rt.Heap.Types.Type))));
            Assert.Equal("Task", rt.ToText(cls.GetAttr("__name__")));
            Assert.Equal("__main__", rt.ToText(cls.GetAttr("__module__")));
            Assert.Equal(["object"], rt.ClassNames(cls.GetAttr("__bases__")));
            Assert.Equal(["Task", "object"], rt.ClassNames(cls.GetAttr("__mro__")));
            Assert.Equal("__main__.Task", t.TypeName);
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_subclass_inherits_attributes_and_slots(string profile)
    {
        // python2.7 / python3.12:
        //   class S(object): __slots__ = ('a', 'b'); kind = 'S'   (kind after the class body)
        //   class SS(S): __slots__ = ('c',)  → ss.a = 1; ss.c = 2 fine; ss.d = 1 → AttributeError: 'SS' object has no attribute 'd'
        //   class Sub(S): pass               → sub.a = 1; sub.z = 3; sub.__dict__ == {'z': 3}
        Leaks.Check(profile, rt =>
        {
            var s = rt.DefineClass("S", new Dictionary<string, Handle> { ["__slots__"] = rt.Tuple(rt.Str("a"), rt.Str("b")), ["kind"] = rt.Str("S") });
            var ss = rt.DefineClass("SS", new Dictionary<string, Handle> { ["__slots__"] = rt.Tuple(rt.Str("c")) }, [s]);
            var sub = rt.DefineClass("Sub", bases: [s]);

            var x = rt.Call(ss);
            x.SetAttr("a", rt.Int(1));
            x.SetAttr("c", rt.Int(2));
            Assert.Equal(1, rt.ToInt64(x.GetAttr("a")));
            Assert.Equal(2, rt.ToInt64(x.GetAttr("c")));
            Assert.Equal("S", rt.ToText(x.GetAttr("kind")));
            AssertAttributeError("'SS' object has no attribute 'd'", () => x.SetAttr("d", rt.Int(1)));
            AssertAttributeError("'SS' object has no attribute '__dict__'", () => x.GetAttr("__dict__"));

            var y = rt.Call(sub);
            y.SetAttr("a", rt.Int(1));
            y.SetAttr("z", rt.Int(3));
            Assert.Equal(1, rt.ToInt64(y.GetAttr("a")));
            Assert.Equal("{'z': 3}", y.GetAttr("__dict__").Repr());
            Assert.Equal(["Sub", "S", "object"], rt.ClassNames(sub.GetAttr("__mro__")));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void The_MRO_of_a_diamond_is_CPythons_C3_linearization(string profile)
    {
        // python2.7 / python3.12:
        //   class A(object): pass; class B(A): pass; class C(A): pass; class D(B, C): pass
        //   [k.__name__ for k in D.__mro__] → ['D', 'B', 'C', 'A', 'object']
        //   class E(C, B): x = 'E'  → E.__mro__: E C B A object
        //   class F(D): pass  → F D B C A object
        Leaks.Check(profile, rt =>
        {
            var a = rt.DefineClass("A", new Dictionary<string, Handle> { ["x"] = rt.Str("A") });
            var b = rt.DefineClass("B", bases: [a]);
            var c = rt.DefineClass("C", new Dictionary<string, Handle> { ["x"] = rt.Str("C") }, [a]);
            var d = rt.DefineClass("D", bases: [b, c]);
            Assert.Equal(["D", "B", "C", "A", "object"], rt.ClassNames(d.GetAttr("__mro__")));
            Assert.Equal(["B", "C"], rt.ClassNames(d.GetAttr("__bases__")));
            Assert.Equal(["E", "C", "B", "A", "object"], rt.ClassNames(rt.DefineClass("E", bases: [c, b]).GetAttr("__mro__")));
            Assert.Equal(["F", "D", "B", "C", "A", "object"], rt.ClassNames(rt.DefineClass("F", bases: [d]).GetAttr("__mro__")));

            // Lookup follows the MRO: C's x comes before A's.
            Assert.Equal("C", rt.ToText(rt.Call(d).GetAttr("x")));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void An_inconsistent_MRO_raises_TypeError(string profile)
    {
        // python3.12: class A: pass; class B(A): pass; type('X', (A, B), {})
        //   → TypeError: Cannot create a consistent method resolution\norder (MRO) for bases A, B
        // python2.7: the same text, with the bases in its dict's order (here: B, A)
        Leaks.Check(profile, rt =>
        {
            var a = rt.DefineClass("A");
            var b = rt.DefineClass("B", bases: [a]);
            var e = Assert.Throws<PythonException>(() => rt.DefineClass("X", bases: [a, b]));
            Assert.Equal("TypeError", e.TypeName);
            Assert.StartsWith("Cannot create a consistent method resolution\norder (MRO) for bases ", e.PythonMessage);
            if (profile == "py312")
            {
                Assert.Equal("Cannot create a consistent method resolution\norder (MRO) for bases A, B", e.PythonMessage);
            }
            else
            {
                Assert.Contains(e.PythonMessage[^4..], new[] { "B, A", "A, B" });
            }
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Classes_and_instances_repr_as_in_CPython(string profile)
    {
        // python2.7 / python3.12: repr(Task) → <class '__main__.Task'>
        //   repr(Task()) → <__main__.Task object at 0x7f0891e5ec10>  (the address is id(t) in hex)
        Leaks.Check(profile, rt =>
        {
            var cls = rt.DefineClass("Task");
            Assert.Equal("<class '__main__.Task'>", cls.Repr());
            Assert.Equal("<class 'app.models.Task'>", rt.DefineClass("Task", module: "app.models").Repr());
            var t = rt.Call(cls);
            var repr = t.Repr();
            Assert.Matches(AddressRepr(), repr);
            Assert.Equal($"<__main__.Task object at 0x{t.Id:x}>", repr);
            Assert.Equal(repr, rt.Str(t));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_C_sharp___repr___is_used_by_repr_and_str(string profile)
    {
        // python2.7 / python3.12: class T(object): def __repr__(self): return 'T!'  → repr(t), str(t) → 'T!'
        Leaks.Check(profile, rt =>
        {
            var cls = rt.DefineClass("T", new Dictionary<string, Handle> { ["__repr__"] = rt.Method("__repr__", (self, args) => rt.Str("T!")) });
            var t = rt.Call(cls);
            Assert.Equal("T!", t.Repr());
            Assert.Equal("T!", rt.Str(t));
            Assert.Equal("[T!]", rt.List(t).Repr());

            // python: class U(object): def __str__(self): return 'U!'  → str(u) 'U!'; repr(u) the default
            var u = rt.Call(rt.DefineClass("U", new Dictionary<string, Handle> { ["__str__"] = rt.Method("__str__", (self, args) => rt.Str("U!")) }));
            Assert.Equal("U!", rt.Str(u));
            Assert.StartsWith("<__main__.U object at 0x", u.Repr(), StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void LiveInstances_counts_the_instances_of_exactly_that_class(string profile)
    {
        Leaks.Check(profile, rt =>
        {
            var task = rt.DefineClass("Task");
            var sub = rt.DefineClass("Subtask", bases: [task]);
            var keep = rt.List();
            using (rt.OpenScope())
            {
                for (var i = 0; i < 5; i++)
                {
                    var t = rt.Call(task);
                    if (i % 2 == 0)
                    {
                        rt.Append(keep, t);
                    }
                }

                rt.Append(keep, rt.Call(sub));
                Assert.Equal(5, rt.LiveInstances(task));
            }

            Assert.Equal(3, rt.LiveInstances(task));
            Assert.Equal(1, rt.LiveInstances(sub));
            Assert.Throws<ArgumentException>(() => rt.LiveInstances(rt.Str("not a class")));
            rt.DelItem(keep, rt.Int(0));
            Assert.Equal(2, rt.LiveInstances(task));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_class_is_freed_by_a_collection_once_its_last_reference_goes(string profile)
    {
        // CPython: a class is in a cycle with itself (its __mro__ holds it), so only the
        // collector frees it: class A(object): pass; r = weakref.ref(A); del A; r() is not None
        //   → True; gc.collect(); r() → None
        using var rt = TestRuntimes.Create(profile);
        var start = Leaks.Start(rt);
        var classes = rt.Heap.LiveClasses.Count;
        using (rt.OpenScope())
        {
            rt.DefineClass("Task");
        }

        Assert.Equal(classes + 1, rt.Heap.LiveClasses.Count);
        rt.Gc.Collect();
        Assert.Equal(classes, rt.Heap.LiveClasses.Count);
        Leaks.AssertBackTo(rt, start);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void An_instance_keeps_its_class_alive(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        var start = Leaks.Start(rt);
        var classes = rt.Heap.LiveClasses.Count;
        using (rt.OpenScope())
        {
            PersistentHandle instance;
            using (rt.OpenScope())
            {
                var cls = rt.DefineClass("Task", new Dictionary<string, Handle> { ["kind"] = rt.Str("task") });
                instance = rt.Persist(rt.Call(cls));
            }

            rt.Gc.Collect();
            Assert.Equal(classes + 1, rt.Heap.LiveClasses.Count);
            var t = instance.Get();
            Assert.Equal("task", rt.ToText(t.GetAttr("kind")));
            Assert.Equal("<class '__main__.Task'>", t.GetAttr("__class__").Repr());
            instance.Dispose();
        }

        rt.Gc.Collect();
        Assert.Equal(classes, rt.Heap.LiveClasses.Count);
        Leaks.AssertBackTo(rt, start);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_cycle_between_a_class_and_its_instance_is_freed_by_a_collection(string profile)
    {
        // python: class Task(object): pass; Task.last = Task(); del Task; gc.collect() frees both
        using var rt = TestRuntimes.Create(profile);
        var start = Leaks.Start(rt);
        var classes = rt.Heap.LiveClasses.Count;
        using (rt.OpenScope())
        {
            var cls = rt.DefineClass("Task");
            var t = rt.Call(cls);
            cls.SetAttr("last", t);
            t.SetAttr("me", t);
        }

        Assert.Equal(1, rt.TakeCensus().Since(start)["__main__.Task"]);
        rt.Gc.Collect();
        Assert.Equal(classes, rt.Heap.LiveClasses.Count);
        Leaks.AssertBackTo(rt, start);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_C_sharp___init___receives_the_call_arguments(string profile)
    {
        // python: class Task(object):
        //             def __init__(self, title, n): self.title = title; self.n = n
        Leaks.Check(profile, rt =>
        {
            Handle seenSelf = default;
            var init = rt.Method("__init__", (self, args) =>
            {
                if (args.Length != 2)
                {
                    throw new PythonException("TypeError", $"__init__() takes exactly 3 arguments ({args.Length + 1} given)");
                }

                seenSelf = self;
                self.SetAttr("title", args[0]);
                self.SetAttr("n", args[1]);
                return default;
            });
            var cls = rt.DefineClass("Task", new Dictionary<string, Handle> { ["__init__"] = init });
            nint selfId = 0;
            var t = rt.Call(cls, rt.Str("write"), rt.Int(2));
            Assert.Equal("write", rt.ToText(t.GetAttr("title")));
            Assert.Equal(2, rt.ToInt64(t.GetAttr("n")));
            Assert.Throws<ObjectDisposedException>(() => selfId = seenSelf.Id);

            var e = Assert.Throws<PythonException>(() => rt.Call(cls, rt.Str("only one")));
            Assert.Equal(("TypeError", "__init__() takes exactly 3 arguments (2 given)"), (e.TypeName, e.PythonMessage));
            Assert.Equal(1, rt.LiveInstances(cls));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void An___init___that_returns_something_raises_TypeError(string profile)
    {
        // python2.7 / python3.12: def __init__(self): return 1 → TypeError: __init__() should return None, not 'int'
        Leaks.Check(profile, rt =>
        {
            var cls = rt.DefineClass("I", new Dictionary<string, Handle> { ["__init__"] = rt.Method("__init__", (self, args) => rt.Int(1)) });
            var e = Assert.Throws<PythonException>(() => rt.Call(cls));
            Assert.Equal(("TypeError", "__init__() should return None, not 'int'"), (e.TypeName, e.PythonMessage));
            Assert.Equal(0, rt.LiveInstances(cls));
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A___repr___or___str___returning_a_non_str_raises_TypeError(string profile)
    {
        // python2.7 / python3.12:
        //   class R(object): def __repr__(self): return 1
        //   repr(R()), str(R()), repr([R()]) → TypeError: __repr__ returned non-string (type int)
        //   class S(object): def __str__(self): return 1
        //   str(S()) → TypeError: __str__ returned non-string (type int)
        Leaks.Check(profile, rt =>
        {
            var r = rt.Call(rt.DefineClass("R", new Dictionary<string, Handle> { ["__repr__"] = rt.Method("__repr__", (self, args) => rt.Int(1)) }));
            var s = rt.Call(rt.DefineClass("S", new Dictionary<string, Handle> { ["__str__"] = rt.Method("__str__", (self, args) => rt.Int(1)) }));
            AssertTypeError("__repr__ returned non-string (type int)", () => r.Repr());
            AssertTypeError("__repr__ returned non-string (type int)", () => rt.Str(r));
            AssertTypeError("__repr__ returned non-string (type int)", () => rt.List(r).Repr());
            AssertTypeError("__str__ returned non-string (type int)", () => rt.Str(s));
            Assert.Matches(@"^<__main__\.S object at 0x[0-9a-f]+>$", s.Repr());
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void An_error_in___repr___propagates_out_of_a_containers_repr(string profile)
    {
        // python2.7 / python3.12: class E(object): def __repr__(self): raise ValueError('no repr')
        //   repr([E()]) → ValueError: no repr; the list's repr works again afterwards
        Leaks.Check(profile, rt =>
        {
            var fail = true;
            var cls = rt.DefineClass("E", new Dictionary<string, Handle>
            {
                ["__repr__"] = rt.Method("__repr__", (self, args) => fail ? throw new PythonException("ValueError", "no repr") : rt.Str("E()")),
            });
            var list = rt.List(rt.Int(1), rt.Call(cls));
            var e = Assert.Throws<PythonException>(() => list.Repr());
            Assert.Equal(("ValueError", "no repr"), (e.TypeName, e.PythonMessage));
            e = Assert.Throws<PythonException>(() => rt.Tuple(list).Repr());
            Assert.Equal("ValueError", e.TypeName);
            fail = false;
            Assert.Equal("[1, E()]", list.Repr());
            Assert.Equal("([1, E()],)", rt.Tuple(list).Repr());
        });
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void An_instance_hashes_by_its_address_rotated_as_CPython_does(string profile)
    {
        // python2.7 / python3.12 (_Py_HashPointer): h = id(t); hash(t) == (h >> 4 | h << 60) as a signed 64-bit value → True
        Leaks.Check(profile, rt =>
        {
            var t = rt.Call(rt.DefineClass("Task"));
            var id = (ulong)t.Id;
            Assert.Equal((long)((id >> 4) | (id << 60)), rt.Heap.Hash(t.Ref().Ptr));
            Assert.False(rt.AreEqual(t, rt.Call(t.GetAttr("__class__"))));
            Assert.True(rt.AreEqual(t, t));
        });
    }

    [Theory]
    // python2.7 / python3.12 (type(...) called directly, not a class statement):
    //   type('X', (1,), {})            → TypeError: metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases
    //   type('X', (bool,), {})         → TypeError: type 'bool' is not an acceptable base type
    //   type('X', (object,), {'__slots__': 1})    → TypeError: 'int' object is not iterable
    //   type('X', (object,), {'__slots__': (1,)}) → TypeError: __slots__ items must be strings, not 'int'
    [InlineData("py27", "int base", "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")]
    [InlineData("py312", "int base", "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")]
    [InlineData("py27", "bool base", "type 'bool' is not an acceptable base type")]
    [InlineData("py312", "bool base", "type 'bool' is not an acceptable base type")]
    [InlineData("py27", "int slots", "'int' object is not iterable")]
    [InlineData("py312", "int slots", "'int' object is not iterable")]
    [InlineData("py27", "int in slots", "__slots__ items must be strings, not 'int'")]
    [InlineData("py312", "int in slots", "__slots__ items must be strings, not 'int'")]
    public void A_bad_class_definition_raises_CPythons_TypeError(string profile, string what, string message)
    {
        Leaks.Check(profile, rt =>
        {
            var boolType = rt.HandleFor(rt.Heap.TypeObjectOf(rt.Heap.Types.Bool));
            Action define = what switch
            {
                "int base" => () => rt.DefineClass("X", bases: [rt.Int(1)]),
                "bool base" => () => rt.DefineClass("X", bases: [boolType]),
                "int slots" => () => rt.DefineClass("X", new Dictionary<string, Handle> { ["__slots__"] = rt.Int(1) }),
                _ => () => rt.DefineClass("X", new Dictionary<string, Handle> { ["__slots__"] = rt.Tuple(rt.Int(1)) }),
            };
            AssertTypeError(message, define);
            Assert.Equal("<class '__main__.X'>", rt.DefineClass("X").Repr());
        });
    }

    [GeneratedRegex(@"^<__main__\.Task object at 0x[0-9a-f]+>$")]
    private static partial Regex AddressRepr();

    private static bool HasDictObject(Handle instance)
    {
        var r = instance.Ref();
        return ((InstanceType)r.Descriptor).HasDictObject(r.Ptr);
    }

    internal static void AssertAttributeError(string message, Action action)
    {
        var e = Assert.Throws<PythonException>(action);
        Assert.Equal(("AttributeError", message), (e.TypeName, e.PythonMessage));
    }

    internal static void AssertAttributeError(string message, Func<Handle> action) => AssertAttributeError(message, () => { action(); });

    private static void AssertTypeError(string message, Action action)
    {
        var e = Assert.Throws<PythonException>(action);
        Assert.Equal(("TypeError", message), (e.TypeName, e.PythonMessage));
    }

    private static void AssertTypeError(string message, Func<object> action) => AssertTypeError(message, () => { action(); });
}
