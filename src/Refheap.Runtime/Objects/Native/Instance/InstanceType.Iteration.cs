using Refheap.Objects.Native.Iterators;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects.Native.Instance;

/// <summary>
/// The iteration protocol of instances: the class's <c>__iter__</c>, <c>next</c> (2.7) /
/// <c>__next__</c> (3.x) and <c>__contains__</c>, else the built-in base's (a list subclass
/// iterates as a list), else a class with <c>__getitem__</c> iterates through it.
/// </summary>
internal sealed unsafe partial class InstanceType
{
    private string NextMethodName => IterationBehaviour.For(Heap.Profile).NextMethodName;

    /// <inheritdoc/>
    public override PyRef Iter(PyObject* self)
    {
        if (CallSpecial(self, "__iter__", out var result))
        {
            return result;
        }

        if (!Layout.SolidBaseIsObject)
        {
            return Layout.SolidBase.Iter(self);
        }

        return ClassDefines(self, "__getitem__") ? Heap.Types.Iterators.Sequence.New(self) : base.Iter(self);
    }

    /// <inheritdoc/>
    public override bool IsIterator(PyObject* self) =>
        ClassDefines(self, NextMethodName) || (!Layout.SolidBaseIsObject && Layout.SolidBase.IsIterator(self));

    /// <inheritdoc/>
    /// <remarks>A StopIteration raised by the method is turned into exhaustion by <see cref="Heap.IterNext"/>.</remarks>
    public override PyRef IterNext(PyObject* self)
    {
        if (CallSpecial(self, NextMethodName, out var result))
        {
            return result;
        }

        return Layout.SolidBaseIsObject ? base.IterNext(self) : Layout.SolidBase.IterNext(self);
    }

    /// <inheritdoc/>
    public override int Contains(PyObject* self, PyObject* item)
    {
        if (CallSpecial(self, "__contains__", out var result, (nint)item))
        {
            if (result.IsNull)
            {
                return -1;
            }

            var truth = Heap.IsTrue(result.Ptr);
            result.DecRef();
            return truth;
        }

        return Layout.SolidBaseIsObject ? Heap.ContainsByIteration(self, item) : Layout.SolidBase.Contains(self, item);
    }

    private bool ClassDefines(PyObject* self, string name)
    {
        var nameObj = Heap.InternString(name);
        return !nameObj.IsNull && TypeType.Lookup(self->Type, nameObj.Ptr) != null;
    }
}
