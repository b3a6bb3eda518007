namespace Refheap.Objects.Native.Set;

/// <summary>The empty frozenset CPython 2.7's start-up has made before a program's first line.</summary>
internal sealed unsafe partial class SetType
{
    /// <summary>
    /// 2.7: makes the empty <c>frozenset()</c> singleton now, uncounted, as CPython's start-up
    /// (site.py) has made it before a program's first line, so the program's first
    /// <c>frozenset()</c> allocates nothing. Nothing for <c>set</c> or in 3.12, which has no singleton.
    /// </summary>
    public void PrepareEmptyFrozenSet()
    {
        if (!Frozen || _linear || _emptyFrozenSet != null)
        {
            return;
        }

        var o = Heap.AllocObject(this, (nuint)sizeof(PySetObject), counted: false);
        if (o == null)
        {
            Heap.ClearError();
            return;
        }

        Set(o);
        Heap.Gc.Track(o);
        _emptyFrozenSet = o;
    }

    /// <summary>Drops the empty frozenset singleton (the end of a program, heap teardown); made again on next use.</summary>
    public void ReleaseEmptyFrozenSet()
    {
        var o = _emptyFrozenSet;
        _emptyFrozenSet = null;
        if (o != null)
        {
            Heap.DecRef(o);
        }
    }
}
