using Refheap.Objects.Native.Tuple;
using Refheap.Objects.Native.Methods;

namespace Refheap.Objects.Native.Str.Formatting;

/// <summary>
/// <c>str.format</c> and the <c>__format__</c> methods of str, int, long, float and object,
/// put into the built-in type dicts when the heap starts.
/// </summary>
internal static unsafe class FormatMethods
{
    /// <summary>Installs the methods; false with MemoryError set.</summary>
    public static bool Install(BuiltinTypes types)
    {
        var ok = TypeDictMethods.Install(types.Str, [("format", StrFormat), ("__format__", FormatWith)])
            && TypeDictMethods.Install(types.Int, [("__format__", FormatWith)])
            && TypeDictMethods.Install(types.Float, [("__format__", FormatWith)])
            && TypeDictMethods.Install(types.Object, [("__format__", FormatWith)]);
        return ok && (types.Long == null || TypeDictMethods.Install(types.Long, [("__format__", FormatWith)]));
    }

    // str.format(*args, **kwargs); called through the class (str.format(s, ...)) self is the first argument.
    private static PyRef StrFormat(Heap heap, PyObject* self, PyObject* args, PyObject* kwargs)
    {
        if (self != null)
        {
            return StrFormatter.Format(heap, StrType.AsString(self), args, kwargs);
        }

        var n = TupleType.Size(args);
        if (n == 0)
        {
            return heap.RaiseTypeError(heap.Profile.Wording == ErrorWording.Cpython27
                ? "descriptor 'format' of 'str' object needs an argument"
                : "unbound method str.format() needs an argument");
        }

        var first = TupleType.Item(args, 0);
        if (!Heap.IsInstance(first, heap.Types.Str))
        {
            return heap.RaiseTypeError($"descriptor 'format' requires a 'str' object but received a '{first->Type->Descriptor.Name}'");
        }

        var rest = heap.Types.Tuple.New(n - 1);
        if (rest.IsNull)
        {
            return rest;
        }

        for (nint i = 1; i < n; i++)
        {
            var item = TupleType.Item(args, i);
            Heap.IncRef(item);
            TupleType.Items(rest.Ptr)[i - 1] = item;
        }

        var result = StrFormatter.Format(heap, StrType.AsString(first), rest.Ptr, kwargs);
        rest.DecRef();
        return result;
    }

    // T.__format__(self, spec) for str, int, long, float and object.
    private static PyRef FormatWith(Heap heap, PyObject* self, PyObject* args, PyObject* kwargs)
    {
        var py27 = heap.Profile.Wording == ErrorWording.Cpython27;
        var n = TupleType.Size(args);
        if (self == null || n != 1 || (kwargs != null && heap.Types.Dict.Count(kwargs) > 0))
        {
            var typeName = self == null ? "object" : self->Type->Descriptor.Name;
            return heap.RaiseTypeError(py27
                ? $"__format__() takes exactly 1 argument ({n} given)"
                : $"{typeName}.__format__() takes exactly one argument ({n} given)");
        }

        var spec = TupleType.Item(args, 0);
        if (!Heap.IsInstance(spec, heap.Types.Str))
        {
            return heap.RaiseTypeError(py27
                ? "__format__ requires str or unicode"
                : $"__format__() argument must be str, not {spec->Type->Descriptor.Name}");
        }

        return ValueFormatter.Format(heap, self, StrType.AsString(spec));
    }
}
