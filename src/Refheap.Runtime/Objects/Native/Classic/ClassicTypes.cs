namespace Refheap.Objects.Native.Classic;

/// <summary>
/// The types of 2.7's classic classes: <c>classobj</c> and <c>instance</c>. An instance whose
/// class has a <c>__del__</c> when it is made gets a second type object, also named
/// <c>instance</c>, that carries the finalizer flag the collector reads per object (2.7's
/// has_finalizer asks each instance); <c>type()</c> shows both as the one <c>instance</c>.
/// </summary>
internal sealed class ClassicTypes
{
    /// <summary>Creates the descriptors for one heap.</summary>
    public ClassicTypes(Heap heap)
    {
        Class = new ClassicClassType(heap);
        Instance = new ClassicInstanceType(heap, this, withFinalizer: false);
        FinalizedInstance = new ClassicInstanceType(heap, this, withFinalizer: true);
    }

    /// <summary><c>classobj</c>.</summary>
    public ClassicClassType Class { get; }

    /// <summary><c>instance</c>: what <c>type()</c> of any classic instance is.</summary>
    public ClassicInstanceType Instance { get; }

    /// <summary>The <c>instance</c> type of instances whose class has a <c>__del__</c>.</summary>
    public ClassicInstanceType FinalizedInstance { get; }

    /// <summary>The three descriptors, to register as built-in types.</summary>
    public IEnumerable<TypeDescriptor> All => [Class, Instance, FinalizedInstance];
}
