using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects.Native.Constructors;

/// <summary>
/// Calling <c>list</c>, <c>tuple</c>, <c>str</c> and <c>type</c> (their tp_new), with the
/// profile's argument errors.
/// </summary>
internal static unsafe class SequenceConstructors
{
    /// <summary><c>list(iterable=())</c>: a new list (from a new block, as list_new's tp_alloc), or null with the error set.</summary>
    public static PyRef List(Heap heap, PyObject* args, PyObject* kwargs)
    {
        if (!OneOptionalArgument(heap, "list", args, kwargs, out var iterable))
        {
            return PyRef.Null;
        }

        var list = heap.Types.List.NewFromType();
        if (list.IsNull || iterable == null || Native.List.ListExtend.Fill(heap, list.Ptr, iterable) == 0)
        {
            return list;
        }

        list.DecRef();
        return PyRef.Null;
    }

    /// <summary><c>tuple(iterable=())</c>: a new tuple (an exact tuple itself), or null with the error set.</summary>
    public static PyRef Tuple(Heap heap, PyObject* args, PyObject* kwargs) =>
        OneOptionalArgument(heap, "tuple", args, kwargs, out var iterable)
            ? iterable == null ? heap.NewTuple() : heap.TupleFromIterable(iterable)
            : PyRef.Null;

    /// <summary><c>str(object='')</c>: <c>str(object)</c>; decoding (3.x's encoding argument) is not supported.</summary>
    public static PyRef Str(Heap heap, PyObject* args, PyObject* kwargs)
    {
        var py27 = heap.Profile.Wording == ErrorWording.Cpython27;
        var n = TupleType.Size(args);
        PyObject* value = n > 0 ? TupleType.Item(args, 0) : null;
        if (n > (py27 ? 1 : 3))
        {
            return heap.RaiseTypeError($"str() takes at most {(py27 ? "1 argument" : "3 arguments")} ({n} given)");
        }

        if (kwargs != null)
        {
            nint pos = 0;
            while (heap.Types.Dict.Next(kwargs, ref pos, out var key, out var v))
            {
                var name = Heap.IsInstance(key, heap.Types.Str) ? StrType.AsString(key) : "";
                if (name == "object" && value == null)
                {
                    value = v;
                }
                else if (py27 || name is not ("encoding" or "errors"))
                {
                    return heap.RaiseTypeError(py27
                        ? $"'{name}' is an invalid keyword argument for this function"
                        : $"'{name}' is an invalid keyword argument for str()");
                }
                else
                {
                    n = 2;
                }
            }
        }

        if (n > 1)
        {
            return heap.RaiseTypeError(value != null && Heap.IsInstance(value, heap.Types.Str)
                ? "decoding str is not supported"
                : $"decoding to str: need a bytes-like object, {value->Type->Descriptor.Name} found");
        }

        return value == null ? heap.NewString("") : heap.Str(value);
    }

    /// <summary>
    /// <c>type(object)</c>: its type; <c>type(name, bases, dict)</c>: a new class, whose module
    /// is the dict's <c>__module__</c> or <c>__main__</c>.
    /// </summary>
    public static PyRef Type(Heap heap, PyObject* args, PyObject* kwargs)
    {
        var py27 = heap.Profile.Wording == ErrorWording.Cpython27;
        var n = TupleType.Size(args);
        var keywords = kwargs == null ? 0 : heap.Types.Dict.Count(kwargs);
        if (n == 1 && keywords == 0)
        {
            var o = TupleType.Item(args, 0);
            if (o->Type->Descriptor is Classic.ClassicInstanceType)
            {
                // Both type objects of classic instances are the one 'instance' type.
                return new PyRef((PyObject*)heap.Types.Classic!.Instance.TypeObject).NewRef();
            }

            return new PyRef((PyObject*)o->Type).NewRef();
        }

        if (n != 3 || keywords != 0)
        {
            return heap.RaiseTypeError("type() takes 1 or 3 arguments");
        }

        var who = py27 ? "type()" : "type.__new__()";
        var name = TupleType.Item(args, 0);
        var bases = TupleType.Item(args, 1);
        var dict = TupleType.Item(args, 2);
        if (!Heap.IsInstance(name, heap.Types.Str))
        {
            return heap.RaiseTypeError($"{who} argument 1 must be {(py27 ? "string" : "str")}, not {name->Type->Descriptor.Name}");
        }

        if (!Heap.IsInstance(bases, heap.Types.Tuple))
        {
            return heap.RaiseTypeError($"{who} argument 2 must be tuple, not {bases->Type->Descriptor.Name}");
        }

        if (!heap.IsDict(dict))
        {
            return heap.RaiseTypeError($"{who} argument 3 must be dict, not {dict->Type->Descriptor.Name}");
        }

        var baseRefs = new PyRef[TupleType.Size(bases)];
        for (var i = 0; i < baseRefs.Length; i++)
        {
            baseRefs[i] = new PyRef(TupleType.Item(bases, i));
        }

        var module = TypeType.ModuleOf(heap.Types.Dict, dict) ?? "__main__";
        return heap.NewClass(StrType.AsString(name), baseRefs, dict, module);
    }

    private static bool OneOptionalArgument(Heap heap, string type, PyObject* args, PyObject* kwargs, out PyObject* value)
    {
        var py27 = heap.Profile.Wording == ErrorWording.Cpython27;
        value = null;
        if (kwargs != null && heap.Types.Dict.Count(kwargs) > 0)
        {
            nint pos = 0;
            heap.Types.Dict.Next(kwargs, ref pos, out var key, out _);
            var name = Heap.IsInstance(key, heap.Types.Str) ? StrType.AsString(key) : "";
            heap.RaiseTypeError(py27 ? $"'{name}' is an invalid keyword argument for this function" : $"{type}() takes no keyword arguments");
            return false;
        }

        var n = TupleType.Size(args);
        if (n > 1)
        {
            heap.RaiseTypeError(py27 ? $"{type}() takes at most 1 argument ({n} given)" : $"{type} expected at most 1 argument, got {n}");
            return false;
        }

        value = n == 1 ? TupleType.Item(args, 0) : null;
        return true;
    }
}
