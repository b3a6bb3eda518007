using Refheap.Objects.Native.Float;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects.Native.Str.Formatting;

/// <summary>
/// <c>format(value, spec)</c> (PyObject_Format): a class's own <c>__format__</c> if it defines
/// one, else the <c>__format__</c> of str, int, long, bool, float, or object's.
/// </summary>
internal static unsafe class ValueFormatter
{
    /// <summary><c>format(value, spec)</c>: a new str reference, or null with the error set.</summary>
    public static PyRef Format(Heap heap, PyObject* value, string spec)
    {
        var rules = FormattingBehaviour.Of(heap.Profile);
        if (value->Type->Descriptor.IsHeapType && TryUserFormat(heap, value, spec, out var result))
        {
            return result;
        }

        var typeName = value->Type->Descriptor.Name;
        string? text;
        if (Heap.IsInstance(value, heap.Types.Str))
        {
            if (spec.Length == 0)
            {
                return heap.Str(value);
            }

            if (!FormatSpec.TryParse(heap, rules, spec, typeName, out var s))
            {
                return PyRef.Null;
            }

            text = SpecFormatter.FormatStr(heap, rules, StrType.AsString(value), s);
        }
        else if (heap.IsInt(value) || heap.IsFloat(value))
        {
            // An empty spec is str(value) (so True stays 'True'); a bool with a spec formats as an int.
            if (spec.Length == 0)
            {
                return heap.Str(value);
            }

            if (!FormatSpec.TryParse(heap, rules, spec, typeName, out var s))
            {
                return PyRef.Null;
            }

            text = heap.IsFloat(value)
                ? SpecFormatter.FormatFloat(heap, rules, FloatType.Value(value), s, typeName)
                : SpecFormatter.FormatInt(heap, rules, heap.AsBigInteger(value), s, typeName);
        }
        else
        {
            return FormatObject(heap, rules, value, spec);
        }

        return text == null ? PyRef.Null : heap.NewString(text);
    }

    // object.__format__: str(self) for the empty spec; 2.7 formats that str with any spec, 3.4+ refuses one.
    private static PyRef FormatObject(Heap heap, FormattingBehaviour rules, PyObject* value, string spec)
    {
        if (spec.Length > 0 && !rules.ObjectFormatTakesSpecs)
        {
            return heap.RaiseTypeError($"unsupported format string passed to {value->Type->Descriptor.Name}.__format__");
        }

        var str = heap.Str(value);
        if (str.IsNull || spec.Length == 0)
        {
            return str;
        }

        var r = Format(heap, str.Ptr, spec);
        str.DecRef();
        return r;
    }

    // A user class's __format__ (one it defines, found on its MRO before a built-in's).
    private static bool TryUserFormat(Heap heap, PyObject* value, string spec, out PyRef result)
    {
        result = PyRef.Null;
        var name = heap.InternString("__format__");
        var attr = TypeType.Lookup(value->Type, name.Ptr);
        if (attr == null || attr->Type->Descriptor == heap.Types.NativeFunction)
        {
            return false;
        }

        var specObj = heap.NewString(spec);
        if (specObj.IsNull)
        {
            return true;
        }

        var args = heap.NewTuple(specObj);
        specObj.DecRef();
        if (args.IsNull)
        {
            return true;
        }

        var bound = attr->Type->Descriptor.DescriptorGet(attr, value, value->Type);
        if (!bound.IsNull)
        {
            result = heap.Call(bound.Ptr, args.Ptr, null);
            bound.DecRef();
        }

        args.DecRef();
        if (!result.IsNull && !Heap.IsInstance(result.Ptr, heap.Types.Str))
        {
            var typeName = result.Descriptor.Name;
            result.DecRef();
            result = heap.RaiseTypeError($"__format__ must return a str, not {typeName}");
        }

        return true;
    }
}
