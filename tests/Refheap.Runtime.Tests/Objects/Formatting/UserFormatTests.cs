using Refheap.Objects;
using Refheap.Objects.Native.Function;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Str.Formatting;
using Refheap.Objects.Native.Tuple;
using Refheap.RuntimeTests.Objects.Types;

namespace Refheap.RuntimeTests.Objects.Formatting;

/// <summary>
/// Formatting instances of classes: a class's own <c>__format__</c> is called with the spec
/// and must return a str.
/// From CPython (both versions unless marked):
/// <code>
/// class F(object): def __format__(self, spec): return 'F&lt;%s&gt;' % spec
/// class G(object): def __format__(self, spec): return 5
/// '{0:xy}|{0}'.format(F())  -> 'F&lt;xy&gt;|F&lt;&gt;'
/// format(G(), '')           -> TypeError: G.__format__ must return string or unicode, not int (2.7)
///                              TypeError: __format__ must return a str, not int (3.12)
/// </code>
/// </summary>
public sealed unsafe class UserFormatTests
{
    [Theory]
    [MemberData(nameof(TestRuntimes.Profiles), MemberType = typeof(TestRuntimes))]
    public void A_classes_own_format_is_called_with_the_spec(string profile)
    {
        Leaks.Check(profile, rt =>
        {
            var heap = rt.Heap;
            var f = Instance(heap, "F", static (h, self, args, kwargs) => h.NewString($"F<{StrType.AsString(TupleType.Item(args, 0))}>"));
            var args = heap.NewTuple(f);
            Assert.Equal("F<xy>|F<>", Text(heap, StrFormatter.Format(heap, "{0:xy}|{0}", args.Ptr, null)));
            args.DecRef();
            f.DecRef();
        });
    }

    [Theory]
    [InlineData("py27", "TypeError: G.__format__ must return string or unicode, not int")]
    [InlineData("py312", "TypeError: __format__ must return a str, not int")]
    public void A_format_that_returns_no_str_is_a_TypeError(string profile, string expected)
    {
        Leaks.Check(profile, rt =>
        {
            var heap = rt.Heap;
            var g = Instance(heap, "G", static (h, self, args, kwargs) => h.NewInt(5));
            Assert.Equal(expected, Text(heap, ValueFormatter.Format(heap, g.Ptr, "")));
            g.DecRef();
        });
    }

    // An instance of a new class whose __format__ is the given method body.
    private static PyRef Instance(Heap heap, string name, NativeCallable format)
    {
        var api = new ObjectApi(heap);
        var method = api.NewFunction("__format__", format, isMethod: true);
        var cls = api.DefineClass(name, [], [new("__format__", method)], "__main__");
        method.DecRef();
        var instance = api.Call(cls, []);
        cls.DecRef();
        return instance;
    }

    // The text of a str result, or "Type: message" of the error (cleared).
    private static string Text(Heap heap, PyRef result)
    {
        if (result.IsNull)
        {
            var (typeName, message, exception) = heap.TakeError();
            exception.DecRef();
            return $"{typeName}: {message}";
        }

        var text = StrType.AsString(result.Ptr);
        result.DecRef();
        return text;
    }
}
