using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects.Native.Instance;

/// <summary>
/// The evaluator's short cuts for <c>o.name</c> and <c>o.name = value</c> where the name can
/// only live in the instance's own dict (py27's instances; 3.12's inline values take their own path).
/// </summary>
internal sealed unsafe partial class InstanceType
{
    /// <summary>
    /// Whether reading or storing <paramref name="name"/> (an exact str) on an instance of this
    /// class is, while the class's version tag stays what it is now, the instance dict's lookup
    /// or store that ends <see cref="GetAttrWithoutHooks"/> and <see cref="SetAttrWithoutHooks"/>:
    /// no attribute hooks, no <c>__slots__</c>, the object base (no exception attributes), a dict
    /// and no inline values, not <c>__class__</c> or <c>__dict__</c>, and no class attribute of
    /// that name on the MRO at all (so no descriptor; a value of a user class could become one
    /// without this class's tag changing). Any change to the class or a base resets the tag.
    /// </summary>
    public bool KeepsAttributeInDict(PyObject* name) =>
        Hooks == AttributeHooks.None && Layout.SlotOffsets.Length == 0 && Layout.SolidBaseIsObject
        && Layout.DictOffset != 0 && Layout.ValuesOffset == 0 && !StrType.EqualsText(name, "__class__")
        && !StrType.EqualsText(name, "__dict__") && TypeType.Lookup(TypeObject, name) == null;

    /// <summary>
    /// The instance's dict's value for <paramref name="name"/> (borrowed), or null (missing, or
    /// the error set): the lookup <see cref="GetAttrWithoutHooks"/> makes once
    /// <see cref="KeepsAttributeInDict"/> holds.
    /// </summary>
    public PyObject* LoadFromDict(PyObject* self, PyObject* name)
    {
        var dict = DictOf(self);
        return dict == null ? null : Heap.Types.Dict.GetItem(dict, name);
    }

    /// <summary>
    /// <c>self.name = value</c> (borrowed) into the instance's dict, made first if it has none:
    /// what <see cref="SetAttrWithoutHooks"/> does once <see cref="KeepsAttributeInDict"/> holds. 0 or -1.
    /// </summary>
    public int StoreInDict(PyObject* self, PyObject* name, PyObject* value)
    {
        var dict = GetOrCreateDict(self);
        return dict == null ? -1 : Heap.Types.Dict.SetItem(dict, name, value);
    }
}
