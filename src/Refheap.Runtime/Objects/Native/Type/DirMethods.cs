using Refheap.Objects.Native.Methods;

namespace Refheap.Objects.Native.Type;

/// <summary>
/// 3.x's <c>__dir__</c> methods of <c>object</c>, <c>type</c> and <c>module</c>, which
/// <c>dir()</c> calls and sorts: each returns the unsorted list of names (object___dir__,
/// type___dir__, module_dir). 2.7 has none: its <c>dir</c> lists the names itself.
/// </summary>
internal static unsafe class DirMethods
{
    /// <summary>The tables, for <paramref name="heap"/>'s profile (none in 2.7).</summary>
    public static List<(TypeDescriptor Type, BuiltinMethod[] Methods)> Tables(Heap heap)
    {
        if (heap.Profile.Wording == ErrorWording.Cpython27)
        {
            return [];
        }

        var types = heap.Types;
        return
        [
            (types.Object, [new("__dir__", ArgumentSpec.NoArgs, static (h, self, _) => new ObjectApi(h).ObjectDirNames(new PyRef(self)))]),
            (types.Type, [new("__dir__", ArgumentSpec.NoArgs, static (h, self, _) => new ObjectApi(h).TypeDirNames(new PyRef(self)))]),
            (types.Module, [new("__dir__", ArgumentSpec.NoArgs, static (h, self, _) => new ObjectApi(h).ModuleDirNames(new PyRef(self)))]),
        ];
    }

    /// <summary>Whether <paramref name="method"/> (borrowed) is one of these, as found on a type: <c>dir()</c> then lists the names itself, as the method would.</summary>
    public static bool IsBuiltinDir(Heap heap, PyObject* method, PyObject* name)
    {
        var types = heap.Types;
        foreach (var owner in (ReadOnlySpan<TypeDescriptor>)[types.Object, types.Type, types.Module])
        {
            var dict = owner.TypeObject->Dict;
            if (dict != null && types.Dict.GetItem(dict, name) == method)
            {
                return true;
            }
        }

        return false;
    }
}
