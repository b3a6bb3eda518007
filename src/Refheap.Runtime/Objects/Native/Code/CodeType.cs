using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Code;

/// <summary>
/// <c>code</c>: compiled instructions with their constants and names. Tracked only through
/// its constants (as CPython, code objects are not GC containers: constants cannot refer back).
/// </summary>
/// <remarks>
/// The front end's compiled form (instruction arrays, handler tables) is a managed object
/// the runtime does not interpret: it lives in a table indexed by the code object's slot, as
/// native functions' delegates do, and is dropped when the code object dies.
/// </remarks>
internal sealed unsafe class CodeType : TypeDescriptor
{
    private readonly List<object?> _payloads = [];
    private readonly Stack<int> _freeSlots = new();

    /// <summary>Creates the descriptor.</summary>
    public CodeType(Heap heap)
        : base(heap, "code")
    {
    }

    // Computed once: Marshal.OffsetOf is reflection, far too slow for every dealloc that asks.
    private static readonly int s_weakListOffset = (int)System.Runtime.InteropServices.Marshal.OffsetOf<PyCodeObject>(nameof(PyCodeObject.WeakList));

    /// <inheritdoc/>
    public override int WeakListOffset => s_weakListOffset;

    /// <summary>Live code objects (their payloads held).</summary>
    public int LiveCount => _payloads.Count - _freeSlots.Count;

    /// <summary>
    /// A new code object. <paramref name="consts"/>, <paramref name="names"/> and
    /// <paramref name="varNames"/> are tuples (borrowed); <paramref name="lines"/> has one
    /// entry per instruction; <paramref name="stackSize"/> is the value stack's greatest depth.
    /// </summary>
    public PyRef New(object payload, string name, string fileName, int firstLine, PyObject* consts, PyObject* names, PyObject* varNames,
        ReadOnlySpan<int> lines, int localCount, int cellCount, int freeCount, int flags, int stackSize = 0)
    {
        var nameObj = Heap.InternString(name);
        var fileObj = Heap.NewString(fileName);
        if (nameObj.IsNull || fileObj.IsNull)
        {
            fileObj.XDecRef();
            return PyRef.Null;
        }

        var lineBuffer = lines.Length == 0 ? null : (int*)Heap.AllocBuffer((nuint)(lines.Length * sizeof(int)));
        if (lines.Length != 0 && lineBuffer == null)
        {
            fileObj.DecRef();
            return PyRef.Null;
        }

        var o = Heap.AllocObject(this, (nuint)sizeof(PyCodeObject));
        if (o == null)
        {
            fileObj.DecRef();
            if (lineBuffer != null)
            {
                Heap.FreeBuffer(lineBuffer, (nuint)(lines.Length * sizeof(int)));
            }

            return PyRef.Null;
        }

        var c = (PyCodeObject*)o;
        int slot;
        if (_freeSlots.Count > 0)
        {
            slot = _freeSlots.Pop();
            _payloads[slot] = payload;
        }
        else
        {
            slot = _payloads.Count;
            _payloads.Add(payload);
        }

        c->Slot = slot;
        Heap.IncRef(consts);
        c->Consts = consts;
        Heap.IncRef(names);
        c->Names = names;
        Heap.IncRef(varNames);
        c->VarNames = varNames;
        c->Name = nameObj.NewRef().Ptr;
        c->FileName = fileObj.Ptr;
        lines.CopyTo(new Span<int>(lineBuffer, lines.Length));
        c->Lines = lineBuffer;
        c->InstructionCount = lines.Length;
        c->FirstLine = firstLine;
        c->LocalCount = localCount;
        c->CellCount = cellCount;
        c->FreeCount = freeCount;
        c->Flags = flags;
        c->StackSize = stackSize;
        return new PyRef(o);
    }

    /// <summary>The front end's payload of a code object.</summary>
    public object Payload(PyObject* code) => _payloads[(int)((PyCodeObject*)code)->Slot]!;

    /// <summary>The source line of instruction <paramref name="pc"/> (the first line when out of range).</summary>
    public static int LineOf(PyObject* code, int pc)
    {
        var c = (PyCodeObject*)code;
        return (uint)pc < (uint)c->InstructionCount ? c->Lines[pc] : c->FirstLine;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// CPython's figures: 2.7's code object is 128 bytes whatever it holds; 3.12's is 192 bytes
    /// plus its bytecode, 2 bytes a code unit, rounded up to 8 — counted here over Refheap's
    /// instructions, which are not CPython's (no inline caches, other opcodes), so the figure is
    /// CPython's formula, not its number.
    /// </remarks>
    public override nuint SizeOf(PyObject* self) => Heap.Profile.Wording == ErrorWording.Cpython27
        ? 128u
        : 192u + (((2u * (nuint)((PyCodeObject*)self)->InstructionCount) + 7u) & ~7u);

    /// <summary>
    /// The frame slots a code needs for its variables, 3.11's co_nlocalsplus: locals, then cells
    /// that are not also parameters or locals (one slot serves both), then free variables.
    /// </summary>
    public static int LocalsPlusCount(PyObject* code)
    {
        var c = (PyCodeObject*)code;
        var count = c->LocalCount + c->FreeCount;
        for (var i = 0; i < c->CellCount; i++)
        {
            var cell = TupleType.Item(c->VarNames, c->LocalCount + i);
            var shared = false;
            for (var j = 0; j < c->LocalCount && !shared; j++)
            {
                shared = StrType.AsSpan(TupleType.Item(c->VarNames, j)).SequenceEqual(StrType.AsSpan(cell));
            }

            count += shared ? 0 : 1;
        }

        return count;
    }

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        var c = (PyCodeObject*)self;
        Heap.ClearWeakReferences(self);
        _payloads[(int)c->Slot] = null;
        _freeSlots.Push((int)c->Slot);
        if (c->Lines != null)
        {
            Heap.FreeBuffer(c->Lines, (nuint)(c->InstructionCount * sizeof(int)));
            c->Lines = null;
        }

        Heap.ClearRef(ref c->Consts);
        Heap.ClearRef(ref c->Names);
        Heap.ClearRef(ref c->VarNames);
        Heap.ClearRef(ref c->Name);
        Heap.ClearRef(ref c->FileName);
        if (c->ZombieFrame != null)
        {
            var zombie = c->ZombieFrame;
            c->ZombieFrame = null;
            Heap.Types.Frame.Release(zombie);
        }

        Heap.FreeObject(self, this, (nuint)sizeof(PyCodeObject));
    }

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        var c = (PyCodeObject*)self;
        var text = StrType.AsSpan(name);
        PyObject* field = text switch
        {
            "co_name" => c->Name,
            "co_filename" => c->FileName,
            "co_consts" => c->Consts,
            "co_names" => c->Names,
            _ => null,
        };
        if (field != null)
        {
            return new PyRef(field).NewRef();
        }

        return text switch
        {
            "co_firstlineno" => Heap.NewInt(c->FirstLine),
            "co_flags" => Heap.NewInt(c->Flags),
            "co_nlocals" => Heap.NewInt(c->LocalCount),
            "co_stacksize" => Heap.NewInt(c->StackSize),
            "co_varnames" => Slice(c->VarNames, 0, c->LocalCount),
            "co_cellvars" => Slice(c->VarNames, c->LocalCount, c->CellCount),
            "co_freevars" => Slice(c->VarNames, c->LocalCount + c->CellCount, c->FreeCount),
            _ => SignatureAttribute(self, text) ?? base.GetAttr(self, name),
        };
    }

    /// <summary>The attributes the payload's <see cref="ICodeSignature"/> answers, as the profile has them; null for any other name.</summary>
    private PyRef? SignatureAttribute(PyObject* self, ReadOnlySpan<char> text)
    {
        if (Payload(self) is not ICodeSignature signature)
        {
            return null;
        }

        var py3 = !Heap.Profile.IntPromotesToLong;
        return text switch
        {
            "co_argcount" => Heap.NewInt(signature.ArgCount),
            "co_posonlyargcount" when py3 => Heap.NewInt(signature.PositionalOnlyCount),
            "co_kwonlyargcount" when py3 => Heap.NewInt(signature.KeywordOnlyCount),
            "co_qualname" when py3 => Heap.NewString(signature.QualifiedName),
            _ => null,
        };
    }

    private PyRef Slice(PyObject* names, int start, int count)
    {
        var items = new PyRef[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = new PyRef(TupleType.Item(names, start + i));
        }

        return Heap.NewTuple(items);
    }

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        var c = (PyCodeObject*)self;
        var file = StrType.AsString(c->FileName);
        return Heap.NewString($"<code object {StrType.AsString(c->Name)} at 0x{(nint)self:x}, file \"{file}\", line {c->FirstLine}>");
    }
}
