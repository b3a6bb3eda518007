using Refheap.RuntimeTests.Objects.Types;

namespace Refheap.RuntimeTests.Api;

/// <summary><c>Runtime.Keys</c> and <c>Runtime.TryGetItem</c>: a dict's keys and a lookup without KeyError.</summary>
public class DictAccessTests
{
    // CPython's list(d) for d built as below: 2.7.18 in hash order, 3.12.1 in insertion order.
    [Theory]
    [InlineData("py27", "['a', 'c', 'b', 7]")]
    [InlineData("py312", "['c', 'a', 'b', 7]")]
    public void Keys_are_the_dicts_keys_in_its_iteration_order(string profile, string expected) => Leaks.Check(profile, rt =>
    {
        var d = rt.Dict();
        foreach (var name in new[] { "c", "a", "b" })
        {
            d[rt.Str(name)] = rt.Int(1);
        }

        d[rt.Int(7)] = rt.None;

        Assert.Equal(expected, rt.Repr(rt.List([.. rt.Keys(d)])));
    });

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Keys_is_a_snapshot(string profile) => Leaks.Check(profile, rt =>
    {
        var d = rt.Dict();
        d[rt.Str("a")] = rt.None;

        var keys = rt.Keys(d);
        rt.DelItem(d, rt.Str("a"));

        Assert.Equal("a", rt.ToText(Assert.Single(keys)));
        Assert.Empty(rt.Keys(d));
    });

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void TryGetItem_finds_a_str_key_and_misses_without_an_error(string profile) => Leaks.Check(profile, rt =>
    {
        var d = rt.Dict();
        var value = rt.List();
        d[rt.Str("task")] = value;
        d[rt.Int(1)] = rt.None;

        Assert.True(rt.TryGetItem(d, "task", out var found));
        Assert.True(found.Is(value));
        Assert.False(rt.TryGetItem(d, "nope", out var missing));
        Assert.True(missing.IsEmpty);
        Assert.False(rt.TryGetItem(d, "1", out _));
    });

    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void Keys_and_TryGetItem_of_a_non_dict_are_TypeError(string profile) => Leaks.Check(profile, rt =>
    {
        var list = rt.List();

        Assert.Equal("TypeError", Assert.Throws<PythonException>(() => rt.Keys(list)).TypeName);
        Assert.Equal("TypeError", Assert.Throws<PythonException>(() => rt.TryGetItem(list, "a", out _)).TypeName);
    });
}
