namespace Refheap.Objects.Native.Classic;

/// <summary>
/// The types of 2.7's classic classes: <c>classobj</c> and <c>instance</c>. Whether an instance
/// has a finalizer is asked of each instance when it matters (2.7's has_finalizer and
/// instance_dealloc look <c>__del__</c> up then), see <see cref="ClassicInstanceType"/>.
/// </summary>
internal sealed class ClassicTypes
{
    /// <summary>Creates the descriptors for one heap.</summary>
    public ClassicTypes(Heap heap)
    {
        Class = new ClassicClassType(heap);
        Instance = new ClassicInstanceType(heap, this);
    }

    /// <summary><c>classobj</c>.</summary>
    public ClassicClassType Class { get; }

    /// <summary><c>instance</c>: the type of every classic instance.</summary>
    public ClassicInstanceType Instance { get; }

    /// <summary>The two descriptors, to register as built-in types.</summary>
    public IEnumerable<TypeDescriptor> All => [Class, Instance];
}
