using System.Runtime.CompilerServices;
using Refheap.Objects;
using Refheap.Objects.Native.Dict;
using Refheap.Objects.Native.Instance;
using Refheap.Objects.Native.List;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Gc;

/// <summary>
/// tp_traverse for the collector's hot passes: instances, dicts, lists and tuples (nearly
/// every tracked object of a typical heap) are traversed inline with the pass's visitor;
/// any other type through its traverse function. The order of the visits is exactly that of
/// each type's traverse function, so the passes see the same sequence either way.
/// </summary>
internal static unsafe class ChildTraversal
{
    /// <summary>
    /// Visits every reference <paramref name="o"/> holds with <paramref name="visitor"/>;
    /// <paramref name="visit"/>/<paramref name="arg"/> is the same visit as a callback, for
    /// the types not inlined here.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Traverse<TVisitor>(PyObject* o, ref TVisitor visitor, delegate*<PyObject*, void*, int> visit, void* arg)
        where TVisitor : struct, IChildVisitor
    {
        // Each of these types' TraverseFunction returns the very field compared here, and the
        // type object stores that value, so equal addresses mean that traverse function.
        var traverse = o->Type->Traverse;
        var address = (nint)traverse;
        if (address == (nint)InstanceType.TraverseFieldsFunction)
        {
            InstanceType.TraverseFieldsWith(o, ref visitor, visit, arg);
        }
        else if (address == (nint)DictType.CompactTraverseFunction)
        {
            DictType.CompactTraverseWith(o, ref visitor);
        }
        else if (address == (nint)DictType.ClassicTraverseFunction)
        {
            DictType.ClassicTraverseWith(o, ref visitor);
        }
        else if (address == (nint)ListType.TraverseItemsFunction)
        {
            ListType.TraverseItemsWith(o, ref visitor);
        }
        else if (address == (nint)TupleType.TraverseItemsFunction)
        {
            TupleType.TraverseItemsWith(o, ref visitor);
        }
        else
        {
            traverse(o, visit, arg);
        }
    }
}
