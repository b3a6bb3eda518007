using System.Runtime.CompilerServices;
using Refheap.Objects.Native.Cell;
using Refheap.Objects.Native.Code;
using Refheap.Objects.Native.Exceptions;
using Refheap.Objects.Native.Frame;
using Refheap.Objects.Native.Function;
using Refheap.Objects.Native.Generator;
using Refheap.Objects.Native.Method;
using Refheap.Objects.Native.Module;
using Refheap.Objects.Native.Traceback;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects;

/// <summary>
/// The evaluator's view of its own heap objects (code, functions, frames, cells, tracebacks,
/// modules, generators) with safe signatures. Conventions as the rest of the facade:
/// "new reference" results are owned by the caller; "borrowed" ones live as long as their owner.
/// </summary>
internal sealed unsafe partial class ObjectApi
{
    /// <summary>Installs what runs Python functions and generators (the front end's evaluator).</summary>
    public void InstallEvaluator(PythonFunctionInvoker? invoker, GeneratorResumer? resumer, Func<PyRef, bool>? frameNeedsFinalizing)
    {
        Heap.Types.PythonFunction.Invoker = invoker;
        Heap.Types.Generator.Resumer = resumer;
        Heap.Types.Generator.FrameNeedsFinalizing = frameNeedsFinalizing;
    }

    // ---- code -------------------------------------------------------------------------

    /// <summary>A new code object (see <see cref="CodeType.New"/>); the tuples are borrowed.</summary>
    public PyRef NewCode(object payload, string name, string fileName, int firstLine, PyRef consts, PyRef names, PyRef varNames,
        ReadOnlySpan<int> lines, int localCount, int cellCount, int freeCount, int flags, int stackSize = 0) =>
        Heap.Types.Code.New(payload, name, fileName, firstLine, consts.Ptr, names.Ptr, varNames.Ptr, lines, localCount, cellCount, freeCount, flags, stackSize);

    /// <summary>The front end's payload of a code object.</summary>
    public object CodePayload(PyRef code) => Heap.Types.Code.Payload(code.Ptr);

    /// <summary>The source line of instruction <paramref name="pc"/> of a code object.</summary>
    public static int CodeLine(PyRef code, int pc) => CodeType.LineOf(code.Ptr, pc);

    /// <summary>A code object's file name (text).</summary>
    public static string CodeFileName(PyRef code) => Native.Str.StrType.AsString(((PyCodeObject*)code.Ptr)->FileName);

    /// <summary>A code object's name (text).</summary>
    public static string CodeName(PyRef code) => Native.Str.StrType.AsString(((PyCodeObject*)code.Ptr)->Name);

    // ---- functions and methods --------------------------------------------------------

    /// <summary>A new Python function (new reference); arguments borrowed.</summary>
    public PyRef NewPythonFunction(PyRef code, PyRef globals, PyRef name, PyRef qualName) =>
        Heap.Types.PythonFunction.New(code.Ptr, globals.Ptr, name.Ptr, qualName.Ptr);

    /// <summary>Whether <paramref name="o"/> is exactly a Python function.</summary>
    public bool IsPythonFunction(PyRef o) => o.Ptr->Type == Heap.Types.PythonFunction.TypeObject;

    /// <summary>Whether <paramref name="o"/> is exactly a bound method.</summary>
    public bool IsBoundMethod(PyRef o) => o.Ptr->Type == Heap.Types.Method.TypeObject;

    /// <summary>A bound method's function, borrowed.</summary>
    public static PyRef MethodFunction(PyRef method) => new(MethodType.FunctionOf(method.Ptr));

    /// <summary>A bound method's instance, borrowed.</summary>
    public static PyRef MethodSelf(PyRef method) => new(MethodType.SelfOf(method.Ptr));

    /// <summary>A new bound method (new reference).</summary>
    public PyRef NewBoundMethod(PyRef function, PyRef self) => Heap.Types.Method.New(function.Ptr, self.Ptr);

    /// <summary>A function's code, borrowed.</summary>
    public static PyRef FunctionCode(PyRef f) => new(PythonFunctionType.Fields(f.Ptr)->Code);

    /// <summary>A function's globals, borrowed.</summary>
    public static PyRef FunctionGlobals(PyRef f) => new(PythonFunctionType.Fields(f.Ptr)->Globals);

    /// <summary>A function's defaults tuple, borrowed (null when none).</summary>
    public static PyRef FunctionDefaults(PyRef f) => new(PythonFunctionType.Fields(f.Ptr)->Defaults);

    /// <summary>A function's keyword-only defaults dict, borrowed (null when none).</summary>
    public static PyRef FunctionKeywordDefaults(PyRef f) => new(PythonFunctionType.Fields(f.Ptr)->KwDefaults);

    /// <summary>A function's closure tuple, borrowed (null when none).</summary>
    public static PyRef FunctionClosure(PyRef f) => new(PythonFunctionType.Fields(f.Ptr)->Closure);

    /// <summary>A function's name, borrowed.</summary>
    public static PyRef FunctionName(PyRef f) => new(PythonFunctionType.Fields(f.Ptr)->Name);

    /// <summary>A function's qualified name, borrowed.</summary>
    public static PyRef FunctionQualifiedName(PyRef f) => new(PythonFunctionType.Fields(f.Ptr)->QualName);

    /// <summary>Sets a function's defaults, keyword defaults and closure (each stolen; null leaves the slot empty).</summary>
    public static void SetFunctionParts(PyRef f, PyRef defaults, PyRef kwDefaults, PyRef closure)
    {
        var fields = PythonFunctionType.Fields(f.Ptr);
        Heap.SetRef(ref fields->Defaults, defaults.Ptr);
        Heap.SetRef(ref fields->KwDefaults, kwDefaults.Ptr);
        Heap.SetRef(ref fields->Closure, closure.Ptr);
    }

    /// <summary>Sets a new function's <c>__doc__</c> (borrowed; the slot was empty).</summary>
    public static void SetFunctionDoc(PyRef f, PyRef doc)
    {
        Heap.IncRef(doc.Ptr);
        PythonFunctionType.Fields(f.Ptr)->Doc = doc.Ptr;
    }

    // ---- cells --------------------------------------------------------------------------

    /// <summary>A new cell holding <paramref name="contents"/> (borrowed, may be null).</summary>
    public PyRef NewCell(PyRef contents) => Heap.Types.Cell.New(contents.Ptr);

    /// <summary>A cell's contents, borrowed (null when empty).</summary>
    public static PyRef CellGet(PyRef cell) => new(CellType.Get(cell.Ptr));

    /// <summary>Stores into a cell (value borrowed; null empties it).</summary>
    public static void CellSet(PyRef cell, PyRef value) => CellType.Set(cell.Ptr, value.Ptr);

    // ---- frames -------------------------------------------------------------------------

    /// <summary>A new frame (new reference); arguments borrowed, <paramref name="locals"/> and <paramref name="back"/> may be null.</summary>
    public PyRef NewFrame(PyRef code, PyRef globals, PyRef builtins, PyRef locals, PyRef back, int slotCount) =>
        Heap.Types.Frame.New(code.Ptr, globals.Ptr, builtins.Ptr, locals.Ptr, back.Ptr, slotCount);

    /// <summary>
    /// Makes <paramref name="frame"/> (borrowed) visible as an object, as a traceback entry or
    /// <c>f_back</c> does: 3.12 counts and tracks it from then on (2.7's frames always are).
    /// </summary>
    public void MaterializeFrame(PyRef frame) => Heap.Types.Frame.Materialize(frame.Ptr);

    /// <summary>
    /// A frame's slots (fast locals, cells, free variables, then the stack). Each element is an
    /// owned reference or null: storing into the span transfers ownership to the frame.
    /// </summary>
    public static Span<PyRef> FrameSlots(PyRef frame) =>
        new(FrameType.Slots(frame.Ptr), FrameType.Fields(frame.Ptr)->SlotCount);

    /// <summary>A frame's code, borrowed.</summary>
    public static PyRef FrameCode(PyRef frame) => new(FrameType.Fields(frame.Ptr)->Code);

    /// <summary>A frame's globals, borrowed.</summary>
    public static PyRef FrameGlobals(PyRef frame) => new(FrameType.Fields(frame.Ptr)->Globals);

    /// <summary>A frame's builtins, borrowed.</summary>
    public static PyRef FrameBuiltins(PyRef frame) => new(FrameType.Fields(frame.Ptr)->Builtins);

    /// <summary>A frame's locals dict, borrowed (null for a function frame until f_locals is read).</summary>
    public static PyRef FrameLocals(PyRef frame) => new(FrameType.Fields(frame.Ptr)->Locals);

    /// <summary>A frame's caller, borrowed (null at the bottom).</summary>
    public static PyRef FrameBack(PyRef frame) => new(FrameType.Fields(frame.Ptr)->Back);

    /// <summary>Sets a frame's caller (borrowed; null detaches it).</summary>
    public static void SetFrameBack(PyRef frame, PyRef back)
    {
        Heap.XIncRef(back.Ptr);
        Heap.SetRef(ref FrameType.Fields(frame.Ptr)->Back, back.Ptr);
    }

    /// <summary>The pc, stack height and state of a frame.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref int FramePc(PyRef frame) => ref FrameType.Fields(frame.Ptr)->Pc;

    /// <summary>The stack height saved while a frame is suspended.</summary>
    public static ref int FrameStackTop(PyRef frame) => ref FrameType.Fields(frame.Ptr)->StackTop;

    /// <summary>The frame's <see cref="FrameState"/> bits.</summary>
    public static ref int FrameState(PyRef frame) => ref FrameType.Fields(frame.Ptr)->State;

    /// <summary>2.7's saved exception state of a frame (owned slot; swap through <see cref="SwapFrameSavedException"/>).</summary>
    public static PyRef FrameSavedException(PyRef frame) => new(FrameType.Fields(frame.Ptr)->SavedException);

    /// <summary>Replaces the frame's saved exception state (steals <paramref name="value"/>) and returns the old one (owned).</summary>
    public static PyRef SwapFrameSavedException(PyRef frame, PyRef value)
    {
        var f = FrameType.Fields(frame.Ptr);
        var old = f->SavedException;
        f->SavedException = value.Ptr;
        return new PyRef(old);
    }

    /// <summary><c>f_locals</c> and <c>locals()</c> of a frame (see <see cref="Native.Frame.FrameType.Locals"/>): a new reference, or null with the error set.</summary>
    public PyRef LocalsOfFrame(PyRef frame) => Heap.Types.Frame.Locals(frame.Ptr);

    // ---- tracebacks and exceptions ------------------------------------------------------------

    /// <summary>A new traceback entry (new reference) in front of <paramref name="next"/> (may be null).</summary>
    public PyRef NewTraceback(PyRef next, PyRef frame, int lasti, int line) => Heap.Types.Traceback.New(next.Ptr, frame.Ptr, lasti, line);

    /// <summary>Whether <paramref name="o"/> is a traceback.</summary>
    public bool IsTraceback(PyRef o) => o.Ptr->Type == Heap.Types.Traceback.TypeObject;

    /// <summary>A traceback entry's next entry, frame and line (borrowed).</summary>
    public static (PyRef Next, PyRef Frame, int Line) TracebackEntry(PyRef tb)
    {
        var t = TracebackType.Fields(tb.Ptr);
        return (new PyRef(t->Next), new PyRef(t->Frame), t->Line);
    }

    /// <summary>Whether <paramref name="o"/> is an exception instance.</summary>
    public bool IsExceptionInstance(PyRef o) => Heap.IsInstance(o.Ptr, Heap.Types.Exceptions.BaseException);

    /// <summary>Whether <paramref name="o"/> is an exception class.</summary>
    public bool IsExceptionClass(PyRef o) =>
        o.Ptr->Type->Descriptor is Native.Type.TypeType && Heap.IsSubtype((PyTypeObject*)o.Ptr, Heap.Types.Exceptions.BaseException.TypeObject);

    /// <summary>An exception's traceback, borrowed (null when none).</summary>
    public static PyRef ExceptionTraceback(PyRef e) => new(((PyBaseExceptionObject*)e.Ptr)->Traceback);

    /// <summary>Sets an exception's traceback (borrowed; null clears it).</summary>
    public static void SetExceptionTraceback(PyRef e, PyRef tb)
    {
        Heap.XIncRef(tb.Ptr);
        Heap.SetRef(ref ((PyBaseExceptionObject*)e.Ptr)->Traceback, tb.Ptr);
    }

    /// <summary>An exception's <c>__context__</c>, borrowed.</summary>
    public static PyRef ExceptionContext(PyRef e) => new(((PyBaseExceptionObject*)e.Ptr)->Context);

    /// <summary>Sets an exception's <c>__context__</c> (borrowed).</summary>
    public static void SetExceptionContext(PyRef e, PyRef context)
    {
        Heap.XIncRef(context.Ptr);
        Heap.SetRef(ref ((PyBaseExceptionObject*)e.Ptr)->Context, context.Ptr);
    }

    /// <summary>An exception's <c>__cause__</c>, borrowed.</summary>
    public static PyRef ExceptionCause(PyRef e) => new(((PyBaseExceptionObject*)e.Ptr)->Cause);

    /// <summary>Sets an exception's <c>__cause__</c> (borrowed; null clears).</summary>
    public static void SetExceptionCause(PyRef e, PyRef cause)
    {
        Heap.XIncRef(cause.Ptr);
        Heap.SetRef(ref ((PyBaseExceptionObject*)e.Ptr)->Cause, cause.Ptr);
    }

    /// <summary>The text of <c>str(e)</c> as a traceback's last line shows it.</summary>
    public string ExceptionMessage(PyRef e) => ExceptionType.MessageOf(Heap, e.Ptr);

    /// <summary>An exception class of this profile by name (borrowed), or null.</summary>
    public PyRef ExceptionClass(string name)
    {
        var t = Heap.Types.Exceptions.Find(name);
        return t == null ? PyRef.Null : Heap.TypeObjectOf(t);
    }

    /// <summary>
    /// The end of a program: drops what the heap's long-lived objects picked up from it — the
    /// preallocated MemoryError's traceback and context, gc.garbage and gc.callbacks, and 2.7's
    /// empty frozenset (which <see cref="MakeStartupObjects"/> made at its start).
    /// </summary>
    public void ReleaseProgramState()
    {
        var e = (PyBaseExceptionObject*)Heap.Types.Exceptions.PreallocatedMemoryError;
        Heap.ClearRef(ref e->Traceback);
        Heap.ClearRef(ref e->Context);
        Heap.ClearRef(ref e->Cause);
        Heap.Gc.ReleaseLists();
        Heap.Types.FrozenSet.ReleaseEmptyFrozenSet();
    }

    // ---- modules ------------------------------------------------------------------------

    /// <summary>A new module (new reference) with a dict holding its <c>__name__</c>.</summary>
    public PyRef NewModule(string name) => Heap.Types.Module.New(name);

    /// <summary>A module's dict, borrowed.</summary>
    public static PyRef ModuleDict(PyRef module) => new(ModuleType.DictOf(module.Ptr));

    /// <summary>Whether <paramref name="o"/> is a module.</summary>
    public bool IsModule(PyRef o) => o.Ptr->Type == Heap.Types.Module.TypeObject;

    // ---- generators ---------------------------------------------------------------------

    /// <summary>A new generator over a frame, made by calling <paramref name="function"/> (new reference; arguments borrowed).</summary>
    public PyRef NewGenerator(PyRef frame, PyRef code, PyRef name, PyRef qualName, PyRef function) =>
        Heap.Types.Generator.New(frame.Ptr, code.Ptr, name.Ptr, qualName.Ptr, function.Ptr);

    /// <summary>Whether <paramref name="o"/> is a generator.</summary>
    public bool IsGenerator(PyRef o) => o.Ptr->Type == Heap.Types.Generator.TypeObject;

    /// <summary>A generator's frame, borrowed (null once finished).</summary>
    public static PyRef GeneratorFrame(PyRef g) => new(GeneratorType.Fields(g.Ptr)->Frame);

    /// <summary>Drops a finished generator's frame (3.12: a frame still referenced elsewhere becomes an object of its own).</summary>
    public static void ClearGeneratorFrame(PyRef g) => GeneratorType.ReleaseFrame(g.Ptr);

    /// <summary>Whether a generator's frame is running now.</summary>
    public static ref nint GeneratorRunning(PyRef g) => ref GeneratorType.Fields(g.Ptr)->Running;

    /// <summary><c>gen.close()</c>: 0, or -1 with the error set.</summary>
    public int CloseGenerator(PyRef g) => Heap.Types.Generator.Close(g.Ptr);

    /// <summary>Untracks a tuple when no item could ever be in a cycle (_PyTuple_MaybeUntrack).</summary>
    public void MaybeUntrackTuple(PyRef tuple)
    {
        if (Gc.Collector.IsTracked(tuple.Ptr) && Heap.Types.Tuple.CanUntrack(tuple.Ptr))
        {
            Heap.Gc.Untrack(tuple.Ptr);
        }
    }
}
