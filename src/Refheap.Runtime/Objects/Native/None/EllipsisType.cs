namespace Refheap.Objects.Native.None;

/// <summary><c>ellipsis</c>: the type of <c>Ellipsis</c> (<c>...</c> in 3.x, in a subscript in 2.7).</summary>
internal sealed class EllipsisType(Heap heap) : SingletonType(heap, "ellipsis", "Ellipsis");
