namespace Refheap.Objects;

internal sealed unsafe partial class Heap
{
    /// <summary>
    /// Called with the address of every object allocated (a fresh block or one taken from a
    /// free list) while set; null, the default, costs one test per allocation. The Python
    /// front end's <c>tracemalloc</c> records allocation sites through it. It must not touch
    /// the heap: the object is not yet initialised.
    /// </summary>
    public Action<nint>? AllocationObserver { get; set; }
}
