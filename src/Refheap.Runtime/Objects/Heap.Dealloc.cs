namespace Refheap.Objects;

internal sealed unsafe partial class Heap
{
    /// <summary>
    /// How deep deallocations may nest before further ones are deferred. CPython's trashcan
    /// uses a nesting limit for the same reason: freeing a long chain recursively would
    /// otherwise overflow the stack.
    /// </summary>
    private const int TrashcanDepthLimit = 50;

    private readonly Stack<nint> _trashcan = new();
    private int _deallocDepth;

    /// <summary>
    /// Deallocates an object whose count just reached zero. Nested deallocations beyond
    /// <see cref="TrashcanDepthLimit"/> are deferred and run once the outermost one returns,
    /// so a chain of any length is freed in constant stack depth.
    /// </summary>
    public void Dealloc(PyObject* o)
    {
        var descriptor = o->Type->Descriptor;
        if (_deallocDepth >= TrashcanDepthLimit)
        {
            // A deferred object must not be seen by a collection that runs meanwhile.
            if (descriptor.IsGc)
            {
                Gc.Untrack(o);
            }

            _trashcan.Push((nint)o);
            return;
        }

        _deallocDepth++;
        try
        {
            descriptor.Dealloc(o);
        }
        finally
        {
            _deallocDepth--;
        }

        if (_deallocDepth == 0 && _trashcan.Count > 0)
        {
            EmptyTrashcan();
        }
    }

    /// <summary>
    /// Frees the deferred objects. After this: the trashcan is empty. Runs at depth zero, so
    /// each deferred object may again nest up to the limit.
    /// </summary>
    private void EmptyTrashcan()
    {
        while (_trashcan.Count > 0)
        {
            var o = (PyObject*)_trashcan.Pop();
            _deallocDepth++;
            try
            {
                o->Type->Descriptor.Dealloc(o);
            }
            finally
            {
                _deallocDepth--;
            }
        }
    }
}
