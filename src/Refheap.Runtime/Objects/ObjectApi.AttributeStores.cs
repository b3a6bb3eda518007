using Refheap.Objects.Native.Instance;

namespace Refheap.Objects;

/// <summary>
/// LOAD_ATTR and STORE_ATTR with a per-name cache, as CPython 3.12 specialises them for
/// instances (LOAD_ATTR_WITH_HINT, STORE_ATTR_WITH_HINT): where a class keeps a name only in
/// the instance's dict (<see cref="InstanceType.KeepsAttributeInDict"/>), that answer is kept
/// with the class's version tag, and the next read or store of the name on an instance of the
/// class goes straight to the dict.
/// </summary>
internal sealed unsafe partial class ObjectApi
{
    /// <summary>
    /// <c>o.name</c> (borrowed; name an exact str), as <see cref="GetAttr(PyRef, PyRef)"/>: a new
    /// reference, or null with the error set. <paramref name="cache"/> is the name's entry in the
    /// code's attribute caches, shared with <see cref="CachedModuleAttribute"/>: this keeps the
    /// class in <see cref="GlobalCache.Found"/> and its tag in <see cref="GlobalCache.GlobalsVersion"/>,
    /// which no dict's address or entry can match.
    /// </summary>
    public PyRef LoadAttribute(PyRef o, PyRef name, ref GlobalCache cache)
    {
        if (!InDictOnly(o.Ptr->Type, name.Ptr, ref cache))
        {
            return Heap.GetAttr(o.Ptr, name.Ptr);
        }

        var type = o.Ptr->Type;

        // A miss is GetAttrWithoutHooks's end with no class attribute: its AttributeError.
        var v = ((InstanceType)type->Descriptor).LoadFromDict(o.Ptr, name.Ptr);
        return v != null ? new PyRef(v).NewRef() : Heap.ErrorOccurred ? PyRef.Null : Heap.RaiseMissingInstanceAttribute(o.Ptr, name.Ptr);
    }

    /// <summary>
    /// <see cref="InstanceType.KeepsAttributeInDict"/> for <paramref name="type"/>, an answer either
    /// way kept with the class's tag (<see cref="GlobalCache.Index"/> -1: yes, 0: no); none kept
    /// while the class has no tag.
    /// </summary>
    private bool InDictOnly(PyTypeObject* type, PyObject* name, ref GlobalCache cache)
    {
        var tag = type->VersionTag;
        if (cache.Found == (nint)type && tag != 0 && cache.GlobalsVersion == tag)
        {
            return cache.Index == -1;
        }

        var yes = type->Descriptor is InstanceType instances && name->Type == Heap.Types.Str.TypeObject && instances.KeepsAttributeInDict(name);

        // The check gave the class its tag if it had none.
        tag = type->VersionTag;
        if (tag != 0)
        {
            cache.Found = (nint)type;
            cache.Index = yes ? -1 : 0;
            cache.GlobalsVersion = tag;
        }

        return yes;
    }

    /// <summary>
    /// <c>o.name = value</c> (all borrowed; name an exact str), as <see cref="SetAttr(PyRef, PyRef, PyRef)"/>.
    /// <paramref name="cache"/> as <see cref="LoadAttribute"/>'s. 0 or -1 with the error set.
    /// </summary>
    public int StoreAttribute(PyRef o, PyRef name, PyRef value, ref GlobalCache cache) =>
        InDictOnly(o.Ptr->Type, name.Ptr, ref cache)
            ? ((InstanceType)o.Ptr->Type->Descriptor).StoreInDict(o.Ptr, name.Ptr, value.Ptr)
            : Heap.SetAttr(o.Ptr, name.Ptr, value.Ptr);
}
