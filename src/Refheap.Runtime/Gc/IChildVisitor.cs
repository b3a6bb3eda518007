using Refheap.Objects;

namespace Refheap.Gc;

/// <summary>
/// What one collector pass does with each reference an object holds, as a struct type
/// argument: the traversal of the common types (<see cref="ChildTraversal"/>) is then
/// specialised per pass by the JIT, with no indirect call per visited reference.
/// </summary>
internal unsafe interface IChildVisitor
{
    /// <summary>Visits one non-null reference.</summary>
    void Visit(PyObject* child);
}
