using Refheap.Objects.Native.List;
using Refheap.Objects.Native.Methods;
using Refheap.Objects.Native.Object;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Type;

/// <summary>
/// The methods of <c>type</c> itself, which a class reaches through its metatype when its own
/// MRO has none (<c>C.mro()</c>, <c>C.__subclasses__()</c>), and 2.7's six comparisons (type_richcompare), which a
/// class reaches through its metatype when its own MRO has none (<c>object.__eq__</c> is
/// <c>&lt;method-wrapper '__eq__' of type object&gt;</c> there). 3.12's <c>type</c> has none:
/// its classes find <c>object</c>'s.
/// </summary>
internal static unsafe class TypeMethods
{
    /// <summary>The methods, for <paramref name="heap"/>'s profile.</summary>
    public static IEnumerable<BuiltinMethod> Create(Heap heap)
    {
        List<BuiltinMethod> methods =
        [
            new("mro", ArgumentSpec.NoArgs, static (h, self, _) => Mro(h, self)),
            new("__subclasses__", ArgumentSpec.NoArgs, static (h, self, _) => Subclasses(h, self)),
        ];
        if (heap.Profile.IntPromotesToLong)
        {
            for (var i = 0; i < ObjectMethods.CompareNames.Length; i++)
            {
                var op = (CompareOp)i;
                methods.Add(new(ObjectMethods.CompareNames[i], ArgumentSpec.Wrapper(1), (h, self, a) => RichCompare(h, self, a[0], op)));
            }
        }

        return methods;
    }

    /// <summary>
    /// <c>type.mro(C)</c>: a new list of the class's MRO (mro_implementation's result as a
    /// list; Refheap has no metaclass that could override <c>mro</c>, so it is
    /// <c>__mro__</c>'s items). New reference.
    /// </summary>
    private static PyRef Mro(Heap heap, PyObject* self)
    {
        var mro = ((PyTypeObject*)self)->Mro;
        var n = mro == null ? 0 : TupleType.Size(mro);
        var list = heap.Types.List.New(n);
        if (list.IsNull)
        {
            return list;
        }

        for (nint i = 0; i < n; i++)
        {
            var item = TupleType.Item(mro, i);
            Heap.IncRef(item);
            ListType.Items(list.Ptr)[i] = item;
        }

        return list;
    }

    /// <summary>
    /// <c>type.__subclasses__(C)</c>: a new list of the live classes that name
    /// <paramref name="self"/> among their <c>__bases__</c>, in the order they were made (CPython
    /// keeps weak references to them in tp_subclasses, each dropped when its class dies). Only
    /// classes are listed: Refheap's built-in types are not subclasses of each other there.
    /// New reference.
    /// </summary>
    private static PyRef Subclasses(Heap heap, PyObject* self)
    {
        var found = new List<(long Birth, nint Type)>();
        foreach (var c in heap.LiveClasses)
        {
            var bases = c.TypeObject->Bases;
            var n = bases == null ? 0 : TupleType.Size(bases);
            for (nint i = 0; i < n; i++)
            {
                if (TupleType.Item(bases, i) == self)
                {
                    found.Add((heap.ClassBirth(c), (nint)c.TypeObject));
                    break;
                }
            }
        }

        found.Sort((a, b) => a.Birth.CompareTo(b.Birth));
        var list = heap.Types.List.New(found.Count);
        if (list.IsNull)
        {
            return list;
        }

        for (var i = 0; i < found.Count; i++)
        {
            var item = (PyObject*)found[i].Type;
            Heap.IncRef(item);
            ListType.Items(list.Ptr)[i] = item;
        }

        return list;
    }

    /// <summary>
    /// 2.7's type_richcompare: two types compare by address (only <c>==</c> and <c>!=</c> mean
    /// anything); anything else is NotImplemented. New reference.
    /// </summary>
    private static PyRef RichCompare(Heap heap, PyObject* self, PyObject* other, CompareOp op)
    {
        if (!Heap.IsInstance(self, heap.Types.Type) || !Heap.IsInstance(other, heap.Types.Type))
        {
            return heap.NotImplemented;
        }

        // Addresses are compared as unsigned numbers, as CPython's Py_uintptr_t casts.
        var result = op.Holds((nuint)self, (nuint)other);
        return heap.NewBool(result);
    }
}
