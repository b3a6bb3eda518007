using Refheap.RuntimeTests.Objects.Types;

namespace Refheap.RuntimeTests.Api;

public class NameTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_name_sets_gets_tests_and_deletes_the_same_attribute_as_its_text(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var name = rt.Name("name");
        var task = rt.Call(rt.DefineClass("Task"));

        Assert.False(rt.HasAttr(task, name));
        task.SetAttr(name, rt.Str("write the talk"));
        Assert.True(rt.HasAttr(task, name));
        Assert.Equal("write the talk", rt.ToText(task.GetAttr("name")));

        task.SetAttr("name", rt.Str("give the talk"));
        Assert.Equal("give the talk", rt.ToText(task.GetAttr(name)));

        task.DelAttr(name);
        Assert.False(rt.HasAttr(task, "name"));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Missing_attributes_raise_AttributeError_as_with_a_string(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var name = rt.Name("name");
        var task = rt.Call(rt.DefineClass("Task"));

        var get = Assert.Throws<PythonException>(() => task.GetAttr(name));
        var del = Assert.Throws<PythonException>(() => task.DelAttr(name));
        var set = Assert.Throws<PythonException>(() => rt.Int(1).SetAttr(name, task));

        Assert.Equal(("AttributeError", "'Task' object has no attribute 'name'"), (get.TypeName, get.PythonMessage));
        Assert.Equal(("AttributeError", "'Task' object has no attribute 'name'"), (del.TypeName, del.PythonMessage));
        Assert.Equal(("AttributeError", "'int' object has no attribute 'name'"), (set.TypeName, set.PythonMessage));
        task.SetAttr(name, rt.Int(1));
        Assert.Equal(1, rt.ToInt64(task.GetAttr(name)));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_name_outlives_the_scope_it_was_made_in(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        Name name;
        using (rt.OpenScope())
        {
            name = rt.Name("_subtasks");
            _ = rt.Str("_subtasks");
        }

        rt.Gc.Collect();
        using var scope = rt.OpenScope();
        var task = rt.Call(rt.DefineClass("Task"));
        task.SetAttr(name, rt.Dict());
        Assert.Equal("{}", task.GetAttr(name).Repr());
        Assert.Equal("_subtasks", name.Text);
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Making_and_using_names_leaves_no_objects_behind_once_made(string profile)
    {
        using var rt = TestRuntimes.Create(profile);
        var name = rt.Name("name");
        var start = Leaks.Start(rt);
        using (rt.OpenScope())
        {
            var task = rt.Call(rt.DefineClass("Task"));
            for (var i = 0; i < 100; i++)
            {
                task.SetAttr(rt.Name("name"), rt.Int(i));
                Assert.True(rt.HasAttr(task, name));
                _ = task.GetAttr(name);
            }
        }

        Leaks.AssertBackTo(rt, start);
    }

    [Fact]
    public void Names_of_the_same_text_are_equal_and_other_texts_are_not()
    {
        using var rt = TestRuntimes.Create("py312");
        Assert.Equal(rt.Name("name"), rt.Name("name"));
        Assert.True(rt.Name("name") == rt.Name(new string("name".ToCharArray())));
        Assert.NotEqual(rt.Name("name"), rt.Name("_task"));
        Assert.Equal("_task", rt.Name("_task").ToString());
        Assert.Equal("<empty name>", default(Name).ToString());
    }

    [Fact]
    public void A_null_text_is_an_ArgumentNullException()
    {
        using var rt = TestRuntimes.Create("py27");
        Assert.Throws<ArgumentNullException>(() => rt.Name(null!));
    }

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_name_of_another_runtime_or_a_default_name_is_rejected_and_the_object_is_untouched(string profile)
    {
        using var a = TestRuntimes.Create(profile);
        using var b = TestRuntimes.Create(profile);
        var foreign = b.Name("name");
        using var scope = a.OpenScope();
        var task = a.Call(a.DefineClass("Task"));

        var e1 = Assert.Throws<ArgumentException>(() => task.SetAttr(foreign, a.Int(1)));
        var e2 = Assert.Throws<ArgumentException>(() => task.GetAttr(default(Name)));
        Assert.Contains("another runtime", e1.Message);
        Assert.Contains("empty", e2.Message);
        Assert.Throws<InvalidOperationException>(() => default(Name).Text);
        Assert.False(a.HasAttr(task, "name"));
        Assert.Equal(1, a.RefCount(task));
    }

    [Fact]
    public void A_name_used_after_its_runtime_was_disposed_is_an_ObjectDisposedException()
    {
        var rt = TestRuntimes.Create("py312");
        var name = rt.Name("name");
        Handle task;
        var scope = rt.OpenScope();
        task = rt.Call(rt.DefineClass("Task"));
        rt.Dispose();

        Assert.Throws<ObjectDisposedException>(() => rt.HasAttr(task, name));
        Assert.Throws<ObjectDisposedException>(() => rt.Name("other"));
        scope.Dispose();
    }
}
