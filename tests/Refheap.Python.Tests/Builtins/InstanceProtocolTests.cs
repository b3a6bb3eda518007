using Refheap.Objects;

namespace Refheap.Python.Tests.Builtins;

/// <summary>
/// The builtins on instances of classes: their special methods (__abs__, __divmod__,
/// __rdivmod__, __len__) and attributes (getattr family, vars). The classes are made with
/// <c>type(name, (), dict)</c> semantics; their methods here are plain C# functions in the
/// class dict, which do not bind, so they get only the other operand.
/// </summary>
public sealed class InstanceProtocolTests
{
    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void Abs_and_divmod_call_the_classes_special_methods(string profile)
    {
        using var kit = new BuiltinsKit(profile);
        var api = kit.Api;
        var obj = Instance(kit, "V", ("__abs__", _ => api.NewInt(42)), ("__divmod__", other => api.NewString("divmod by " + api.Repr(other))), ("__rdivmod__", other => api.NewString("rdivmod of " + api.Repr(other))));
        Assert.Equal("-> 42", Call(kit, "abs", obj.NewRef()));
        Assert.Equal("-> 'divmod by 7'", Call(kit, "divmod", obj.NewRef(), api.NewInt(7)));
        Assert.Equal("-> 'rdivmod of 7'", Call(kit, "divmod", api.NewInt(7), obj));
    }

    [Theory]
    // python: class P(object): pass; divmod(P(), 1) / abs(P())
    [InlineData("py27", "divmod", "!! TypeError: unsupported operand type(s) for divmod(): 'P' and 'int'")]
    [InlineData("py312", "divmod", "!! TypeError: unsupported operand type(s) for divmod(): 'P' and 'int'")]
    [InlineData("py27", "abs", "!! TypeError: bad operand type for abs(): 'P'")]
    [InlineData("py312", "abs", "!! TypeError: bad operand type for abs(): 'P'")]
    public void Abs_and_divmod_of_a_plain_instance_raise_TypeError(string profile, string function, string expected)
    {
        using var kit = new BuiltinsKit(profile);
        var obj = Instance(kit, "P");
        Assert.Equal(expected, function == "abs" ? Call(kit, "abs", obj) : Call(kit, "divmod", obj, kit.Api.NewInt(1)));
    }

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void Attribute_builtins_and_vars_work_on_an_instance(string profile)
    {
        using var kit = new BuiltinsKit(profile);
        var api = kit.Api;
        var obj = Instance(kit, "A");
        Assert.Equal("-> None", Call(kit, "setattr", obj.NewRef(), api.NewString("x"), api.NewInt(5)));
        Assert.Equal("-> True", Call(kit, "hasattr", obj.NewRef(), api.NewString("x")));
        Assert.Equal("-> 5", Call(kit, "getattr", obj.NewRef(), api.NewString("x")));
        Assert.Equal("-> {'x': 5}", Call(kit, "vars", obj.NewRef()));
        Assert.Equal("-> None", Call(kit, "delattr", obj.NewRef(), api.NewString("x")));
        Assert.Equal("-> False", Call(kit, "hasattr", obj.NewRef(), api.NewString("x")));
        Assert.Equal("-> 'gone'", Call(kit, "getattr", obj.NewRef(), api.NewString("x"), api.NewString("gone")));
        Assert.Equal("!! AttributeError: 'A' object has no attribute 'x'", Call(kit, "getattr", obj, api.NewString("x")));
    }

    [Theory]
    [InlineData("py312", 's', "", "-> 'abc'")]
    [InlineData("py312", 'r', ">7", "-> \"  'abc'\"")]
    [InlineData("py312", 'a', "", "-> \"'\\\\xe9'\"")]
    [InlineData("py312", '\0', "^7", "-> '  abc  '")]
    public void FormatField_converts_then_formats_as_an_f_string_does(string profile, char conversion, string spec, string expected)
    {
        using var kit = new BuiltinsKit(profile);
        var value = kit.Api.NewString(conversion == 'a' ? "\u00e9" : "abc");
        Assert.Equal(expected, kit.Describe(kit.Api.FormatField(value, conversion, spec)));
        value.DecRef();
    }

    // builtin(*args) with owned arguments (dropped here).
    private static string Call(BuiltinsKit kit, string name, params PyRef[] args)
    {
        var tuple = kit.Api.NewTuple(args);
        foreach (var a in args)
        {
            a.DecRef();
        }

        var result = kit.Describe(kit.Api.Call(kit.Builtin(name), tuple, PyRef.Null));
        tuple.DecRef();
        return result;
    }

    // An instance of a new class whose dict holds the given one-argument functions.
    private static PyRef Instance(BuiltinsKit kit, string className, params (string Name, Func<PyRef, PyRef> Body)[] methods)
    {
        var api = kit.Api;
        var functions = methods.Select(m => new KeyValuePair<string, PyRef>(m.Name, api.NewBuiltinFunction(m.Name, (args, _) => m.Body(ObjectApi.TupleItem(args, 0))))).ToList();
        var cls = api.DefineClass(className, [], functions, "__main__");
        foreach (var f in functions)
        {
            f.Value.DecRef();
        }

        var instance = api.Call(cls, []);
        cls.DecRef();
        Assert.False(instance.IsNull);
        return instance;
    }
}
