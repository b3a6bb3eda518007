using Refheap.Objects.Native.Instance;
using Refheap.Objects.Native.Tuple;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects;

/// <summary>
/// What type_new does around a new class besides laying it out: the functions of a class body
/// that become static or class methods, and (3.x) the <c>__set_name__</c> and
/// <c>__init_subclass__</c> calls once the class is made.
/// </summary>
internal sealed unsafe partial class Heap
{
    /// <summary>
    /// type_new's special cases: a plain function <c>__new__</c> in a class body becomes a
    /// staticmethod, so that the class, passed explicitly, is its first argument; in 3.x
    /// <c>__init_subclass__</c> and <c>__class_getitem__</c> become classmethods. 0, or -1
    /// with the error set.
    /// </summary>
    private int WrapImplicitMethods(PyObject* dict)
    {
        if (WrapFunction(dict, "__new__", Types.StaticMethod) < 0)
        {
            return -1;
        }

        return Profile.IntPromotesToLong || (WrapFunction(dict, "__init_subclass__", Types.ClassMethod) == 0 && WrapFunction(dict, "__class_getitem__", Types.ClassMethod) == 0)
            ? 0
            : -1;
    }

    private int WrapFunction(PyObject* dict, string name, Native.Method.WrapperType wrapper)
    {
        var function = Types.Dict.GetItemString(dict, name);
        if (function == null || function->Type != Types.PythonFunction.TypeObject)
        {
            return 0;
        }

        var wrapped = wrapper.New(function, null, null, null);
        if (wrapped.IsNull)
        {
            return -1;
        }

        var status = Types.Dict.SetItemString(dict, name, wrapped.Ptr);
        wrapped.DecRef();
        return status;
    }

    /// <summary>
    /// 3.x's type_new_set_names: each attribute of the new class whose type has
    /// <c>__set_name__</c> is told the class and its name, in the dict's order (over a copy of
    /// the dict, as CPython, so that a call may change the class). 0, or -1 with the error set.
    /// </summary>
    private int SetNames(PyTypeObject* t)
    {
        var names = Types.Dict.Copy(t->Dict);
        if (names.IsNull)
        {
            return -1;
        }

        var status = 0;
        nint pos = 0;
        while (status == 0 && Types.Dict.Next(names.Ptr, ref pos, out var key, out var value))
        {
            if (value->Type == Types.Property.TypeObject)
            {
                Types.Property.SetName(value, key);
                continue;
            }

            if (value->Type->Descriptor is not InstanceType)
            {
                // Only a class defined in Python can have __set_name__ (of the built-in types, only property has one).
                continue;
            }

            var args = NewTuple([new PyRef((PyObject*)t), new PyRef(key)]);
            if (args.IsNull)
            {
                status = -1;
                break;
            }

            if (TryCallSpecialWithArgs(value, "__set_name__", args.Ptr, null, out var called))
            {
                status = called.IsNull ? -1 : 0;
                called.XDecRef();
            }

            args.DecRef();
        }

        names.DecRef();
        return status;
    }

    /// <summary>
    /// 3.x's type_new_init_subclass: <c>super(cls, cls).__init_subclass__(**keywords)</c> — the
    /// first class after the new one in its MRO that defines it, bound to the new class, called
    /// with the class statement's keywords (<paramref name="keywords"/>, a dict or null).
    /// object's does nothing (it is not called) and takes no keywords. 0, or -1 with the error set.
    /// </summary>
    private int InitSubclass(PyTypeObject* t, PyObject* keywords)
    {
        var name = InternString("__init_subclass__");
        if (name.IsNull)
        {
            return -1;
        }

        var mro = t->Mro;
        PyObject* found = null;
        for (nint i = 1; i < TupleType.Size(mro) && found == null; i++)
        {
            var dict = ((PyTypeObject*)TupleType.Item(mro, i))->Dict;
            found = dict == null ? null : Types.Dict.GetItem(dict, name.Ptr);
        }

        var anyKeywords = keywords != null && Types.Dict.Count(keywords) > 0;
        if (found == null || Types.NativeFunction.IsNativeFunction(found))
        {
            return anyKeywords ? Native.Object.ObjectMethods.RefuseInitSubclassKeywords(this, t) : 0;
        }

        var bound = found->Type->Descriptor.DescriptorGet(found, null, t);
        if (bound.IsNull)
        {
            return -1;
        }

        var called = Call(bound.Ptr, Types.Tuple.Empty, anyKeywords ? keywords : null);
        bound.DecRef();
        called.XDecRef();
        return called.IsNull ? -1 : 0;
    }
}
