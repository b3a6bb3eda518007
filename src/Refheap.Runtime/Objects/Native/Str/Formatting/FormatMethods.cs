using Refheap.Objects.Native.Methods;

namespace Refheap.Objects.Native.Str.Formatting;

/// <summary>
/// <c>str.format</c> and the <c>__format__</c> methods of str, int, long, float and object,
/// as tables for <see cref="BuiltinMethodTables"/> to install when the heap starts.
/// </summary>
internal static unsafe class FormatMethods
{
    /// <summary>The methods of each type that has formatting methods.</summary>
    public static List<(TypeDescriptor Type, BuiltinMethod[] Methods)> Tables(Heap heap)
    {
        var types = heap.Types;
        List<(TypeDescriptor, BuiltinMethod[])> tables =
        [
            (types.Str, [new("format", ArgumentSpec.Expect(0, int.MaxValue, anyKeywords: true), StrFormat), FormatWith(heap, StrSpecError27)]),
            (types.Int, [FormatWith(heap, NumberSpecError27)]),
            (types.Float, [FormatWith(heap, NumberSpecError27)]),
            (types.Object, [FormatWith(heap, ObjectSpecError27)]),
        ];
        if (types.Long != null)
        {
            tables.Add((types.Long, [FormatWith(heap, NumberSpecError27)]));
        }

        return tables;
    }

    // str.format(*args, **kwargs).
    private static PyRef StrFormat(Heap heap, PyObject* self, MethodArgs a) =>
        StrFormatter.Format(heap, StrType.AsString(self), a.Tuple, a.Kwargs);

    // 2.7's words for a spec that is not a str, which each type's __format__ has its own of.
    private static string StrSpecError27(string typeName) => $"__format__ arg must be str or unicode, not {typeName}";

    private static string NumberSpecError27(string typeName) => "__format__ requires str or unicode";

    private static string ObjectSpecError27(string typeName) => "argument to __format__ must be unicode or str";

    // T.__format__(self, spec): 2.7 parses "O:__format__" (METH_VARARGS), 3.x takes one argument (METH_O).
    private static BuiltinMethod FormatWith(Heap heap, Func<string, string> specError27) =>
        new("__format__", heap.Profile.Wording == ErrorWording.Cpython27 ? ArgumentSpec.Takes(1, 1) : ArgumentSpec.One, (h, self, a) =>
        {
            var spec = a[0];
            if (!Heap.IsInstance(spec, h.Types.Str))
            {
                var typeName = spec->Type->Descriptor.Name;
                return h.RaiseTypeError(h.Profile.Wording == ErrorWording.Cpython27
                    ? specError27(typeName)
                    : $"__format__() argument must be str, not {typeName}");
            }

            return ValueFormatter.Format(h, self, StrType.AsString(spec));
        });
}
