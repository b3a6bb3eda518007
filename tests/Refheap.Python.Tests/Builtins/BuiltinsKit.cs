using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Refheap.Objects;
using Refheap.Python.Builtins;

namespace Refheap.Python.Tests.Builtins;

/// <summary>
/// A runtime of one profile with a builtins dict populated, for calling builtins from C#; its
/// census is taken at the start and checked when it is disposed (every test returns the heap to it).
/// </summary>
internal sealed class BuiltinsKit : IDisposable
{
    private readonly Census _start;
    private bool _disposed;

    public BuiltinsKit(string profile)
    {
        Runtime = new Refheap.Runtime(Profile.FromName(profile), new RuntimeOptions { DebugAllocator = true, HeapLimit = 1L << 30 });
        Runtime.Gc.Collect();
        _start = Runtime.TakeCensus();
        Api = Runtime.Api;
        Output = new StringWriter();
        Host = new BuiltinsHost(PythonDialect.FromProfileName(profile), Output, new StringWriter());
        Builtins = Api.NewDict();
        Assert.True(BuiltinFunctions.Populate(Api, Builtins, Host), "Populate failed");
    }

    public Refheap.Runtime Runtime { get; }

    public ObjectApi Api { get; }

    public StringWriter Output { get; }

    public BuiltinsHost Host { get; }

    /// <summary>The builtins dict (owned by the kit).</summary>
    public PyRef Builtins { get; }

    /// <summary>A builtin by name, borrowed.</summary>
    public PyRef Builtin(string name)
    {
        var item = Api.DictItems(Builtins).FirstOrDefault(p => Api.IsStr(p.Key) && ObjectApi.StrText(p.Key) == name);
        Assert.False(item.Value.IsNull, $"no builtin {name}");
        return item.Value;
    }

    /// <summary>Calls a builtin: "-> repr" of the result, or "!! Type: message" of the error.</summary>
    public string Call(string name, PyRef args, PyRef kwargs, bool asList = false)
    {
        var result = Api.Call(Builtin(name), args, kwargs);
        if (!result.IsNull && asList)
        {
            var list = Api.ListFromIterable(result);
            result.DecRef();
            result = list;
        }

        return Describe(result);
    }

    /// <summary>"-> repr" of an owned result (dropped), or "!! Type: message" of the pending error (cleared).</summary>
    public string Describe(PyRef result)
    {
        if (result.IsNull)
        {
            var (typeName, message, exception) = Runtime.Heap.TakeError();
            exception.DecRef();
            return $"!! {typeName}: {message}";
        }

        var repr = Api.Repr(result);
        result.DecRef();
        Assert.NotNull(repr);
        return "-> " + System.Text.RegularExpressions.Regex.Replace(repr, " at 0x[0-9a-f]+", " at 0xADDR");
    }

    /// <summary>Makes the object a JSON encoding (cases/generate.py's) describes: a new reference.</summary>
    public PyRef Build(JsonElement e)
    {
        var p = e.EnumerateObject().Single();
        var v = p.Value;
        switch (p.Name)
        {
            case "none":
                return Api.None;
            case "bool":
                return Api.NewBool(v.GetBoolean());
            case "int":
                return Api.NewInt(BigInteger.Parse(v.GetString()!, CultureInfo.InvariantCulture));
            case "float":
                return Api.NewFloat(v.GetString() switch
                {
                    "inf" => double.PositiveInfinity,
                    "-inf" => double.NegativeInfinity,
                    "nan" => double.NaN,
                    var s => double.Parse(s!, CultureInfo.InvariantCulture),
                });
            case "str":
                return Api.NewString(v.GetString()!);
            case "builtin":
                return Builtin(v.GetString()!).NewRef();
            case "exception":
                return CallOwned(Builtin(v.GetString()!), Api.NewTuple([]));
            case "range":
                return CallOwned(Builtin("range"), Api.NewTuple([.. v.EnumerateArray().Select(x => Api.NewInt(x.GetInt64()))]), decRefItems: true);
            case "set":
            case "frozenset":
                var members = Api.NewList([.. v.EnumerateArray().Select(Build)]);
                return CallOwned(Builtin(p.Name), Api.NewTuple([members]), decRefItems: true);
            case "tuple":
            case "list":
                var items = v.EnumerateArray().Select(Build).ToArray();
                var seq = p.Name == "tuple" ? Api.NewTuple(items) : Api.NewList(items);
                foreach (var item in items)
                {
                    item.DecRef();
                }

                return seq;
            default:
                var dict = Api.NewDict();
                foreach (var pair in v.EnumerateArray())
                {
                    var key = Build(pair[0]);
                    var value = Build(pair[1]);
                    Assert.Equal(0, Api.SetItem(dict, key, value));
                    key.DecRef();
                    value.DecRef();
                }

                return dict;
        }
    }

    // Calls f(*args) with an owned args tuple (and, when asked, drops the tuple's items' extra references).
    private PyRef CallOwned(PyRef f, PyRef args, bool decRefItems = false)
    {
        if (decRefItems)
        {
            for (var i = 0; i < ObjectApi.TupleSize(args); i++)
            {
                ObjectApi.TupleItem(args, i).DecRef();
            }
        }

        var r = Api.Call(f, args, PyRef.Null);
        args.DecRef();
        Assert.False(r.IsNull, "could not build an argument");
        return r;
    }

    /// <summary>Drops the builtins and checks the heap is back to its starting census.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Builtins.DecRef();
        Runtime.Gc.Collect();
        var now = Runtime.TakeCensus();
        var leftError = Runtime.Heap.ErrorOccurred;
        var leaks = string.Join(", ", now.Since(_start).Select(p => $"{p.Key} {p.Value:+#;-#}"));
        Runtime.Dispose();
        Assert.False(leftError, "an error was left set");
        Assert.True(leaks.Length == 0, "objects left over: " + leaks);
    }
}
