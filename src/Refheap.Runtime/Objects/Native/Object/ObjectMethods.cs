using Refheap.Objects.Native.Instance;
using Refheap.Objects.Native.Methods;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects.Native.Object;

/// <summary>
/// <c>object.__init__</c>, which every class reaches last in its MRO: what <c>super().__init__()</c>
/// and <c>Base.__init__(self)</c> end at, and what a class without its own <c>__init__</c>
/// runs when called.
/// </summary>
/// <remarks>
/// object_init accepts no arguments beyond the instance unless the class's constructor takes
/// them elsewhere (a built-in base such as an exception, a tuple or a str). For a class that
/// does not override <c>__init__</c>, extra arguments are reported as CPython's object_new
/// reports them when the class is called (2.7 "object() takes no parameters", 3.x "B() takes
/// no arguments"); for one that does (a <c>super().__init__(x)</c> call), as object_init does.
/// </remarks>
internal static unsafe class ObjectMethods
{
    /// <summary>The names of the comparison slot wrappers, indexed by <see cref="CompareOp"/>.</summary>
    public static readonly string[] CompareNames = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];

    /// <summary>The methods, for <paramref name="heap"/>'s profile.</summary>
    /// <remarks>
    /// 3.x's <c>object</c> has the six comparison slot wrappers (object_richcompare); 2.7's has
    /// none (<c>object.__eq__</c> there is type's, bound to the class).
    /// </remarks>
    public static IEnumerable<BuiltinMethod> Create(Heap heap)
    {
        List<BuiltinMethod> methods =
        [
            new("__init__", ArgumentSpec.AnyArgs, Init),
            new("__getattribute__", ArgumentSpec.Wrapper(1), GetAttribute),
            new("__setattr__", ArgumentSpec.Wrapper(2), SetAttr),
            new("__delattr__", ArgumentSpec.Wrapper(1), DelAttr),
        ];
        if (!heap.Profile.IntPromotesToLong)
        {
            for (var i = 0; i < CompareNames.Length; i++)
            {
                var op = (CompareOp)i;
                methods.Add(new(CompareNames[i], ArgumentSpec.Wrapper(1), (h, self, a) => RichCompare(h, self, a[0], op)));
            }
        }

        return methods;
    }

    /// <summary>
    /// object_richcompare: <c>==</c> is identity, else NotImplemented; <c>!=</c> asks the
    /// object's own <c>==</c> (its type's comparison, a class's <c>__eq__</c> included) and
    /// inverts it unless that is NotImplemented; the orderings are NotImplemented. New reference or null.
    /// </summary>
    public static PyRef RichCompare(Heap heap, PyObject* self, PyObject* other, CompareOp op)
    {
        switch (op)
        {
            case CompareOp.Eq:
                return self == other ? heap.NewBool(true) : heap.NotImplemented;
            case CompareOp.Ne:
                var eq = self->Type->Descriptor.RichCompare(self, other, CompareOp.Eq);
                if (eq.IsNull || eq.Ptr == heap.Types.NotImplemented.Singleton)
                {
                    return eq;
                }

                var truth = heap.IsTrue(eq.Ptr);
                eq.DecRef();
                return truth < 0 ? PyRef.Null : heap.NewBool(truth == 0);
            default:
                return heap.NotImplemented;
        }
    }

    // object.__getattribute__/__setattr__/__delattr__: the generic ways, which a class's own
    // attribute methods call to do the actual work (never the class's methods again).
    private static PyRef GetAttribute(Heap heap, PyObject* self, MethodArgs a) =>
        !IsName(heap, a[0]) ? PyRef.Null
        : self->Type->Descriptor is InstanceType it ? it.GetAttrWithoutHooks(self, a[0])
        : heap.GetAttr(self, a[0]);

    private static PyRef SetAttr(Heap heap, PyObject* self, MethodArgs a) => Store(heap, self, a[0], a[1]);

    private static PyRef DelAttr(Heap heap, PyObject* self, MethodArgs a) => Store(heap, self, a[0], null);

    private static PyRef Store(Heap heap, PyObject* self, PyObject* name, PyObject* value)
    {
        if (!IsName(heap, name))
        {
            return PyRef.Null;
        }

        var status = self->Type->Descriptor is InstanceType it
            ? it.SetAttrWithoutHooks(self, name, value)
            : self->Type->Descriptor.SetAttr(self, name, value);
        return status < 0 ? PyRef.Null : heap.None;
    }

    private static bool IsName(Heap heap, PyObject* name)
    {
        if (Heap.IsInstance(name, heap.Types.Str))
        {
            return true;
        }

        heap.RaiseTypeError($"attribute name must be string, not '{name->Type->Descriptor.Name}'");
        return false;
    }

    private static PyRef Init(Heap heap, PyObject* self, MethodArgs a)
    {
        var excess = a.PositionalCount > 0 || (a.Kwargs != null && heap.Types.Dict.Count(a.Kwargs) > 0);
        if (!excess || self->Type->Descriptor is InstanceType { Layout.SolidBaseIsObject: false })
        {
            return heap.None;
        }

        var py27 = heap.Profile.Wording == ErrorWording.Cpython27;
        var name = heap.InternString("__init__");
        var own = name.IsNull ? null : TypeType.Lookup(self->Type, name.Ptr);
        var overridden = own != null && own != TypeType.Lookup(heap.Types.Object.TypeObject, name.Ptr);
        if (overridden)
        {
            return heap.RaiseTypeError(py27 ? "object.__init__() takes no parameters" : "object.__init__() takes exactly one argument (the instance to initialize)");
        }

        return heap.RaiseTypeError(py27 ? "object() takes no parameters" : $"{self->Type->Descriptor.Name}() takes no arguments");
    }
}
