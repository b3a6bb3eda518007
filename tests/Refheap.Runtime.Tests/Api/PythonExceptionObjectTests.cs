namespace Refheap.RuntimeTests.Api;

public class PythonExceptionObjectTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_PythonException_carries_the_exception_instance(string profile)
    {
        // python: try: {}['k']
        //         except KeyError as e: print(e.args)   → ('k',)
        using var rt = TestRuntimes.Create(profile);
        using var scope = rt.OpenScope();
        var e = Assert.Throws<PythonException>(() => rt.GetItem(rt.Dict(), rt.Str("k")));
        Assert.False(e.Exception.IsEmpty);
        Assert.Equal("KeyError", e.Exception.TypeName);
        Assert.Equal("('k',)", rt.Repr(e.Exception.GetAttr("args")));
    }
}
