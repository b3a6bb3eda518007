namespace Refheap.Objects;

/// <summary>Shortcuts to the weak containers (Weak/).</summary>
internal sealed unsafe partial class Heap
{
    /// <summary><c>weakref.WeakValueDictionary()</c>: a new reference, or null with MemoryError set.</summary>
    public PyRef NewWeakValueDictionary() => Types.WeakContainers.ValueDictionary.New();

    /// <summary><c>weakref.WeakKeyDictionary()</c>: a new reference, or null with MemoryError set.</summary>
    public PyRef NewWeakKeyDictionary() => Types.WeakContainers.KeyDictionary.New();

    /// <summary><c>weakref.WeakSet()</c>: a new reference, or null with MemoryError set.</summary>
    public PyRef NewWeakSet() => Types.WeakContainers.Set.New();

    /// <summary>
    /// <c>iter(container)</c> for a weak container (a generator: new reference), or null with
    /// TypeError for anything else.
    /// </summary>
    public PyRef IterateWeakContainer(PyObject* container) =>
        container->Type->Descriptor is Weak.WeakContainerType type
            ? Types.WeakContainers.Iterator.New(container, type.DefaultIteration)
            : RaiseTypeError($"'{container->Type->Descriptor.Name}' object is not a weak container");

    /// <summary>One step of a weak container's generator: the next item (new reference), or null — with the error set if the step failed, without at the end.</summary>
    public PyRef NextOfWeakIterator(PyObject* iterator) => Types.WeakContainers.Iterator.Next(iterator);
}
