using Refheap.Objects.Native.Methods;

namespace Refheap.Objects.Native.Iterators;

/// <summary>The methods every built-in iterator has: <c>__iter__</c>, <c>next</c> (2.7) / <c>__next__</c> (3.x), <c>__length_hint__</c>.</summary>
internal static unsafe class IteratorMethods
{
    /// <summary>The methods, for a heap's profile.</summary>
    public static IEnumerable<BuiltinMethod> Create(Heap heap) =>
    [
        new("__iter__", ArgumentSpec.Wrapper(0), static (h, self, _) => h.GetIter(self)),
        new(IterationBehaviour.For(heap.Profile).NextMethodName, ArgumentSpec.Wrapper(0), static (h, self, _) => Next(h, self)),
        new("__length_hint__", ArgumentSpec.NoArgs, static (h, self, _) => h.NewInt(((IteratorType)self->Type->Descriptor).LengthHint(self))),
    ];

    /// <summary><c>it.__next__()</c>: the next item, or StopIteration (without arguments) at the end.</summary>
    public static PyRef Next(Heap heap, PyObject* iterator)
    {
        var item = heap.IterNext(iterator);
        return item.IsNull && !heap.ErrorOccurred ? heap.RaiseStopIteration() : item;
    }
}
