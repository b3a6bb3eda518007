namespace Refheap.Objects.Native.None;

/// <summary><c>NoneType</c>.</summary>
internal sealed unsafe class NoneType(Heap heap) : SingletonType(heap, "NoneType", "None")
{
    /// <inheritdoc/>
    public override int IsTrue(PyObject* self) => 0;
}
