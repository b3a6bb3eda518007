using Refheap.Objects.Native.Instance;

namespace Refheap.Objects;

/// <summary>
/// STORE_ATTR with a per-name cache, as CPython 3.12 specialises it for instances
/// (STORE_ATTR_WITH_HINT): where a class's stores of a name can only land in the instance's
/// dict (<see cref="InstanceType.StoresInDict"/>), that answer is kept with the class's version
/// tag, and the next store of the name on an instance of the class goes straight to the dict.
/// </summary>
internal sealed unsafe partial class ObjectApi
{
    /// <summary>
    /// <c>o.name = value</c> (all borrowed; name an exact str), as <see cref="SetAttr(PyRef, PyRef, PyRef)"/>.
    /// <paramref name="cache"/> is the name's entry in the code's attribute caches, shared with
    /// <see cref="CachedModuleAttribute"/>: a store keeps the class in <see cref="GlobalCache.Found"/>
    /// and its tag in <see cref="GlobalCache.GlobalsVersion"/>, which no dict's address or
    /// entry can match. 0 or -1 with the error set.
    /// </summary>
    public int StoreAttribute(PyRef o, PyRef name, PyRef value, ref GlobalCache cache)
    {
        var type = o.Ptr->Type;
        var tag = type->VersionTag;
        if (cache.Found == (nint)type && tag != 0 && cache.GlobalsVersion == tag)
        {
            return ((InstanceType)type->Descriptor).StoreInDict(o.Ptr, name.Ptr, value.Ptr);
        }

        if (type->Descriptor is InstanceType instances && name.Ptr->Type == Heap.Types.Str.TypeObject && instances.StoresInDict(name.Ptr))
        {
            // The check gave the class its tag if it had none (0: the cache is off).
            tag = type->VersionTag;
            if (tag != 0)
            {
                cache.Found = (nint)type;
                cache.Index = -1;
                cache.GlobalsVersion = tag;
            }

            return instances.StoreInDict(o.Ptr, name.Ptr, value.Ptr);
        }

        return Heap.SetAttr(o.Ptr, name.Ptr, value.Ptr);
    }
}
