namespace Refheap.Objects.Native.Dict;

/// <summary>The base of <see cref="DictType"/>; the subscript slot is <see cref="TypeDescriptor.Subscript"/>, so the dict API's borrowed <c>GetItem(d, key)</c> needs no renaming.</summary>
internal abstract class DictTypeBase : TypeDescriptor
{
    /// <summary>Creates the descriptor.</summary>
    protected DictTypeBase(Heap heap, string name)
        : base(heap, name)
    {
    }
}
