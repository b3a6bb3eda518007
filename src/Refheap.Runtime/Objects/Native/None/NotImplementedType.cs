namespace Refheap.Objects.Native.None;

/// <summary><c>NotImplementedType</c>: what a binary operation returns when it does not handle its operands.</summary>
internal sealed class NotImplementedType(Heap heap) : SingletonType(heap, "NotImplementedType", "NotImplemented");
