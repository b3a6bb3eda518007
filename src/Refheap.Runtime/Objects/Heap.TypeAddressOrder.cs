namespace Refheap.Objects;

internal sealed unsafe partial class Heap
{
    /// <summary>
    /// 2.7's last resort in default_3way_compare: two objects whose types share a name (every
    /// number type's name counts as empty there) order by the addresses of their type objects.
    /// </summary>
    /// <remarks>
    /// Refheap's type objects sit elsewhere than CPython's, so the order is taken from CPython
    /// 2.7.18 as pyenv builds it, whose built-in types live in libpython2.7.so, mapped above the
    /// malloc heap where classes are made: every class comes before every built-in type. Among
    /// built-in types, the number types keep their order in the library's data (bool, instance,
    /// float, int, long: <c>sorted([bool, int, long, float, types.InstanceType], key=id)</c>);
    /// classes, and any other pair, keep Refheap's address order (classes: the order they were
    /// made in, as malloc hands out rising addresses to a fresh heap).
    /// </remarks>
    private int CompareTypeAddresses(PyTypeObject* a, PyTypeObject* b)
    {
        var ka = TypeAddressGroup(a);
        var kb = TypeAddressGroup(b);
        if (ka != kb)
        {
            return ka < kb ? -1 : 1;
        }

        return (nint)a < (nint)b ? -1 : 1;
    }

    /// <summary>0 for a class, 1 to 5 for the built-in number types in CPython 2.7.18's order, 6 for any other built-in type.</summary>
    private int TypeAddressGroup(PyTypeObject* t)
    {
        var d = t->Descriptor;
        if (d.IsHeapType)
        {
            return 0;
        }

        if (d == Types.Bool)
        {
            return 1;
        }

        if (d is Native.Classic.ClassicInstanceType)
        {
            return 2;
        }

        if (d == Types.Float)
        {
            return 3;
        }

        if (d == Types.Int)
        {
            return 4;
        }

        return d == Types.Long ? 5 : 6;
    }
}
