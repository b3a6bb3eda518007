using Refheap.Objects.Native.Classic;
using Refheap.Objects.Native.List;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects;

/// <summary>The facade's part for <c>dir(o)</c> through a <c>__dir__</c> method.</summary>
internal sealed unsafe partial class ObjectApi
{
    /// <summary>
    /// <c>dir(o)</c> when <paramref name="o"/> (borrowed) has a <c>__dir__</c>: its class's,
    /// looked up on the type and bound (_PyObject_LookupSpecial), or a 2.7 classic instance's
    /// attribute. False when there is none (the caller lists the attributes itself); otherwise
    /// <paramref name="result"/> is a new reference to the sorted list, or null with the error
    /// set. 2.7 requires a list and sorts that very list (PyObject_Dir); 3.12 sorts a new list of
    /// whatever the method returns.
    /// </summary>
    public bool TryDirFromSpecial(PyRef o, out PyRef result)
    {
        result = PyRef.Null;
        PyRef names;
        if (o.Descriptor is ClassicInstanceType)
        {
            if (!TryCallClassicMethod(o, "__dir__", [], out names))
            {
                return false;
            }
        }
        else
        {
            var name = Heap.InternString("__dir__");
            if (name.IsNull)
            {
                return true;
            }

            var type = o.Ptr->Type;
            var attr = type->Mro == null ? null : TypeType.Lookup(type, name.Ptr);
            if (attr == null)
            {
                return false;
            }

            var method = attr->Type->Descriptor.DescriptorGet(attr, o.Ptr, type);
            if (method.IsNull)
            {
                return true;
            }

            names = Heap.Call(method.Ptr, Heap.Types.Tuple.Empty, null);
            method.DecRef();
        }

        if (names.IsNull)
        {
            return true;
        }

        PyRef list;
        if (Heap.Profile.Wording == ErrorWording.Cpython27)
        {
            if (!Heap.IsInstance(names.Ptr, Heap.Types.List))
            {
                Heap.RaiseTypeError($"__dir__() must return a list, not {names.Ptr->Type->Descriptor.Name}");
                names.DecRef();
                return true;
            }

            list = names;
        }
        else
        {
            list = Heap.ListFromIterable(names.Ptr);
            names.DecRef();
            if (list.IsNull)
            {
                return true;
            }
        }

        var sorted = ListSort.Sort(Heap, list.Ptr, null, null, reverse: false);
        if (sorted.IsNull)
        {
            list.DecRef();
            return true;
        }

        sorted.DecRef();
        result = list;
        return true;
    }
}
