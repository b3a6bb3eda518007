using Refheap.Objects.Native.Float;

namespace Refheap.Objects.Native.Str.Formatting;

/// <summary>
/// <c>format(value, spec)</c> (PyObject_Format): a class's own <c>__format__</c> if it defines
/// one, else the <c>__format__</c> of str, int, long, bool, float, or object's.
/// </summary>
internal static unsafe class ValueFormatter
{
    /// <summary>
    /// <c>format(value, spec)</c>: a new str reference, or null with the error set.
    /// <paramref name="exactFastPath"/>: called by <c>str.format</c>, which formats an exact
    /// str, int, long or float itself; otherwise (and for any other value) 2.7 reads
    /// <c>__format__</c> as a bound built-in method and calls it with a tuple (PyObject_Format).
    /// </summary>
    public static PyRef Format(Heap heap, PyObject* value, string spec, bool exactFastPath = false)
    {
        var rules = FormattingBehaviour.Of(heap.Profile);
        if (value->Type->Descriptor.IsHeapType && TryUserFormat(heap, value, spec, out var result))
        {
            return result;
        }

        var types = heap.Types;
        var exact = value->Type == types.Str.TypeObject || value->Type == types.Int.TypeObject
            || value->Type == types.Float.TypeObject || (types.Long != null && value->Type == types.Long.TypeObject);
        if (!(exactFastPath && exact) && !types.NativeFunction.ModelMethodCall(1))
        {
            return PyRef.Null;
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

    // A class's own __format__: the first class on the MRO whose dict has one is a user class
    // (a built-in's __format__ is this file's own formatting, done without a call).
    private static bool TryUserFormat(Heap heap, PyObject* value, string spec, out PyRef result)
    {
        result = PyRef.Null;
        var name = heap.InternString("__format__");
        var mro = value->Type->Mro;
        PyObject* attr = null;
        for (nint i = 0; mro != null && i < Tuple.TupleType.Size(mro); i++)
        {
            var t = (PyTypeObject*)Tuple.TupleType.Item(mro, i);
            attr = t->Dict == null ? null : heap.Types.Dict.GetItem(t->Dict, name.Ptr);
            if (attr != null)
            {
                if (!t->Descriptor.IsHeapType)
                {
                    return false;
                }

                break;
            }
        }

        if (attr == null)
        {
            return false;
        }

        // Bound before anything is allocated: a collection run by an allocation may change the class.
        var bound = attr->Type->Descriptor.DescriptorGet(attr, value, value->Type);
        if (bound.IsNull)
        {
            return true;
        }

        var specObj = heap.NewString(spec);
        var args = specObj.IsNull ? specObj : heap.NewTuple(specObj);
        specObj.XDecRef();
        result = args.IsNull ? args : heap.Call(bound.Ptr, args.Ptr, null);
        args.XDecRef();
        bound.DecRef();
        if (!result.IsNull && !Heap.IsInstance(result.Ptr, heap.Types.Str))
        {
            var typeName = result.Descriptor.Name;
            result.DecRef();
            result = heap.RaiseTypeError(heap.Profile.Wording == ErrorWording.Cpython27
                ? $"{value->Type->Descriptor.Name}.__format__ must return string or unicode, not {typeName}"
                : $"__format__ must return a str, not {typeName}");
        }

        return true;
    }
}
