using System.Runtime.CompilerServices;
using Refheap.Objects;
using Refheap.Objects.Native.Frame;
using Refheap.Python.Compiler;
using Refheap.Python.Syntax.Ast;

namespace Refheap.Python.Execution;

internal sealed partial class Interpreter
{
    private static readonly ObjectApi.Operator[] s_operators =
    [
        ObjectApi.Operator.Add, ObjectApi.Operator.Subtract, ObjectApi.Operator.Multiply, ObjectApi.Operator.MatrixMultiply,
        ObjectApi.Operator.TrueDivide, ObjectApi.Operator.Remainder, ObjectApi.Operator.Power, ObjectApi.Operator.LeftShift,
        ObjectApi.Operator.RightShift, ObjectApi.Operator.Or, ObjectApi.Operator.Xor, ObjectApi.Operator.And, ObjectApi.Operator.FloorDivide,
    ];

    /// <summary>Set by <see cref="Execute(PyRef, PyRef, bool)"/> when the frame stopped at a yield rather than returning.</summary>
    private bool _yielded;

    private static ObjectApi.Operator OperatorOf(int arg) =>
        arg == CodeGenerator.ClassicDivide ? ObjectApi.Operator.ClassicDivide : s_operators[arg];

    /// <summary>
    /// Runs <paramref name="frame"/> from where it is until it returns (the value, a new
    /// reference), raises (null, error set) or yields (the value; <see cref="_yielded"/> set).
    /// A suspended frame resumes with <paramref name="resume"/> (borrowed; null means None)
    /// pushed as the yield's result, or raised at the yield when <paramref name="isThrow"/>.
    /// </summary>
    private PyRef Execute(PyRef frame, PyRef resume, bool isThrow) =>
        Execute(frame, (CodeUnit)_api.CodePayload(ObjectApi.FrameCode(frame)), resume, isThrow);

    /// <summary><see cref="Execute(PyRef, PyRef, bool)"/> for a frame of <paramref name="unit"/>, which the caller has at hand.</summary>
    private PyRef Execute(PyRef frame, CodeUnit unit, PyRef resume, bool isThrow)
    {
        _yielded = false;
        if (!_heap.EnterRecursiveCall(""))
        {
            return PyRef.Null;
        }

        var previous = _current;
        _current = frame;
        try
        {
            return Loop(frame, unit, resume, isThrow);
        }
        finally
        {
            _current = previous;
            _heap.LeaveRecursiveCall();
        }
    }

    // Fully optimized from its first call: the loop is one large method, and tiering would run
    // it unoptimized (and then instrumented) until a slow background compile of its final
    // form finishes, which on a busy machine is long after a short program has ended.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private PyRef Loop(PyRef frame, CodeUnit unit, PyRef resume, bool isThrow)
    {
        var code = unit.Code;
        var consts = unit.ConstantObjects;
        var names = unit.NameObjects;
        var globalCaches = unit.GlobalCaches;
        var attributeCaches = unit.AttributeCaches;
        var callSitesRun = unit.CallSitesRun;
        var slots = ObjectApi.FrameSlots(frame);
        var globals = ObjectApi.FrameGlobals(frame);
        var builtins = ObjectApi.FrameBuiltins(frame);
        var stackBase = unit.StackBase;
        ref var state = ref ObjectApi.FrameState(frame);
        int sp;
        int pc;
        var at = 0;
        var reraise = false;

        // A copy of sp for the helpers that move it by reference: sp itself never has its
        // address taken, so that the JIT keeps it in a register.
        int top;
        if ((state & (int)FrameState.Suspended) != 0)
        {
            sp = ObjectApi.FrameStackTop(frame);
            pc = ObjectApi.FramePc(frame);
            state = (int)FrameState.Executing | (state & (int)FrameState.SavedException);
            if (isThrow)
            {
                // Raised at the yield: the loop's first step goes to the error path.
                _heap.RestoreError(ObjectApi.NewRef(resume));
                pc--;
            }
            else
            {
                slots[sp++] = resume.IsNull ? ObjectApi.NewRef(_api.NoneObject) : ObjectApi.NewRef(resume);
                if ((OpCode)(byte)code[pc - 1] == OpCode.YieldFrom)
                {
                    // Suspended in a yield from: run it again with the sent value.
                    pc--;
                }
            }
        }
        else
        {
            sp = stackBase;
            pc = 0;
            state = (int)FrameState.Executing;
        }

        var thrown = isThrow && (state & (int)FrameState.Executing) != 0;
        for (; ;)
        {
            var instruction = code[pc];
            at = pc++;
            if (TracesAllocations)
            {
                ObjectApi.FramePc(frame) = at;
            }

            var arg = instruction >> 8;
            PyRef a, b, c, r;
            int status;
            if (thrown)
            {
                thrown = false;
                goto error;
            }

            switch ((OpCode)(byte)instruction)
            {
                case OpCode.Nop:
                    continue;
                case OpCode.PopTop:
                    a = slots[--sp];
                    slots[sp] = default;
                    ObjectApi.Release(a);
                    continue;
                case OpCode.RotTwo:
                    (slots[sp - 1], slots[sp - 2]) = (slots[sp - 2], slots[sp - 1]);
                    continue;
                case OpCode.RotThree:
                    a = slots[sp - 1];
                    slots[sp - 1] = slots[sp - 2];
                    slots[sp - 2] = slots[sp - 3];
                    slots[sp - 3] = a;
                    continue;
                case OpCode.DupTop:
                    slots[sp] = ObjectApi.NewRef(slots[sp - 1]);
                    sp++;
                    continue;
                case OpCode.DupTopTwo:
                    slots[sp] = ObjectApi.NewRef(slots[sp - 2]);
                    slots[sp + 1] = ObjectApi.NewRef(slots[sp - 1]);
                    sp += 2;
                    continue;
                case OpCode.DupTopN:
                    for (var i = 0; i < arg; i++)
                    {
                        slots[sp + i] = ObjectApi.NewRef(slots[sp - arg + i]);
                    }

                    sp += arg;
                    continue;
                case OpCode.RotN:
                    a = slots[sp - 1];
                    for (var i = 1; i < arg; i++)
                    {
                        slots[sp - i] = slots[sp - i - 1];
                    }

                    slots[sp - arg] = a;
                    continue;
                case OpCode.LoadConst:
                    slots[sp++] = ObjectApi.NewRef(consts[arg]);
                    continue;
                case OpCode.LoadFast:
                    a = slots[arg];
                    if (a.IsNull)
                    {
                        RaiseUnboundLocal(unit.LocalNames[arg]);
                        goto error;
                    }

                    slots[sp++] = ObjectApi.NewRef(a);
                    continue;
                case OpCode.StoreFast:
                    a = slots[arg];
                    slots[arg] = slots[--sp];
                    slots[sp] = default;
                    a.XDecRef();
                    continue;
                case OpCode.DeleteFast:
                    a = slots[arg];
                    if (a.IsNull)
                    {
                        RaiseUnboundLocal(unit.LocalNames[arg]);
                        goto error;
                    }

                    slots[arg] = default;
                    ObjectApi.Release(a);
                    continue;
                case OpCode.LoadDeref:
                    a = ObjectApi.CellGet(slots[arg]);
                    if (a.IsNull)
                    {
                        RaiseUnboundCell(unit, arg);
                        goto error;
                    }

                    slots[sp++] = ObjectApi.NewRef(a);
                    continue;
                case OpCode.StoreDeref:
                    a = slots[--sp];
                    slots[sp] = default;
                    ObjectApi.CellSet(slots[arg], a);
                    ObjectApi.Release(a);
                    continue;
                case OpCode.DeleteDeref:
                    if (ObjectApi.CellGet(slots[arg]).IsNull)
                    {
                        RaiseUnboundCell(unit, arg);
                        goto error;
                    }

                    ObjectApi.CellSet(slots[arg], PyRef.Null);
                    continue;
                case OpCode.LoadClosure:
                    slots[sp++] = ObjectApi.NewRef(slots[arg]);
                    continue;
                case OpCode.LoadGlobal:
                    a = _api.LoadGlobal(globals, builtins, names[arg], ref globalCaches[arg]);
                    if (a.IsNull)
                    {
                        if (!_heap.ErrorOccurred)
                        {
                            RaiseNameError(unit.Names[arg], global: Py27);
                        }

                        goto error;
                    }

                    slots[sp++] = ObjectApi.NewRef(a);
                    continue;
                case OpCode.StoreGlobal:
                    a = slots[--sp];
                    slots[sp] = default;
                    status = _api.DictSet(globals, names[arg], a);
                    ObjectApi.Release(a);
                    if (status < 0)
                    {
                        goto error;
                    }

                    continue;
                case OpCode.DeleteGlobal:
                    if (_api.DictDelete(globals, names[arg]) < 0)
                    {
                        _heap.ClearError();
                        RaiseNameError(unit.Names[arg], global: Py27);
                        goto error;
                    }

                    continue;
                case OpCode.LoadName:
                    a = _api.DictGet(ObjectApi.FrameLocals(frame), names[arg]);
                    if (a.IsNull && !_heap.ErrorOccurred)
                    {
                        a = _api.DictGet(globals, names[arg]);
                    }

                    if (a.IsNull && !_heap.ErrorOccurred)
                    {
                        a = _api.DictGet(builtins, names[arg]);
                    }

                    if (a.IsNull)
                    {
                        if (!_heap.ErrorOccurred)
                        {
                            RaiseNameError(unit.Names[arg], global: false);
                        }

                        goto error;
                    }

                    slots[sp++] = ObjectApi.NewRef(a);
                    continue;
                case OpCode.StoreName:
                    a = slots[--sp];
                    slots[sp] = default;
                    status = _api.DictSet(ObjectApi.FrameLocals(frame), names[arg], a);
                    ObjectApi.Release(a);
                    if (status < 0)
                    {
                        goto error;
                    }

                    continue;
                case OpCode.DeleteName:
                    if (_api.DictDelete(ObjectApi.FrameLocals(frame), names[arg]) < 0)
                    {
                        _heap.ClearError();
                        RaiseNameError(unit.Names[arg], global: false);
                        goto error;
                    }

                    continue;
                case OpCode.LoadAttr:
                    a = slots[sp - 1];
                    r = _api.IsExactModule(a) ? ModuleAttribute(a, names[arg], ref attributeCaches[arg]) : _api.LoadAttribute(a, names[arg], ref attributeCaches[arg]);
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    slots[sp - 1] = r;
                    ObjectApi.Release(a);
                    continue;
                case OpCode.StoreAttr:
                    a = slots[--sp];
                    b = slots[--sp];
                    slots[sp] = slots[sp + 1] = default;
                    status = _api.StoreAttribute(a, names[arg], b, ref attributeCaches[arg]);
                    ObjectApi.Release(a);
                    ObjectApi.Release(b);
                    if (status < 0)
                    {
                        goto error;
                    }

                    continue;
                case OpCode.DeleteAttr:
                    a = slots[--sp];
                    slots[sp] = default;
                    status = _api.DeleteAttr(a, names[arg]);
                    ObjectApi.Release(a);
                    if (status < 0)
                    {
                        goto error;
                    }

                    continue;
                case OpCode.BinarySubscript:
                    b = slots[--sp];
                    a = slots[--sp];
                    slots[sp] = slots[sp + 1] = default;
                    r = _api.GetItem(a, b);
                    ObjectApi.Release(a);
                    ObjectApi.Release(b);
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    slots[sp++] = r;
                    continue;
                case OpCode.StoreSubscript:
                    b = slots[--sp];
                    a = slots[--sp];
                    c = slots[--sp];
                    slots[sp] = slots[sp + 1] = slots[sp + 2] = default;
                    status = _api.SetItem(a, b, c);
                    ObjectApi.Release(a);
                    ObjectApi.Release(b);
                    ObjectApi.Release(c);
                    if (status < 0)
                    {
                        goto error;
                    }

                    continue;
                case OpCode.DeleteSubscript:
                    b = slots[--sp];
                    a = slots[--sp];
                    slots[sp] = slots[sp + 1] = default;
                    status = _api.DeleteItem(a, b);
                    ObjectApi.Release(a);
                    ObjectApi.Release(b);
                    if (status < 0)
                    {
                        goto error;
                    }

                    continue;
                case OpCode.BuildSlice:
                    top = sp;
                    r = BuildSlice(slots, ref top, arg);
                    sp = top;
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    slots[sp++] = r;
                    continue;

                case OpCode.Slice:
                case OpCode.StoreSlice:
                case OpCode.DeleteSlice:
                {
                    var step = (arg & 4) != 0 ? Take(ref slots[--sp]) : PyRef.Null;
                    var upper = (arg & 2) != 0 ? Take(ref slots[--sp]) : PyRef.Null;
                    var lower = (arg & 1) != 0 ? Take(ref slots[--sp]) : PyRef.Null;
                    a = Take(ref slots[--sp]);
                    var op = (OpCode)(byte)instruction;
                    var value = op == OpCode.StoreSlice ? Take(ref slots[--sp]) : PyRef.Null;
                    r = PyRef.Null;
                    status = 0;
                    if (op == OpCode.Slice)
                    {
                        r = _api.GetSlice(a, lower, upper, step);
                    }
                    else
                    {
                        status = _api.SetSlice(a, lower, upper, step, value);
                    }

                    ObjectApi.Release(a);
                    lower.XDecRef();
                    upper.XDecRef();
                    step.XDecRef();
                    value.XDecRef();
                    if (op == OpCode.Slice)
                    {
                        if (r.IsNull)
                        {
                            goto error;
                        }

                        slots[sp++] = r;
                    }
                    else if (status < 0)
                    {
                        goto error;
                    }

                    continue;
                }

                case OpCode.BinaryOp:
                case OpCode.InPlaceOp:
                    b = slots[--sp];
                    a = slots[--sp];
                    slots[sp] = slots[sp + 1] = default;
                    // Floats have no in-place forms: a op= b of two is a op b.
                    if (!_api.TryFloatArithmetic(a, b, OperatorOf(arg), out r))
                    {
                        r = (OpCode)(byte)instruction == OpCode.BinaryOp
                            ? _api.BinaryOperation(a, b, OperatorOf(arg))
                            : _api.InPlaceOperation(a, b, OperatorOf(arg));
                    }

                    ObjectApi.Release(a);
                    ObjectApi.Release(b);
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    slots[sp++] = r;
                    continue;
                case OpCode.UnaryOp:
                    a = slots[sp - 1];
                    r = Unary(a, arg);
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    slots[sp - 1] = r;
                    ObjectApi.Release(a);
                    continue;
                case OpCode.CompareOp:
                    b = slots[--sp];
                    a = slots[--sp];
                    slots[sp] = slots[sp + 1] = default;
                    r = Compare(a, b, (ComparisonOperator)arg);
                    ObjectApi.Release(a);
                    ObjectApi.Release(b);
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    slots[sp++] = r;
                    continue;
                case OpCode.Jump:
                    pc = arg;
                    continue;
                case OpCode.PopJumpIfFalse:
                case OpCode.PopJumpIfTrue:
                    a = slots[--sp];
                    slots[sp] = default;
                    status = _api.Truth(a);
                    ObjectApi.Release(a);
                    if (status < 0)
                    {
                        goto error;
                    }

                    if ((status == 1) == ((OpCode)(byte)instruction == OpCode.PopJumpIfTrue))
                    {
                        pc = arg;
                    }

                    continue;
                case OpCode.JumpIfFalseOrPop:
                case OpCode.JumpIfTrueOrPop:
                    status = _api.Truth(slots[sp - 1]);
                    if (status < 0)
                    {
                        goto error;
                    }

                    if ((status == 1) == ((OpCode)(byte)instruction == OpCode.JumpIfTrueOrPop))
                    {
                        pc = arg;
                    }
                    else
                    {
                        a = slots[--sp];
                        slots[sp] = default;
                        ObjectApi.Release(a);
                    }

                    continue;
                case OpCode.GetIter:
                    a = slots[sp - 1];
                    r = _api.GetIter(a);
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    slots[sp - 1] = r;
                    ObjectApi.Release(a);
                    continue;
                case OpCode.ForIter:
                    ObjectApi.FramePc(frame) = at;
                    r = _api.IterNext(slots[sp - 1]);
                    if (r.IsNull)
                    {
                        if (_heap.ErrorOccurred)
                        {
                            goto error;
                        }

                        a = slots[--sp];
                        slots[sp] = default;
                        ObjectApi.Release(a);
                        pc = arg;
                        continue;
                    }

                    slots[sp++] = r;
                    continue;
                case OpCode.BuildTuple:
                    r = BuildFromStack(OpCode.BuildTuple, slots, sp, arg);
                    sp -= arg;
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    slots[sp++] = r;
                    continue;
                case OpCode.BuildList:
                    r = BuildFromStack(OpCode.BuildList, slots, sp, arg);
                    sp -= arg;
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    slots[sp++] = r;
                    continue;
                case OpCode.BuildSet:
                    r = BuildFromStack(OpCode.BuildSet, slots, sp, arg);
                    sp -= arg;
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    slots[sp++] = r;
                    continue;
                case OpCode.BuildMap:
                    r = BuildFromStack(OpCode.BuildMap, slots, sp, 2 * arg);
                    sp -= 2 * arg;
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    slots[sp++] = r;
                    continue;
                case OpCode.ListAppend:
                    a = Take(ref slots[--sp]);
                    status = _api.ListAppend(slots[sp - arg], a);
                    ObjectApi.Release(a);
                    if (status < 0)
                    {
                        goto error;
                    }

                    continue;
                case OpCode.SetAdd:
                    a = Take(ref slots[--sp]);
                    status = _api.SetAdd(slots[sp - arg], a);
                    ObjectApi.Release(a);
                    if (status < 0)
                    {
                        goto error;
                    }

                    continue;
                case OpCode.MapAdd:
                    b = Take(ref slots[--sp]);
                    a = Take(ref slots[--sp]);
                    status = _api.DictSet(slots[sp - arg], a, b);
                    ObjectApi.Release(a);
                    ObjectApi.Release(b);
                    if (status < 0)
                    {
                        goto error;
                    }

                    continue;
                case OpCode.ListExtend:
                    a = Take(ref slots[--sp]);
                    status = _api.ExtendList(slots[sp - 1], a);
                    if (status < 0 && arg == CodeGenerator.ListExtendInDisplay)
                    {
                        _api.ReplaceNotIterableError(a);
                    }
                    else if (status < 0 && arg == CodeGenerator.ListExtendInCall)
                    {
                        ReplaceStarArgumentError(slots[sp - 2], a);
                    }

                    ObjectApi.Release(a);
                    if (status < 0)
                    {
                        goto error;
                    }

                    continue;
                case OpCode.SetUpdate:
                    a = Take(ref slots[--sp]);
                    status = _api.SetUpdate(slots[sp - 1], a);
                    ObjectApi.Release(a);
                    if (status < 0)
                    {
                        goto error;
                    }

                    continue;
                case OpCode.DictUpdate:
                    a = Take(ref slots[--sp]);
                    status = _api.DictUpdate(slots[sp - 1], a);
                    ObjectApi.Release(a);
                    if (status < 0)
                    {
                        goto error;
                    }

                    continue;
                case OpCode.ListToTuple:
                    a = slots[sp - 1];
                    r = _api.ListToTuple(a);
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    slots[sp - 1] = r;
                    ObjectApi.Release(a);
                    continue;
                case OpCode.DictMerge:
                    a = Take(ref slots[--sp]);
                    status = MergeKeywords(slots[sp - 1], a, slots[sp - 3]);
                    ObjectApi.Release(a);
                    if (status < 0)
                    {
                        goto error;
                    }

                    continue;
                case OpCode.UnpackSequence:
                    a = Take(ref slots[--sp]);
                    status = UnpackOntoStack(a, arg, slots, sp);
                    ObjectApi.Release(a);
                    if (status < 0)
                    {
                        goto error;
                    }

                    sp += arg;
                    continue;
                case OpCode.UnpackExtended:
                {
                    a = Take(ref slots[--sp]);
                    var count = (arg & 0xFF) + (arg >> 8) + 1;
                    status = UnpackExtendedOntoStack(a, arg, slots, sp);
                    ObjectApi.Release(a);
                    if (status < 0)
                    {
                        goto error;
                    }

                    sp += count;
                    continue;
                }

                case OpCode.Call:
                {
                    ObjectApi.FramePc(frame) = at;
                    var specialized = callSitesRun[at];
                    callSitesRun[at] = true;
                    r = CallFromStack(slots, sp, arg, specialized);
                    sp = PopCount(slots, sp, arg + 1);
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    slots[sp++] = r;
                    continue;
                }

                case OpCode.LoadMethod:
                    a = slots[sp - 1];
                    r = _api.LoadMethod(a, names[arg]);
                    if (!r.IsNull)
                    {
                        // The function, then the object it is called on (the stack's reference moves up).
                        slots[sp - 1] = r;
                        slots[sp++] = a;
                        continue;
                    }

                    r = _api.IsExactModule(a) ? ModuleAttribute(a, names[arg], ref attributeCaches[arg]) : _api.GetAttr(a, names[arg]);
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    slots[sp - 1] = r;
                    slots[sp++] = default;
                    ObjectApi.Release(a);
                    continue;
                case OpCode.CallMethod:
                    ObjectApi.FramePc(frame) = at;
                    r = CallMethodFromStack(slots, sp, arg);
                    sp = PopCount(slots, sp, arg + 2);
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    slots[sp++] = r;
                    continue;
                case OpCode.CallMethodKeywords:
                    ObjectApi.FramePc(frame) = at;
                    r = CallMethodKeywordsFromStack(slots, sp, arg);
                    sp = PopCount(slots, sp, arg + 3);
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    slots[sp++] = r;
                    continue;
                case OpCode.CallKeywords:
                    ObjectApi.FramePc(frame) = at;
                    r = CallKeywordsFromStack(slots, sp, arg);
                    sp = PopCount(slots, sp, arg + 2);
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    slots[sp++] = r;
                    continue;
                case OpCode.CallEx:
                {
                    ObjectApi.FramePc(frame) = at;
                    var kwargs = (arg & 1) != 0 ? slots[sp - 1] : PyRef.Null;
                    var count = (arg & 1) != 0 ? 3 : 2;
                    r = CallWithList(slots[sp - count], slots[sp - count + 1], kwargs);
                    sp = PopCount(slots, sp, count);
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    slots[sp++] = r;
                    continue;
                }

                case OpCode.MakeFunction:
                    top = sp;
                    r = MakeFunction(slots, ref top, arg, globals);
                    sp = top;
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    slots[sp++] = r;
                    continue;
                case OpCode.ReturnValue:
                    r = Take(ref slots[--sp]);
                    sp = ClearStack(slots, sp, stackBase);
                    state = (int)FrameState.Completed | (state & (int)FrameState.SavedException);
                    LeaveFrame(frame);
                    return r;
                case OpCode.YieldValue:
                    r = Take(ref slots[--sp]);
                    ObjectApi.FramePc(frame) = pc;
                    ObjectApi.FrameStackTop(frame) = sp;
                    state = (int)FrameState.Suspended | (state & (int)FrameState.SavedException);
                    LeaveFrame(frame);
                    _yielded = true;
                    return r;
                case OpCode.YieldFrom:
                    b = Take(ref slots[--sp]);
                    r = DelegateStep(slots[sp - 1], b, out var finished);
                    ObjectApi.Release(b);
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    if (finished)
                    {
                        a = slots[sp - 1];
                        slots[sp - 1] = r;
                        ObjectApi.Release(a);
                        continue;
                    }

                    ObjectApi.FramePc(frame) = pc;
                    ObjectApi.FrameStackTop(frame) = sp;
                    state = (int)FrameState.Suspended | (state & (int)FrameState.SavedException);
                    LeaveFrame(frame);
                    _yielded = true;
                    return r;
                case OpCode.Raise:
                    ObjectApi.FramePc(frame) = at; // raising a class calls it
                    top = sp;
                    reraise = DoRaise(slots, ref top, arg);
                    sp = top;
                    goto error;
                case OpCode.Reraise:
                    a = Take(ref slots[--sp]);
                    ReattachTraceback(a);
                    _heap.RestoreError(a);
                    reraise = true;
                    goto error;
                case OpCode.PushExcInfo:
                    a = Take(ref slots[--sp]);
                    slots[sp++] = PushExceptionState(frame, a);
                    slots[sp++] = a;
                    continue;
                case OpCode.PopExcept:
                    PopExceptionState(Take(ref slots[--sp]));
                    continue;
                case OpCode.PopExceptReraise:
                    a = Take(ref slots[--sp]);
                    ReattachTraceback(a);
                    PopExceptionState(Take(ref slots[--sp]));
                    _heap.RestoreError(a);
                    reraise = true;
                    goto error;
                case OpCode.CheckExcMatch:
                    b = Take(ref slots[--sp]);
                    status = ExceptionMatches(slots[sp - 1], b);
                    ObjectApi.Release(b);
                    if (status < 0)
                    {
                        goto error;
                    }

                    slots[sp++] = _api.Bool(status == 1).NewRef();
                    continue;
                case OpCode.PrintItem:
                case OpCode.PrintItemTo:
                {
                    var stream = (OpCode)(byte)instruction == OpCode.PrintItemTo ? Take(ref slots[--sp]) : PyRef.Null;
                    a = Take(ref slots[--sp]);
                    status = PrintItem(stream, a);
                    ObjectApi.Release(a);
                    stream.XDecRef();
                    if (status < 0)
                    {
                        goto error;
                    }

                    continue;
                }

                case OpCode.PrintNewline:
                case OpCode.PrintNewlineTo:
                {
                    var stream = (OpCode)(byte)instruction == OpCode.PrintNewlineTo ? Take(ref slots[--sp]) : PyRef.Null;
                    status = PrintNewline(stream);
                    stream.XDecRef();
                    if (status < 0)
                    {
                        goto error;
                    }

                    continue;
                }

                case OpCode.ImportName:
                    ObjectApi.FramePc(frame) = at;
                    b = Take(ref slots[--sp]);
                    a = Take(ref slots[--sp]);
                    c = Py27 ? Py27ImportArguments(names[arg], globals, ObjectApi.FrameLocals(frame), b, a) : default;
                    r = Py27 && c.IsNull ? c : Import(unit.Names[arg], b);
                    c.XDecRef();
                    ObjectApi.Release(a);
                    ObjectApi.Release(b);
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    slots[sp++] = r;
                    continue;
                case OpCode.ImportFrom:
                    r = ImportFrom(slots[sp - 1], names[arg]);
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    slots[sp++] = r;
                    continue;
                case OpCode.ImportStar:
                    a = Take(ref slots[--sp]);
                    status = ImportStar(a, ObjectApi.FrameLocals(frame));
                    ObjectApi.Release(a);
                    if (status < 0)
                    {
                        goto error;
                    }

                    continue;
                case OpCode.BuildClass:
                    ObjectApi.FramePc(frame) = at;
                    var classKeywords = arg == 1 ? Take(ref slots[--sp]) : PyRef.Null;
                    c = Take(ref slots[--sp]);
                    b = Take(ref slots[--sp]);
                    a = Take(ref slots[--sp]);
                    r = BuildClass(a, b, c, globals, classKeywords);
                    ObjectApi.Release(a);
                    ObjectApi.Release(b);
                    ObjectApi.Release(c);
                    classKeywords.XDecRef();
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    slots[sp++] = r;
                    continue;
                case OpCode.BeforeWith:
                    ObjectApi.FramePc(frame) = at;
                    a = Take(ref slots[--sp]);
                    r = EnterContext(a, out var manager);
                    b = manager;
                    ObjectApi.Release(a);
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    slots[sp++] = b;
                    slots[sp++] = r;
                    continue;
                case OpCode.WithExitNormal:
                    ObjectApi.FramePc(frame) = at;
                    a = Take(ref slots[--sp]);
                    r = CallExit(a, PyRef.Null);
                    ObjectApi.Release(a);
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    ObjectApi.Release(r);
                    continue;
                case OpCode.WithExitException:
                {
                    ObjectApi.FramePc(frame) = at;
                    var exception = Take(ref slots[--sp]);
                    var prev = Take(ref slots[--sp]);
                    var exit = Take(ref slots[--sp]);
                    ReattachTraceback(exception);
                    r = CallExit(exit, exception);
                    ObjectApi.Release(exit);
                    PopExceptionState(prev);
                    if (r.IsNull)
                    {
                        ObjectApi.Release(exception);
                        goto error;
                    }

                    status = _api.Truth(r);
                    ObjectApi.Release(r);
                    if (status < 0)
                    {
                        ObjectApi.Release(exception);
                        goto error;
                    }

                    if (status == 1)
                    {
                        ObjectApi.Release(exception);
                        continue;
                    }

                    _heap.RestoreError(exception);
                    reraise = true;
                    goto error;
                }

                case OpCode.FormatValue:
                {
                    var spec = (arg & 1) != 0 ? Take(ref slots[--sp]) : PyRef.Null;
                    a = Take(ref slots[--sp]);
                    r = FormatValue(a, (char)(arg >> 8), spec);
                    ObjectApi.Release(a);
                    spec.XDecRef();
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    slots[sp++] = r;
                    continue;
                }

                case OpCode.BuildString:
                    r = BuildFromStack(OpCode.BuildString, slots, sp, arg);
                    sp = PopCount(slots, sp, arg);
                    if (r.IsNull)
                    {
                        goto error;
                    }

                    slots[sp++] = r;
                    continue;
                case OpCode.LoadAssertionError:
                    slots[sp++] = _api.ExceptionClass("AssertionError").NewRef();
                    continue;
                case OpCode.LoadLocals:
                    slots[sp++] = ObjectApi.FrameLocals(frame).NewRef();
                    continue;
                case OpCode.LoadFastAndClear:
                    slots[sp++] = slots[arg];
                    slots[arg] = default;
                    continue;
                case OpCode.ReplaceCell:
                    // The new cell first: if it cannot be made, the slot keeps its cell.
                    a = _api.NewCell(PyRef.Null);
                    if (a.IsNull)
                    {
                        goto error;
                    }

                    slots[sp++] = slots[arg];
                    slots[arg] = a;
                    continue;
                case OpCode.Swap:
                    (slots[sp - 1], slots[sp - arg]) = (slots[sp - arg], slots[sp - 1]);
                    continue;
                default:
                    _api.Raise("SystemError", $"unknown instruction {(OpCode)(byte)instruction}");
                    goto error;
            }

        error:
            ObjectApi.FramePc(frame) = at;
            if (!reraise)
            {
                AddTraceback(frame, ObjectApi.FrameCode(frame), at);
            }

            reraise = false;
            var h = unit.HandlerAt[at];
            if (h >= 0)
            {
                var handler = unit.Handlers[h];
                sp = ClearStack(slots, sp, stackBase + handler.Depth);
                slots[sp++] = _heap.FetchError();
                pc = handler.Target;
                continue;
            }

            sp = ClearStack(slots, sp, stackBase);
            state = (int)FrameState.Completed | (state & (int)FrameState.SavedException);
            LeaveFrame(frame);
            return PyRef.Null;
        }
    }

    /// <summary><c>module.name</c> (both borrowed) through the name's cache: a new reference, or null with the error set.</summary>
    private PyRef ModuleAttribute(PyRef module, PyRef name, ref ObjectApi.GlobalCache cache)
    {
        var r = _api.CachedModuleAttribute(module, name, ref cache);
        if (!r.IsNull)
        {
            return ObjectApi.NewRef(r);
        }

        r = _api.GetAttr(module, name);
        if (!r.IsNull)
        {
            _api.RememberModuleAttribute(module, name, ref cache);
        }

        return r;
    }

    /// <summary>Pops the parts <paramref name="arg"/>'s bits name (1 lower, 2 upper, 4 step) and makes their slice: a new reference or null.</summary>
    private PyRef BuildSlice(Span<PyRef> slots, ref int sp, int arg)
    {
        var step = (arg & 4) != 0 ? Pop(slots, ref sp) : PyRef.Null;
        var upper = (arg & 2) != 0 ? Pop(slots, ref sp) : PyRef.Null;
        var lower = (arg & 1) != 0 ? Pop(slots, ref sp) : PyRef.Null;
        var r = _api.NewSlice(lower, upper, step);
        lower.XDecRef();
        upper.XDecRef();
        step.XDecRef();
        return r;
    }

    private static PyRef Pop(Span<PyRef> slots, ref int sp)
    {
        var v = slots[--sp];
        slots[sp] = default;
        return v;
    }

    /// <summary>
    /// Takes the value out of a stack slot (the slot is cleared): the evaluator pops with
    /// <c>Take(ref slots[--sp])</c>, so that <c>sp</c> never has its address taken and stays in a register.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static PyRef Take(ref PyRef slot)
    {
        var v = slot;
        slot = default;
        return v;
    }

    /// <summary>Pops and drops <paramref name="count"/> values; the new stack top.</summary>
    private static int PopCount(Span<PyRef> slots, int sp, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var v = slots[--sp];
            slots[sp] = default;
            v.XDecRef();
        }

        return sp;
    }

    /// <summary>Pops and drops values down to <paramref name="height"/>; the new stack top.</summary>
    private static int ClearStack(Span<PyRef> slots, int sp, int height)
    {
        while (sp > height)
        {
            var v = slots[--sp];
            slots[sp] = default;
            v.XDecRef();
        }

        return sp;
    }
}
