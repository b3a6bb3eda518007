using Refheap.Objects;

namespace Refheap.Python.Tests.Builtins;

/// <summary>
/// <c>print</c> as CPython 2.7 (the print_function form) and 3.12 write it: to the host's
/// stdout, to sys.stdout when the evaluator redirects it, or to a <c>file</c> through its
/// <c>write</c>, one call per piece.
/// </summary>
public sealed class PrintTests
{
    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void Print_writes_the_str_of_each_object_separated_and_ended(string profile)
    {
        using var kit = new BuiltinsKit(profile);
        Assert.Equal("-> None", Print(kit, [kit.Api.NewInt(1), kit.Api.NewString("a"), kit.Api.None, kit.Api.NewFloat(0.5)]));
        Assert.Equal("-> None", Print(kit, [kit.Api.NewString("x"), kit.Api.NewString("y")], ("sep", kit.Api.NewString("-")), ("end", kit.Api.NewString("!"))));
        Assert.Equal("-> None", Print(kit, [kit.Api.NewString("p"), kit.Api.NewString("q")], ("sep", kit.Api.None), ("end", kit.Api.None)));
        Assert.Equal("-> None", Print(kit, []));
        Assert.Equal("1 a None 0.5\nx-y!p q\n\n", kit.Output.ToString());
    }

    [Theory]
    // python: print('a', 'b', sep=5) / end=5 / x=1
    [InlineData("py27", "sep", "!! TypeError: sep must be None, str or unicode, not int")]
    [InlineData("py312", "sep", "!! TypeError: sep must be None or a string, not int")]
    [InlineData("py27", "end", "!! TypeError: end must be None, str or unicode, not int")]
    [InlineData("py312", "end", "!! TypeError: end must be None or a string, not int")]
    [InlineData("py27", "x", "!! TypeError: 'x' is an invalid keyword argument for this function")]
    [InlineData("py312", "x", "!! TypeError: 'x' is an invalid keyword argument for print()")]
    [InlineData("py27", "flush", "!! TypeError: 'flush' is an invalid keyword argument for this function")]
    public void Print_rejects_bad_keywords_as_CPython_does(string profile, string keyword, string expected)
    {
        using var kit = new BuiltinsKit(profile);
        Assert.Equal(expected, Print(kit, [kit.Api.NewString("a")], (keyword, kit.Api.NewInt(5))));
        Assert.Equal("", kit.Output.ToString());
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void Print_to_a_file_calls_its_write_once_per_piece(string profile)
    {
        using var kit = new BuiltinsKit(profile);
        var parts = new List<string>();
        var sink = MakeSink(kit, parts);
        Assert.Equal("-> None", Print(kit, [kit.Api.NewString("a"), kit.Api.NewInt(1)], ("sep", kit.Api.NewString("-")), ("end", kit.Api.NewString("!")), ("file", sink.NewRef())));
        Assert.Equal(["a", "-", "1", "!"], parts);
        Assert.Equal("", kit.Output.ToString());
        sink.DecRef();
    }

    [Fact]
    public void Print_flush_calls_the_files_flush_which_must_exist()
    {
        // python3.12: print('a', file=Sink(), flush=True) with a Sink that has only write
        using var kit = new BuiltinsKit("py312");
        var sink = MakeSink(kit, []);
        Assert.Equal("!! AttributeError: 'Sink' object has no attribute 'flush'", Print(kit, [kit.Api.NewString("a")], ("file", sink.NewRef()), ("flush", kit.Api.NewBool(true))));
        sink.DecRef();
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void Print_without_a_file_writes_to_sys_stdout_when_the_host_names_one(string profile)
    {
        using var kit = new BuiltinsKit(profile);
        var parts = new List<string>();
        var sink = MakeSink(kit, parts);
        kit.Host.SysStdout = () => sink;
        Assert.Equal("-> None", Print(kit, [kit.Api.NewString("hi")]));
        kit.Host.SysStdout = () => PyRef.Null;
        Assert.Equal("-> None", Print(kit, [kit.Api.NewString("host")]));
        Assert.Equal(["hi", "\n"], parts);
        Assert.Equal("host\n", kit.Output.ToString());
        sink.DecRef();
    }

    // print(*args, **keywords) with owned arguments (dropped here); the result described.
    private static string Print(BuiltinsKit kit, PyRef[] args, params (string Name, PyRef Value)[] keywords)
    {
        var api = kit.Api;
        var tuple = api.NewTuple(args);
        var kwargs = api.NewDict();
        foreach (var (name, value) in keywords)
        {
            Assert.Equal(0, api.DictSetItem(kwargs, name, value));
            value.DecRef();
        }

        foreach (var a in args)
        {
            a.DecRef();
        }

        var result = kit.Describe(api.Call(kit.Builtin("print"), tuple, kwargs));
        tuple.DecRef();
        kwargs.DecRef();
        return result;
    }

    // An instance of a class Sink whose write appends to `parts` (a plain function in the class: it does not bind).
    private static PyRef MakeSink(BuiltinsKit kit, List<string> parts)
    {
        var api = kit.Api;
        var write = api.NewBuiltinFunction("write", (args, _) =>
        {
            parts.Add(ObjectApi.StrText(ObjectApi.TupleItem(args, 0)));
            return api.None;
        });
        var cls = api.DefineClass("Sink", [], [new("write", write)], "__main__");
        write.DecRef();
        var instance = api.Call(cls, []);
        cls.DecRef();
        Assert.False(instance.IsNull);
        return instance;
    }
}
