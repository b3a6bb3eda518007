using Refheap.Objects.Native.Str;

namespace Refheap.Objects.Native.Cell;

/// <summary><c>cell</c>: tracked, since a cell holding a function that closes over it is a cycle.</summary>
internal sealed unsafe class CellType : TypeDescriptor
{
    /// <summary>Creates the descriptor.</summary>
    public CellType(Heap heap)
        : base(heap, "cell")
    {
    }

    /// <inheritdoc/>
    public override bool IsGc => true;

    /// <summary>A new cell holding <paramref name="contents"/> (borrowed; may be null).</summary>
    public PyRef New(PyObject* contents)
    {
        var o = Heap.AllocObject(this, (nuint)sizeof(PyCellObject));
        if (o == null)
        {
            return PyRef.Null;
        }

        Heap.XIncRef(contents);
        ((PyCellObject*)o)->Contents = contents;
        Heap.Gc.Track(o);
        return new PyRef(o);
    }

    /// <summary>The cell's contents, borrowed, or null when empty.</summary>
    public static PyObject* Get(PyObject* cell) => ((PyCellObject*)cell)->Contents;

    /// <summary>Stores <paramref name="value"/> (borrowed; null empties the cell).</summary>
    public static void Set(PyObject* cell, PyObject* value)
    {
        Heap.XIncRef(value);
        Heap.SetRef(ref ((PyCellObject*)cell)->Contents, value);
    }

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)sizeof(PyCellObject);

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        Heap.Gc.Untrack(self);
        Heap.ClearRef(ref ((PyCellObject*)self)->Contents);
        Heap.FreeObject(self, this, SizeOf(self));
    }

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var c = ((PyCellObject*)self)->Contents;
        return c != null ? visit(c, arg) : 0;
    }

    /// <inheritdoc/>
    public override void Clear(PyObject* self) => Heap.ClearRef(ref ((PyCellObject*)self)->Contents);

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        if (StrType.EqualsText(name, "cell_contents"))
        {
            var c = ((PyCellObject*)self)->Contents;
            return c != null ? new PyRef(c).NewRef() : Heap.Raise(Heap.Types.Exceptions.ValueError, "Cell is empty");
        }

        return base.GetAttr(self, name);
    }

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        var c = ((PyCellObject*)self)->Contents;
        return Heap.NewString(c == null
            ? $"<cell at 0x{(nint)self:x}: empty>"
            : $"<cell at 0x{(nint)self:x}: {c->Type->Descriptor.Name} object at 0x{(nint)c:x}>");
    }
}
