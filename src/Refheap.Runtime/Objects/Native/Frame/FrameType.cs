using Refheap.Objects.Native.Cell;
using Refheap.Objects.Native.Code;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Frame;

/// <summary>
/// <c>frame</c>: tracked, variable-size (its slots follow the header). A traceback owns its
/// frames and each frame owns its caller, so a caught exception keeps the whole stack alive,
/// as in CPython.
/// </summary>
internal sealed unsafe class FrameType : TypeDescriptor
{
    /// <summary>Creates the descriptor.</summary>
    public FrameType(Heap heap)
        : base(heap, "frame")
    {
    }

    /// <inheritdoc/>
    public override bool IsGc => true;

    private FreeList? _freeList;

    /// <summary>How the profile counts frames.</summary>
    public FrameModel Model { get; private set; } = null!;

    internal override void Initialize()
    {
        Model = FrameModel.Of(Heap.Profile);
        _freeList = Heap.FreeLists.Add(new FreeList("frame", Model.FreeListCapacity, block => Release((PyObject*)block)));
    }

    private static nuint AllocationSize(int capacity) => (nuint)(PyFrameObject.SlotsOffset + (capacity * sizeof(nint)));

    /// <summary>
    /// A new frame running <paramref name="code"/> (borrowed, as the other arguments) with
    /// <paramref name="slotCount"/> empty slots; <paramref name="locals"/> may be null. The
    /// block is the code's zombie frame, else one from the free list, else a new one (see
    /// <see cref="FrameModel"/> for which of these the collector counts).
    /// </summary>
    public PyRef New(PyObject* code, PyObject* globals, PyObject* builtins, PyObject* locals, PyObject* back, int slotCount)
    {
        var c = (PyCodeObject*)code;
        PyObject* o;
        if (c->ZombieFrame != null && ((PyFrameObject*)c->ZombieFrame)->Capacity >= slotCount)
        {
            o = c->ZombieFrame;
            c->ZombieFrame = null;
            Heap.AllocationObserver?.Invoke((nint)o);
        }
        else
        {
            o = _freeList!.TryPop();
            if (o != null && ((PyFrameObject*)o)->Capacity < slotCount)
            {
                // 2.7 resizes a free-list frame that is too small (PyObject_GC_Resize): a
                // reallocation the collector does not count.
                Heap.FreeObject(o, this, AllocationSize(((PyFrameObject*)o)->Capacity), counted: false);
                o = Allocate(slotCount, counted: false);
            }
            else if (o == null)
            {
                o = Allocate(slotCount, Model.CountsEveryFrame);
            }

            if (o == null)
            {
                return PyRef.Null;
            }
        }

        // Invariant: a recycled block holds no references (Dealloc cleared them all); its
        // slots beyond the capacity the code needs stay null.
        var f = (PyFrameObject*)o;
        o->RefCount = 1;
        o->Type = TypeObject;
        Heap.IncRef(code);
        f->Code = code;
        Heap.IncRef(globals);
        f->Globals = globals;
        Heap.IncRef(builtins);
        f->Builtins = builtins;
        Heap.XIncRef(locals);
        f->Locals = locals;
        Heap.XIncRef(back);
        f->Back = back;
        f->SavedException = null;
        f->Pc = 0;
        f->StackTop = 0;
        f->State = 0;
        f->SlotCount = slotCount;
        f->Counted = Model.CountsEveryFrame ? 1 : 0;
        if (Model.CountsEveryFrame)
        {
            // 3.12's frames are no GC objects until made visible (Materialize) or owned by a
            // generator (Track): while running, what they hold is externally referenced.
            Heap.Gc.Track(o);
        }

        return new PyRef(o);
    }

    private PyObject* Allocate(int capacity, bool counted)
    {
        var o = Heap.AllocObject(this, AllocationSize(capacity), counted);
        if (o != null)
        {
            ((PyFrameObject*)o)->Capacity = capacity;
        }

        return o;
    }

    /// <summary>
    /// 3.12: <paramref name="frame"/> becomes visible as an object (a traceback entry, <c>f_back</c>,
    /// <c>gi_frame</c>): the collector counts it now, as CPython counts the frame object it makes
    /// then. Nothing in 2.7, whose frames are counted from birth.
    /// </summary>
    public void Materialize(PyObject* frame)
    {
        var f = (PyFrameObject*)frame;
        if (f->Counted == 0)
        {
            f->Counted = 1;
            Heap.Gc.OnAllocate();
            Track(frame);
        }
    }

    /// <summary>
    /// Makes <paramref name="frame"/> a GC object (a generator's frame, a visible frame) with
    /// the frames it calls back to: a tracked frame may outlive the run of its callers, so
    /// they must be visible to the collector too (uncounted: no frame object is made for them).
    /// A frame a 3.12 generator still owns stays untracked: its generator traverses it.
    /// </summary>
    public void Track(PyObject* frame)
    {
        for (var f = frame; f != null; f = ((PyFrameObject*)f)->Back)
        {
            if (IsOwnedByGenerator(f))
            {
                continue;
            }

            if (Gc.Collector.IsTracked(f))
            {
                return;
            }

            Heap.Gc.Track(f);
        }
    }

    /// <summary>
    /// 3.12: whether <paramref name="frame"/> is still embedded in its generator (see
    /// <see cref="FrameModel.GeneratorEmbedsFrame"/>). Such a frame is never tracked: a frame of
    /// generator code becomes tracked only when its generator lets go of it while it is still
    /// referenced (<see cref="TakeOwnership"/>), so "untracked" is what tells the two apart.
    /// </summary>
    public bool IsOwnedByGenerator(PyObject* frame)
    {
        var code = ((PyFrameObject*)frame)->Code;
        return Model.GeneratorEmbedsFrame
            && code != null
            && (((PyCodeObject*)code)->Flags & (int)CodeFlags.Generator) != 0
            && !Gc.Collector.IsTracked(frame);
    }

    /// <summary>
    /// 3.12: the generator that owned <paramref name="frame"/> let go of it while something
    /// else (a frame object from <c>gi_frame</c>, a traceback) still holds it: the frame
    /// object takes the frame over and becomes tracked, as CPython's take_ownership does.
    /// </summary>
    public void TakeOwnership(PyObject* frame)
    {
        Heap.Gc.Track(frame);
        Track(((PyFrameObject*)frame)->Back);
    }

    /// <summary>Returns a free-list or zombie block to the allocator (2.7 counts it as a GC delete).</summary>
    internal void Release(PyObject* frame) =>
        Heap.FreeObject(frame, this, AllocationSize(((PyFrameObject*)frame)->Capacity), Model.CountsEveryFrame);

    /// <summary>The frame's header fields.</summary>
    public static PyFrameObject* Fields(PyObject* frame) => (PyFrameObject*)frame;

    /// <summary>The frame's slots (fast locals, cells, free variables, stack); each an owned reference or null.</summary>
    public static PyObject** Slots(PyObject* frame) => (PyObject**)((byte*)frame + PyFrameObject.SlotsOffset);

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => AllocationSize(((PyFrameObject*)self)->Capacity);

    /// <inheritdoc/>
    /// <remarks>
    /// As 2.7's frame_dealloc: the references go, then the block becomes the code's zombie
    /// frame, else goes on the free list, else back to the allocator; only that last step is
    /// a GC delete in 2.7. In 3.12 a frame that was counted (made visible) is uncounted here,
    /// as its frame object dies, and the block is recycled the same way uncounted.
    /// </remarks>
    public override void Dealloc(PyObject* self)
    {
        var f = (PyFrameObject*)self;
        Heap.Gc.Untrack(self);
        ClearSlots(self);
        Heap.ClearRef(ref f->Back);
        Heap.ClearRef(ref f->Globals);
        Heap.ClearRef(ref f->Builtins);
        if (!Model.CountsEveryFrame && f->Counted != 0)
        {
            Heap.Gc.OnFree();
        }

        f->Counted = 0;
        var code = (PyCodeObject*)f->Code;
        f->Code = null;
        if (code->ZombieFrame == null)
        {
            code->ZombieFrame = self;
        }
        else if (!_freeList!.TryPush(self))
        {
            Release(self);
        }

        // The code may die now and take its zombie frame (perhaps this one) with it.
        Heap.DecRef((PyObject*)code);
    }

    private static void ClearSlots(PyObject* self)
    {
        var f = (PyFrameObject*)self;
        var slots = Slots(self);
        for (var i = 0; i < f->SlotCount; i++)
        {
            Heap.ClearRef(ref slots[i]);
        }

        Heap.ClearRef(ref f->Locals);
        Heap.ClearRef(ref f->SavedException);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// A frame a 3.12 generator owns holds its references through the generator
    /// (<see cref="TraverseHeld"/>): as a frame object, it refers only to its caller.
    /// </remarks>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var back = ((PyFrameObject*)self)->Back;
        if (IsOwnedByGenerator(self))
        {
            return back == null ? 0 : visit(back, arg);
        }

        return TraverseHeld(self, visit, arg);
    }

    /// <summary>Visits every reference <paramref name="self"/> holds: its header's, then its locals, cells, free variables and (unless running) its stack.</summary>
    public static int TraverseHeld(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var f = (PyFrameObject*)self;
        var fixedSlots = stackalloc PyObject*[] { f->Back, f->Code, f->Globals, f->Builtins, f->Locals, f->SavedException };
        for (var i = 0; i < 6; i++)
        {
            if (fixedSlots[i] != null)
            {
                var r = visit(fixedSlots[i], arg);
                if (r != 0)
                {
                    return r;
                }
            }
        }

        // As frame_traverse: a running frame's value stack belongs to the evaluation in
        // progress (2.7's f_stacktop is NULL then), so only its locals, cells and free
        // variables are its references; a suspended generator's stack is the frame's own.
        var count = f->SlotCount;
        if ((f->State & (int)FrameState.Executing) != 0 && f->Code != null)
        {
            var code = (PyCodeObject*)f->Code;
            count = Math.Min(count, code->LocalCount + code->CellCount + code->FreeCount);
        }

        var slots = Slots(self);
        for (var i = 0; i < count; i++)
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
    /// <remarks>As frame_tp_clear: the locals and the stack go, a running frame's too never (it is not garbage).</remarks>
    public override void Clear(PyObject* self)
    {
        var f = (PyFrameObject*)self;
        if ((f->State & (int)FrameState.Executing) != 0)
        {
            return;
        }

        f->State |= (int)FrameState.Completed;
        ClearSlots(self);
    }

    /// <summary>The line the frame is at: a generator's frame that has not started is at its <c>def</c> line (co_firstlineno), as in 2.7 and 3.12.</summary>
    public static int LineNumber(PyObject* frame)
    {
        var f = (PyFrameObject*)frame;
        var code = (PyCodeObject*)f->Code;
        return f->State == (int)FrameState.Created && (code->Flags & (int)CodeFlags.Generator) != 0
            ? code->FirstLine
            : CodeType.LineOf(f->Code, f->Pc);
    }

    /// <summary>
    /// <c>f_locals</c> and <c>locals()</c>: the frame's locals dict, for a function frame
    /// filled from its fast locals and cells and kept in the frame (PyFrame_FastToLocals), as
    /// CPython 2.7 and 3.12 do. In 3.12 (<see cref="FrameModel.LocalsIncludeHidden"/>) the
    /// fast locals of module and class code are the hidden variables of an inlined
    /// comprehension: they are gathered in a dict made for each read, and while any is bound
    /// the answer is a new dict of the namespace and them, the namespace untouched. New
    /// reference, or null with the error set.
    /// </summary>
    public PyRef Locals(PyObject* frame)
    {
        if (!Model.LocalsIncludeHidden)
        {
            var locals = FastToLocals(frame, null);
            return locals == null ? PyRef.Null : new PyRef(locals).NewRef();
        }

        var hidden = Heap.NewDict();
        if (hidden.IsNull)
        {
            return hidden;
        }

        try
        {
            var locals = FastToLocals(frame, hidden.Ptr);
            if (locals == null)
            {
                return PyRef.Null;
            }

            if (Heap.Types.Dict.Count(hidden.Ptr) == 0)
            {
                return new PyRef(locals).NewRef();
            }

            var inner = Heap.NewDict();
            if (inner.IsNull || Heap.Types.Dict.Merge(inner.Ptr, locals) < 0 || Heap.Types.Dict.Merge(inner.Ptr, hidden.Ptr) < 0)
            {
                inner.XDecRef();
                return PyRef.Null;
            }

            return inner;
        }
        finally
        {
            hidden.DecRef();
        }
    }

    // PyFrame_FastToLocals: the frame's locals dict (borrowed; made for a function frame on
    // first use) brought up to date with its fast locals and cells; the slots of module and
    // class code go to hidden (3.12) or nowhere (2.7: it has none). Null with the error set.
    private PyObject* FastToLocals(PyObject* frame, PyObject* hidden)
    {
        var f = (PyFrameObject*)frame;
        var code = (PyCodeObject*)f->Code;
        var optimized = (code->Flags & (int)CodeFlags.Optimized) != 0;
        if (!optimized && (f->Locals == null || hidden == null))
        {
            return f->Locals;
        }

        if (f->Locals == null)
        {
            var d = Heap.NewDict();
            if (d.IsNull)
            {
                return null;
            }

            f->Locals = d.Ptr;
        }

        var slots = Slots(frame);

        // An unoptimized block's free variables belong to the enclosing function, not to its namespace.
        var n = code->LocalCount + code->CellCount + (optimized ? code->FreeCount : 0);
        for (var i = 0; i < n && i < f->SlotCount; i++)
        {
            var name = TupleType.Item(code->VarNames, i);
            var value = slots[i];
            if (value != null && i >= code->LocalCount)
            {
                value = CellType.Get(value);
            }

            var status = !optimized
                ? value != null ? Heap.Types.Dict.SetItem(hidden, name, value) : 0
                : value != null
                    ? Heap.Types.Dict.SetItem(f->Locals, name, value)
                    : Heap.Types.Dict.Contains(f->Locals, name) == 1 ? Heap.Types.Dict.DelItem(f->Locals, name) : 0;
            if (status < 0)
            {
                return null;
            }
        }

        return f->Locals;
    }

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        var f = (PyFrameObject*)self;
        switch (StrType.AsSpan(name))
        {
            case "f_back":
                if (f->Back == null)
                {
                    return Heap.None;
                }

                Materialize(f->Back);
                return new PyRef(f->Back).NewRef();
            case "f_code":
                return new PyRef(f->Code).NewRef();
            case "f_globals":
                return new PyRef(f->Globals).NewRef();
            case "f_builtins":
                return new PyRef(f->Builtins).NewRef();
            case "f_lineno":
                return Heap.NewInt(LineNumber(self));
            case "f_lasti":
                return Heap.NewInt(f->Pc * 2);
            case "f_locals":
                return Locals(self);
        }

        return base.GetAttr(self, name);
    }

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        var f = (PyFrameObject*)self;
        var code = (PyCodeObject*)f->Code;
        var file = StrType.AsString(code->FileName);
        var name = StrType.AsString(code->Name);
        return Heap.NewString(Heap.Profile.IntPromotesToLong
            ? $"<frame object at 0x{(nint)self:x}>"
            : $"<frame at 0x{(nint)self:x}, file '{file}', line {LineNumber(self)}, code {name}>");
    }
}
