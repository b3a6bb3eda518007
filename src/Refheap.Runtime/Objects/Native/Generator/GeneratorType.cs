using System.Runtime.InteropServices;
using Refheap.Objects.Native.Function;
using Refheap.Objects.Native.Frame;
using Refheap.Objects.Native.Methods;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;

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

    /// <summary>
    /// 2.7: whether a suspended generator's frame is inside a try/except/finally/with block
    /// (PyGen_NeedsFinalizing), given the frame; installed by the front end. Such a generator
    /// in a garbage cycle is uncollectable (it goes to gc.garbage), as in CPython 2.7.
    /// </summary>
    public Func<PyRef, bool>? FrameNeedsFinalizing { get; set; }

    /// <inheritdoc/>
    public override bool IsGc => true;

    /// <inheritdoc/>
    /// <remarks>A generator has a finalizer (closing it), which the collector runs: 3.x as PEP 442's tp_finalize, 2.7 as tp_del.</remarks>
    internal override void Initialize() => TypeObject->Flags |= TypeFlags.HasFinalizer;

    /// <summary>Whether the collector must treat this generator as having a finalizer (2.7: only when suspended inside a block that has a handler).</summary>
    public bool NeedsFinalizing(PyObject* self)
    {
        if (!IsSuspended(self))
        {
            return false;
        }

        return FrameNeedsFinalizing == null || FrameNeedsFinalizing(new PyRef(((PyGeneratorObject*)self)->Frame));
    }

    /// <inheritdoc/>
    public override bool HasLegacyFinalizer(PyObject* self) => NeedsFinalizing(self);

    /// <summary>The finalizer the collector calls: closes a suspended generator; an error is reported as unraisable.</summary>
    public void Finalize(PyObject* self)
    {
        if (!IsSuspended(self) || Resumer == null)
        {
            return;
        }

        var saved = Heap.FetchError();
        if (Close(self) < 0)
        {
            Heap.WriteUnraisable(self, "generator");
        }

        Heap.RestoreError(saved);
    }

    // Computed once: Marshal.OffsetOf is reflection, far too slow for every dealloc that asks.
    private static readonly int s_weakListOffset = (int)Marshal.OffsetOf<PyGeneratorObject>(nameof(PyGeneratorObject.WeakList));

    /// <inheritdoc/>
    public override int WeakListOffset => s_weakListOffset;

    /// <summary>
    /// A new generator over <paramref name="frame"/> (borrowed, as the other arguments), made by
    /// calling <paramref name="function"/>, which a 3.12 generator keeps with its frame.
    /// </summary>
    public PyRef New(PyObject* frame, PyObject* code, PyObject* name, PyObject* qualName, PyObject* function)
    {
        var o = Heap.AllocObject(this, (nuint)sizeof(PyGeneratorObject));
        if (o == null)
        {
            return PyRef.Null;
        }

        var g = (PyGeneratorObject*)o;
        Heap.IncRef(frame);
        g->Frame = frame;

        // The generator's frame outlives its runs: the collector must see what it holds (2.7:
        // as a tracked object; 3.12: through the generator, which embeds it, so Track leaves it).
        Heap.Types.Frame.Track(frame);
        Heap.IncRef(code);
        g->Code = code;
        Heap.IncRef(name);
        g->Name = name;
        Heap.IncRef(qualName);
        g->QualName = qualName;
        if (Heap.Types.Frame.Model.GeneratorEmbedsFrame)
        {
            // 3.12's frame holds its function (f_funcobj): a generator expression's function
            // lives as long as the generator's frame.
            Heap.IncRef(function);
            g->Function = function;
        }

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
    /// <remarks>
    /// CPython's figures: 2.7's generator is 48 bytes (its frame is an object of its own); 3.12's
    /// holds its frame, so it is 144 bytes plus a word per slot of the frame its code needs — the
    /// variables (<see cref="Code.CodeType.LocalsPlusCount"/>) and the value stack
    /// (<c>co_stacksize</c>, Refheap's compiler's depth, which may differ from CPython's).
    /// </remarks>
    public override nuint SizeOf(PyObject* self)
    {
        if (Heap.Profile.Wording == ErrorWording.Cpython27)
        {
            return 48u;
        }

        // 3.12's compiler gives a generator's code a stack of at least 2: its implicit handler
        // (StopIteration to RuntimeError) holds the exception and lasti.
        var code = ((PyGeneratorObject*)self)->Code;
        var stack = Math.Max(((Code.PyCodeObject*)code)->StackSize, 2);
        return 144u + (8u * (nuint)(Code.CodeType.LocalsPlusCount(code) + stack));
    }

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
        ReleaseFrame(self);
        Heap.ClearRef(ref g->Code);
        Heap.ClearRef(ref g->Name);
        Heap.ClearRef(ref g->QualName);
        Heap.FreeObject(self, this, (nuint)sizeof(PyGeneratorObject));
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
        if (((PyGeneratorObject*)self)->Running != 0)
        {
            // gen_send_ex's check: a generator closing itself from its own frame.
            Heap.RaiseValueError("generator already executing");
            return -1;
        }

        if (!IsSuspended(self))
        {
            var frame = ((PyGeneratorObject*)self)->Frame;
            if (frame != null && FrameType.Fields(frame)->State == (int)FrameState.Created && Heap.Types.Frame.Model.CloseKeepsUnstartedFrame)
            {
                FrameType.Fields(frame)->State = (int)FrameState.Completed;
                return 0;
            }

            ReleaseFrame(self);
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

    /// <summary>
    /// Drops the generator's reference to its frame (finished, closed, cleared or dying). In
    /// 3.12 a frame still referenced elsewhere (a frame object from <c>gi_frame</c>, a traceback)
    /// stops being part of the generator: it becomes an object of its own, tracked.
    /// </summary>
    public static void ReleaseFrame(PyObject* self)
    {
        var g = (PyGeneratorObject*)self;
        var frame = g->Frame;
        if (frame == null)
        {
            return;
        }

        g->Frame = null;
        Heap.ClearRef(ref g->Function);
        var frames = (FrameType)frame->Type->Descriptor;
        if (frame->RefCount > 1 && frames.IsOwnedByGenerator(frame))
        {
            frames.TakeOwnership(frame);
        }

        Heap.DecRef(frame);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// 3.12 (gen_traverse): the name, the qualified name, the frame object if one was made, the
    /// function, then everything the embedded frame holds, and the code the generator keeps itself.
    /// 2.7: the frame (a tracked object), the code and the names.
    /// </remarks>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var g = (PyGeneratorObject*)self;
        if (g->Frame != null && Heap.Types.Frame.IsOwnedByGenerator(g->Frame))
        {
            return TraverseEmbedded(g, visit, arg);
        }

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

    private static int TraverseEmbedded(PyGeneratorObject* g, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var r = visit(g->Name, arg);
        if (r == 0)
        {
            r = visit(g->QualName, arg);
        }

        if (r == 0 && FrameType.Fields(g->Frame)->Counted != 0)
        {
            r = visit(g->Frame, arg);
        }

        if (r == 0 && g->Function != null)
        {
            r = visit(g->Function, arg);
        }

        if (r == 0)
        {
            r = FrameType.TraverseHeld(g->Frame, visit, arg);
        }

        return r != 0 ? r : visit(g->Code, arg);
    }

    /// <inheritdoc/>
    public override void Clear(PyObject* self) => ReleaseFrame(self);

    /// <summary>The next value (new reference), or null: no error set when exhausted.</summary>
    public PyRef Next(PyObject* self) => Resumer == null
        ? Heap.Raise(Heap.Types.Exceptions.SystemError, "no evaluator is installed to run generators")
        : Resumer(new PyRef(self), PyRef.Null, false);

    /// <summary>Puts next/__next__, send, throw and close into the type dict (at heap start); false with MemoryError set.</summary>
    /// <remarks>As CPython calls them: <c>send</c> is METH_O, 3.12's <c>throw</c> METH_FASTCALL (2.7's METH_VARARGS), <c>next</c> a slot wrapper.</remarks>
    public bool InstallMethods() => TypeDictMethods.Install(this,
    [
        (Heap.Profile.IntPromotesToLong ? "next" : "__next__", (heap, self, args, kwargs) => Finish(Next(self)), NativeCallKind.SlotWrapper),
        ("send", (heap, self, args, kwargs) => TupleType.Size(args) != 1
            ? Heap.RaiseTypeError($"send() takes exactly one argument ({TupleType.Size(args)} given)")
            : Finish(Resume(self, TupleType.Item(args, 0), false)), NativeCallKind.Vector),
        ("throw", (heap, self, args, kwargs) => Throw(self, args), Heap.Profile.IntPromotesToLong ? NativeCallKind.Tuple : NativeCallKind.Vector),
        ("close", (heap, self, args, kwargs) => Close(self) < 0 ? PyRef.Null : Heap.None, NativeCallKind.Vector),
    ]);

    private PyRef Resume(PyObject* self, PyObject* value, bool isThrow) => Resumer == null
        ? Heap.Raise(Heap.Types.Exceptions.SystemError, "no evaluator is installed to run generators")
        : Resumer(new PyRef(self), new PyRef(value), isThrow);

    /// <summary>A finished generator's step raises StopIteration.</summary>
    private PyRef Finish(PyRef result) =>
        result.IsNull && !Heap.ErrorOccurred ? Heap.RestoreError(Heap.Types.Exceptions.StopIteration.Instantiate(new PyRef(Heap.Types.Tuple.Empty))) : result;

    /// <summary><c>gen.throw(type[, value])</c> or <c>gen.throw(instance)</c>.</summary>
    private PyRef Throw(PyObject* self, PyObject* args)
    {
        var n = TupleType.Size(args);
        if (n < 1 || n > 3)
        {
            return Heap.RaiseTypeError($"throw expected at least 1 argument, got {n}");
        }

        var type = TupleType.Item(args, 0);
        PyRef exception;
        if (Heap.IsInstance(type, Heap.Types.Exceptions.BaseException))
        {
            exception = new PyRef(type).NewRef();
        }
        else if (type->Type->Descriptor is Type.TypeType && Heap.IsSubtype((PyTypeObject*)type, Heap.Types.Exceptions.BaseException.TypeObject))
        {
            var value = n > 1 ? TupleType.Item(args, 1) : null;
            var callArgs = value == null || value == Heap.NoneObject ? Heap.NewTuple() : Heap.NewTuple(new PyRef(value));
            if (callArgs.IsNull)
            {
                return callArgs;
            }

            exception = Heap.Call(type, callArgs.Ptr, null);
            callArgs.DecRef();
            if (exception.IsNull)
            {
                return exception;
            }
        }
        else
        {
            return Heap.RaiseTypeError(Heap.Profile.IntPromotesToLong
                ? $"exceptions must be classes, or instances, not {type->Type->Descriptor.Name}"
                : "exceptions must be classes or instances deriving from BaseException, not " + type->Type->Descriptor.Name);
        }

        var r = Resume(self, exception.Ptr, true);
        exception.DecRef();
        return Finish(r);
    }

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
                // 3.12 shows no frame once the generator finished, even one it still holds
                // (closed before it started).
                if (g->Frame == null || (FrameType.Fields(g->Frame)->State & (int)FrameState.Completed) != 0)
                {
                    return Heap.None;
                }

                Heap.Types.Frame.Materialize(g->Frame);
                return new PyRef(g->Frame).NewRef();
            case "gi_code":
                return new PyRef(g->Code).NewRef();
            case "gi_running":
                // 2.7's member is a T_BYTE (an int); 3.x's a getter returning a bool.
                return Heap.Profile.IntPromotesToLong ? Heap.NewInt(g->Running != 0 ? 1 : 0) : Heap.NewBool(g->Running != 0);
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
