namespace Refheap.Objects;

/// <summary>Shortcuts to the weak containers and finalize (Weak/).</summary>
internal sealed unsafe partial class Heap
{
    /// <summary><c>weakref.WeakValueDictionary()</c>: a new reference, or null with MemoryError set.</summary>
    public PyRef NewWeakValueDictionary() => Types.WeakContainers.ValueDictionary.New();

    /// <summary><c>weakref.WeakKeyDictionary()</c>: a new reference, or null with MemoryError set.</summary>
    public PyRef NewWeakKeyDictionary() => Types.WeakContainers.KeyDictionary.New();

    /// <summary><c>weakref.WeakSet()</c>: a new reference, or null with MemoryError set.</summary>
    public PyRef NewWeakSet() => Types.WeakContainers.Set.New();

    /// <summary>
    /// <c>weakref.finalize(obj, func, *args, **kwargs)</c>, <paramref name="args"/> a tuple and
    /// <paramref name="kwargs"/> a dict or null (borrowed): a new reference, or null with the
    /// error set (TypeError for an obj that cannot be weakly referenced; AttributeError on 2.7).
    /// </summary>
    public PyRef NewFinalizer(PyObject* obj, PyObject* func, PyObject* args, PyObject* kwargs) =>
        Types.WeakContainers.Finalize.New(obj, func, args, kwargs);

    /// <summary><see cref="NewFinalizer(PyObject*, PyObject*, PyObject*, PyObject*)"/> without keyword arguments, with safe signatures for the public API.</summary>
    public PyRef NewFinalizer(PyRef obj, PyRef func, PyRef args) => NewFinalizer(obj.Ptr, func.Ptr, args.Ptr, null);

    /// <summary>
    /// Runs the finalizers still alive whose <c>atexit</c> is true, newest first, as CPython's
    /// atexit hook <c>weakref.finalize._exitfunc</c> does at interpreter shutdown; afterwards no
    /// finalizer calls its function. Call it once, before the objects are released. No-op on 2.7.
    /// </summary>
    public void RunAtExitFinalizers() => Types.WeakContainers.Finalize.RunAtExit();

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
