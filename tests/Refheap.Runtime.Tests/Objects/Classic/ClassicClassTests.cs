using Refheap.Objects;
using Refheap.RuntimeTests.Objects.Types;

namespace Refheap.RuntimeTests.Objects.Classic;

/// <summary>
/// 2.7's classic classes (<c>classobj</c>) and their instances (<c>instance</c>) on the heap:
/// what they own, depth-first attribute lookup, cycles through them, and a cycle of instances
/// whose class has <c>__del__</c> going to gc.garbage. Each test returns the heap to its census.
/// </summary>
public sealed class ClassicClassTests
{
    [Fact]
    public void An_instance_owns_its_class_and_its_dict_and_frees_them_with_itself() =>
        Leaks.Check("py27", rt =>
        {
            var api = rt.Api;
            var cls = NewClass(api, "B", [], ("x", api.NewString("class x")));
            var instance = api.CallObject(cls, api.EmptyTuple, PyRef.Null);
            Assert.True(ObjectApi.IsClassicInstance(instance));
            Assert.Equal(cls, ObjectApi.ClassicClassOf(instance));
            Assert.Equal(2, cls.RefCount);
            Assert.Equal("class x", Text(api, api.GetAttr(instance, "x")));
            var own = api.NewString("own x");
            Assert.Equal(0, api.SetAttr(instance, "x", own));
            own.DecRef();
            Assert.Equal("own x", Text(api, api.GetAttr(instance, "x")));
            Assert.Equal("class x", Text(api, api.GetAttr(cls, "x")));
            instance.DecRef();
            Assert.Equal(1, cls.RefCount);
            cls.DecRef();
        });

    [Fact]
    public void Attributes_are_found_depth_first_through_the_bases() =>
        Leaks.Check("py27", rt =>
        {
            var api = rt.Api;
            var a = NewClass(api, "A", [], ("x", api.NewString("A")));
            var b = NewClass(api, "B", [a]);
            var c = NewClass(api, "C", [a], ("x", api.NewString("C")));
            var d = NewClass(api, "D", [b, c]);
            var instance = api.CallObject(d, api.EmptyTuple, PyRef.Null);
            Assert.Equal("A", Text(api, api.GetAttr(instance, "x")));
            Assert.True(ObjectApi.ClassicIsSubclass(d, a));
            Assert.False(ObjectApi.ClassicIsSubclass(b, c));
            instance.DecRef();
            foreach (var cls in new[] { d, c, b, a })
            {
                cls.DecRef();
            }
        });

    [Fact]
    public void A_cycle_of_two_instances_is_collected_with_their_dicts() =>
        Leaks.Check("py27", rt =>
        {
            var api = rt.Api;
            var cls = NewClass(api, "Node", []);
            var first = api.CallObject(cls, api.EmptyTuple, PyRef.Null);
            var second = api.CallObject(cls, api.EmptyTuple, PyRef.Null);
            Assert.Equal(0, api.SetAttr(first, "other", second));
            Assert.Equal(0, api.SetAttr(second, "other", first));
            first.DecRef();
            second.DecRef();
            Assert.Equal(4, rt.Gc.Collect());
            cls.DecRef();
        });

    [Fact]
    public void A_cycle_of_instances_whose_class_has_del_goes_to_garbage_until_broken_by_hand()
    {
        using var rt = TestRuntimes.Create("py27");
        using (rt.OpenScope())
        {
            // gc.garbage is made on first use: before the census, as it outlives the test.
            _ = rt.Gc.Garbage;
        }

        var start = Leaks.Start(rt);
        using (rt.OpenScope())
        {
            var api = rt.Api;
            var finalized = 0;
            var del = api.NewBuiltinFunction("__del__", (_, _) =>
            {
                finalized++;
                return api.Heap.None;
            });
            var cls = NewClass(api, "Finalized", [], ("__del__", del));
            var first = api.CallObject(cls, api.EmptyTuple, PyRef.Null);
            var second = api.CallObject(cls, api.EmptyTuple, PyRef.Null);
            Assert.Equal(0, api.SetAttr(first, "other", second));
            Assert.Equal(0, api.SetAttr(second, "other", first));
            first.DecRef();
            second.DecRef();
            Assert.Equal(4, rt.Gc.Collect());
            Assert.Equal(0, finalized);
            var garbage = rt.Gc.Garbage;
            Assert.Equal(2, rt.Length(garbage));
            using (rt.OpenScope())
            {
                garbage[rt.Int(0)].SetAttr("other", rt.None);
            }

            Gc.GcModuleTestKit.Clear(rt, garbage);
            Assert.Equal(2, finalized);
            cls.DecRef();
        }

        Leaks.AssertBackTo(rt, start);
    }

    [Fact]
    public void Python_3_has_no_classic_classes() =>
        Leaks.Check("py312", rt => Assert.False(rt.Api.HasClassicClasses));

    /// <summary>A classic class with the given bases and class attributes (each value stolen); a new reference.</summary>
    private static PyRef NewClass(ObjectApi api, string name, PyRef[] bases, params (string Key, PyRef Value)[] attributes)
    {
        var dict = api.NewDict();
        foreach (var (key, value) in attributes)
        {
            Assert.Equal(0, api.DictSet(dict, api.Intern(key), value));
            value.DecRef();
        }

        var nameObj = api.NewString(name);
        var basesObj = api.NewTuple(bases);
        var cls = api.NewClassicClass(nameObj, basesObj, dict, "__main__");
        Assert.False(cls.IsNull);
        nameObj.DecRef();
        basesObj.DecRef();
        dict.DecRef();
        return cls;
    }

    /// <summary>The text of a str (stolen).</summary>
    private static string Text(ObjectApi api, PyRef str)
    {
        Assert.True(api.IsStr(str));
        var text = ObjectApi.StrText(str);
        str.DecRef();
        return text;
    }
}
