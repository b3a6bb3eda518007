using System.Runtime.InteropServices;
using Refheap.Objects.Native.Frame;
using Refheap.Objects.Native.Str;

namespace Refheap.Objects.Native.Generator;

/// <summary>
/// <c>generator</c>: tracked; owns its suspended frame, so its locals and the iterators on
/// its value stack stay alive while it is suspended. A generator that dies suspended is
/// closed first (GeneratorExit raised at its yield, so its <c>finally</c> blocks run).
/// </summary>
internal sealed unsafe class GeneratorType : TypeDescriptor
{
    /// <summary>Creates the descriptor.</summary>
    public GeneratorType(Heap heap)
        : base(heap, "generator")
    {
    }

    /// <summary>What runs a generator's frame; installed by the front end.</summary>
    public GeneratorResumer? Resumer { get; set; }

    /// <inheritdoc/>
    public override bool IsGc => true;

    /// <inheritdoc/>
    public override int WeakListOffset => (int)Marshal.OffsetOf<PyGeneratorObject>(nameof(PyGeneratorObject.WeakList));

    /// <summary>A new generator over <paramref name="frame"/> (borrowed, as the other arguments).</summary>
    public PyRef New(PyObject* frame, PyObject* code, PyObject* name, PyObject* qualName)
    {
        var o = Heap.AllocObject(this, (nuint)sizeof(PyGeneratorObject));
        if (o == null)
        {
            return PyRef.Null;
        }

        var g = (PyGeneratorObject*)o;
        Heap.IncRef(frame);
        g->Frame = frame;
        Heap.IncRef(code);
        g->Code = code;
        Heap.IncRef(name);
        g->Name = name;
        Heap.IncRef(qualName);
        g->QualName = qualName;
        Heap.Gc.Track(o);
        return new PyRef(o);
    }

    /// <summary>The generator's fields.</summary>
    public static PyGeneratorObject* Fields(PyObject* generator) => (PyGeneratorObject*)generator;

    /// <summary>Whether the generator stopped at a yield and can still run.</summary>
    public static bool IsSuspended(PyObject* generator)
    {
        var f = ((PyGeneratorObject*)generator)->Frame;
        return f != null && (FrameType.Fields(f)->State & (int)FrameState.Suspended) != 0;
    }

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)sizeof(PyGeneratorObject);

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        var g = (PyGeneratorObject*)self;
        Heap.Gc.Untrack(self);
        if (IsSuspended(self) && Resumer != null && CloseFromDealloc(self))
        {
            return;
        }

        Heap.ClearWeakReferences(self);
        Heap.ClearRef(ref g->Frame);
        Heap.ClearRef(ref g->Code);
        Heap.ClearRef(ref g->Name);
        Heap.ClearRef(ref g->QualName);
        Heap.FreeObject(self, this, SizeOf(self));
    }

    /// <summary>Closes a dying suspended generator (its finalizer); true when that resurrected it.</summary>
    private bool CloseFromDealloc(PyObject* self)
    {
        self->RefCount = 1;
        Heap.Gc.Track(self);
        var saved = Heap.FetchError();
        if (Close(self) < 0)
        {
            Heap.WriteUnraisable(self, "generator");
        }

        Heap.RestoreError(saved);
        if (--self->RefCount != 0)
        {
            return true;
        }

        Heap.Gc.Untrack(self);
        return false;
    }

    /// <summary><c>gen.close()</c>: 0, or -1 with the error set (RuntimeError when it yields again).</summary>
    public int Close(PyObject* self)
    {
        if (!IsSuspended(self))
        {
            Heap.ClearRef(ref ((PyGeneratorObject*)self)->Frame);
            return 0;
        }

        var exit = Heap.Types.Exceptions.GeneratorExit.Instantiate(new PyRef(Heap.Types.Tuple.Empty));
        if (exit.IsNull)
        {
            return -1;
        }

        var result = Resumer!(new PyRef(self), exit, true);
        exit.DecRef();
        if (!result.IsNull)
        {
            result.DecRef();
            Heap.Raise(Heap.Types.Exceptions.RuntimeError, "generator ignored GeneratorExit");
            return -1;
        }

        if (Heap.ErrorMatches(Heap.Types.Exceptions.GeneratorExit) || Heap.ErrorMatches(Heap.Types.Exceptions.StopIteration))
        {
            Heap.ClearError();
        }

        return Heap.ErrorOccurred ? -1 : 0;
    }

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var g = (PyGeneratorObject*)self;
        var slots = stackalloc PyObject*[] { g->Frame, g->Code, g->Name, g->QualName };
        for (var i = 0; i < 4; i++)
        {
            if (slots[i] != null)
            {
                var r = visit(slots[i], arg);
                if (r != 0)
                {
                    return r;
                }
            }
        }

        return 0;
    }

    /// <inheritdoc/>
    public override void Clear(PyObject* self) => Heap.ClearRef(ref ((PyGeneratorObject*)self)->Frame);

    /// <summary>The next value (new reference), or null: no error set when exhausted.</summary>
    public PyRef Next(PyObject* self) => Resumer == null
        ? Heap.Raise(Heap.Types.Exceptions.SystemError, "no evaluator is installed to run generators")
        : Resumer(new PyRef(self), PyRef.Null, false);

    /// <inheritdoc/>
    public override PyRef Iter(PyObject* self) => new PyRef(self).NewRef();

    /// <inheritdoc/>
    public override bool IsIterator(PyObject* self) => true;

    /// <inheritdoc/>
    public override PyRef IterNext(PyObject* self) => Next(self);

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        var g = (PyGeneratorObject*)self;
        switch (StrType.AsSpan(name))
        {
            case "__name__":
                return new PyRef(g->Name).NewRef();
            case "__qualname__" when !Heap.Profile.IntPromotesToLong:
                return new PyRef(g->QualName).NewRef();
            case "gi_frame":
                return g->Frame != null ? new PyRef(g->Frame).NewRef() : Heap.None;
            case "gi_code":
                return new PyRef(g->Code).NewRef();
            case "gi_running":
                return Heap.NewBool(g->Running != 0);
        }

        return base.GetAttr(self, name);
    }

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        var g = (PyGeneratorObject*)self;
        var name = StrType.AsString(Heap.Profile.IntPromotesToLong ? g->Name : g->QualName);
        return Heap.NewString($"<generator object {name} at 0x{(nint)self:x}>");
    }
}
