using Refheap.Objects;
using Refheap.Objects.Native.Str;
using Refheap.RuntimeTests.Objects.Types;

namespace Refheap.RuntimeTests.Objects.Formatting;

/// <summary>
/// <c>str.format</c> and the <c>__format__</c> methods as attributes of the built-in types:
/// bound through an instance, called through the class, and their argument errors as CPython
/// 2.7.18 and 3.12.1 word them (e.g. <c>python -c "print((1).__format__())"</c>).
/// </summary>
public sealed unsafe class FormatMethodTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "py27", "str.format()", "!! TypeError: descriptor 'format' of 'str' object needs an argument" },
        { "py312", "str.format()", "!! TypeError: unbound method str.format() needs an argument" },
        { "py27", "str.format(5)", "!! TypeError: descriptor 'format' requires a 'str' object but received a 'int'" },
        { "py312", "str.format(5)", "!! TypeError: descriptor 'format' for 'str' objects doesn't apply to a 'int' object" },
        { "py27", "str.format('{}-{x}', 1, x=2)", "-> 1-2" },
        { "py312", "str.format('{}-{x}', 1, x=2)", "-> 1-2" },
        { "py27", "'{0}{1}'.format(1, 2)", "-> 12" },
        { "py312", "'{0}{1}'.format(1, 2)", "-> 12" },
        { "py27", "(1).__format__()", "!! TypeError: __format__() takes exactly 1 argument (0 given)" },
        { "py312", "(1).__format__()", "!! TypeError: int.__format__() takes exactly one argument (0 given)" },
        { "py27", "(1).__format__(5)", "!! TypeError: __format__ requires str or unicode" },
        { "py312", "(1).__format__(5)", "!! TypeError: __format__() argument must be str, not int" },
        { "py27", "'a'.__format__(5)", "!! TypeError: __format__ arg must be str or unicode, not int" },
        { "py27", "object().__format__(5)", "!! TypeError: argument to __format__ must be unicode or str" },
        { "py312", "object().__format__(5)", "!! TypeError: __format__() argument must be str, not int" },
        { "py27", "(5).__format__('>3')", "->   5" },
        { "py312", "(5).__format__('>3')", "->   5" },
        { "py312", "'ab'.__format__('^6')", "->   ab  " },
        { "py312", "(2.5).__format__('.0f')", "-> 2" },
        { "py27", "True.__format__('')", "-> True" },
        { "py312", "True.__format__('d')", "-> 1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Format_methods_behave_as_CPythons(string profile, string call, string expected)
    {
        using var rt = TestRuntimes.Create(profile);
        var start = Leaks.Start(rt);
        var heap = rt.Heap;
        Assert.Equal(expected, Run(heap, call));
        Leaks.AssertBackTo(rt, start);
    }

    // The calls of the table, spelled as Python; every object made here is dropped at the end.
    private static string Run(Heap heap, string call)
    {
        var owned = new List<PyRef>();
        PyRef Own(PyRef o)
        {
            owned.Add(o);
            return o;
        }

        PyRef Str(string text) => Own(heap.NewString(text));
        var strType = heap.TypeObjectOf(heap.Types.Str);
        var one = Own(heap.NewInt(1));
        var two = Own(heap.NewInt(2));
        var five = Own(heap.NewInt(5));
        var result = call switch
        {
            "str.format()" => CallAttr(heap, strType, "format", []),
            "str.format(5)" => CallAttr(heap, strType, "format", [five]),
            "str.format('{}-{x}', 1, x=2)" => CallAttr(heap, strType, "format", [Str("{}-{x}"), one], ("x", two)),
            "'{0}{1}'.format(1, 2)" => CallAttr(heap, Str("{0}{1}"), "format", [one, two]),
            "(1).__format__()" => CallAttr(heap, one, "__format__", []),
            "(1).__format__(5)" => CallAttr(heap, one, "__format__", [five]),
            "'a'.__format__(5)" => CallAttr(heap, Str("a"), "__format__", [five]),
            "object().__format__(5)" => CallAttr(heap, Own(heap.Types.Object.New()), "__format__", [five]),
            "(5).__format__('>3')" => CallAttr(heap, five, "__format__", [Str(">3")]),
            "'ab'.__format__('^6')" => CallAttr(heap, Str("ab"), "__format__", [Str("^6")]),
            "(2.5).__format__('.0f')" => CallAttr(heap, Own(heap.NewFloat(2.5)), "__format__", [Str(".0f")]),
            "True.__format__('')" => CallAttr(heap, Own(heap.NewBool(true)), "__format__", [Str("")]),
            _ => CallAttr(heap, Own(heap.NewBool(true)), "__format__", [Str("d")]),
        };
        foreach (var o in owned)
        {
            o.DecRef();
        }

        return result;
    }

    // getattr(receiver, name)(*args, **keywords), all borrowed: "-> text" or "!! Type: message".
    private static string CallAttr(Heap heap, PyRef receiver, string name, PyRef[] args, params (string Key, PyRef Value)[] keywords)
    {
        var method = heap.GetAttr(receiver.Ptr, name);
        Assert.False(method.IsNull);
        var tuple = heap.NewTuple(args);
        var kwargs = PyRef.Null;
        if (keywords.Length > 0)
        {
            kwargs = heap.NewDict();
            foreach (var (key, value) in keywords)
            {
                heap.Types.Dict.SetItemString(kwargs.Ptr, key, value.Ptr);
            }
        }

        var result = heap.Call(method.Ptr, tuple.Ptr, kwargs.Ptr);
        string text;
        if (result.IsNull)
        {
            var (typeName, message, exception) = heap.TakeError();
            exception.DecRef();
            text = $"!! {typeName}: {message}";
        }
        else
        {
            text = "-> " + StrType.AsString(result.Ptr);
            result.DecRef();
        }

        kwargs.XDecRef();
        tuple.DecRef();
        method.DecRef();
        return text;
    }
}
