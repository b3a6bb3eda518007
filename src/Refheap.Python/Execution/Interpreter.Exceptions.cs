using Refheap.Objects;
using Refheap.Objects.Native.Frame;

namespace Refheap.Python.Execution;

internal sealed partial class Interpreter
{
    /// <summary>
    /// The Raise instruction: sets the error indicator. Returns true for a bare <c>raise</c>
    /// (the handled exception again, its traceback kept: no new traceback entry).
    /// </summary>
    private bool DoRaise(Span<PyRef> slots, ref int sp, int arg)
    {
        if (arg == 0)
        {
            if (_handled.IsNull)
            {
                if (Py27)
                {
                    _api.Raise("TypeError", "exceptions must be old-style classes or derived from BaseException, not NoneType");
                }
                else
                {
                    _api.Raise("RuntimeError", "No active exception to reraise");
                }

                return false;
            }

            ReattachTraceback(_handled);
            _heap.RestoreError(_handled.NewRef());
            return true;
        }

        var cause = arg == 2 ? Pop(slots, ref sp) : PyRef.Null;
        var legacyValue = arg == 3 ? Pop(slots, ref sp) : PyRef.Null;
        var exc = Pop(slots, ref sp);
        var instance = MakeException(exc, legacyValue);
        exc.DecRef();
        legacyValue.XDecRef();
        if (instance.IsNull)
        {
            cause.XDecRef();
            return false;
        }

        if (!cause.IsNull)
        {
            var causeInstance = _api.IsNone(cause) ? PyRef.Null : MakeException(cause, PyRef.Null);
            cause.DecRef();
            if (causeInstance.IsNull && !_api.IsNone(cause) && _heap.ErrorOccurred)
            {
                instance.DecRef();
                return false;
            }

            // `from None` keeps None as the cause: no cause shown, and the context suppressed.
            var stored = causeInstance.IsNull ? _api.None : causeInstance;
            ObjectApi.SetExceptionCause(instance, stored);
            stored.DecRef();
        }

        _heap.RestoreError(instance);
        return false;
    }

    /// <summary>An exception instance from what <c>raise</c> was given (a class is called); new reference or null.</summary>
    private PyRef MakeException(PyRef exc, PyRef legacyValue)
    {
        if (_api.IsExceptionInstance(exc))
        {
            return exc.NewRef();
        }

        if (_api.IsExceptionClass(exc))
        {
            if (!legacyValue.IsNull && !_api.IsNone(legacyValue))
            {
                if (_api.IsExceptionInstance(legacyValue) && ObjectApi.IsSubclass(legacyValue.Type, exc))
                {
                    return legacyValue.NewRef();
                }

                return _api.IsTuple(legacyValue) ? CallTuple(exc, legacyValue, PyRef.Null) : CallValue(exc, [legacyValue], default);
            }

            var instance = CallValue(exc, [], default);
            if (!instance.IsNull && !_api.IsExceptionInstance(instance))
            {
                var name = ObjectApi.TypeName(instance);
                instance.DecRef();
                return _api.Raise("TypeError", $"calling {ObjectApi.ClassName(exc)} should have returned an instance of BaseException, not {name}");
            }

            return instance;
        }

        if (ObjectApi.IsClassicInstance(exc) || _api.IsClassicClass(exc))
        {
            return RaiseUnsupported("raising old-style classes and their instances");
        }

        return _api.Raise("TypeError", Py27
            ? $"exceptions must be old-style classes or derived from BaseException, not {ObjectApi.TypeName(exc)}"
            : "exceptions must derive from BaseException");
    }

    /// <summary>
    /// Adds the frame to the pending exception's traceback (PyTraceBack_Here) and, in 3.x,
    /// links the exception being handled as its <c>__context__</c>.
    /// </summary>
    private void AddTraceback(PyRef frame, PyRef code, int pc)
    {
        if (Py27 && _heap.ErrorDeferred)
        {
            // 2.7's PyTraceBack_Here records the entry without making the exception object,
            // so an error C code set and swallows after it left Python frames made none.
            var next = _heap.DeferredErrorTraceback;
            var pending = _heap.SuspendError();
            var entry = _api.NewTraceback(next, frame, pc, ObjectApi.CodeLine(code, pc));
            _heap.ResumeError(pending);
            if (!entry.IsNull)
            {
                _heap.SetDeferredErrorTraceback(entry);
                entry.DecRef();
            }

            return;
        }

        var e = _heap.CurrentError;
        if (e.IsNull || !_api.IsExceptionInstance(e))
        {
            return;
        }

        if (!Py27 && !_handled.IsNull && _handled != e && ObjectApi.ExceptionContext(e).IsNull)
        {
            // Never make a context cycle: stop if e already sits in the handled one's chain.
            var cyclic = false;
            for (var c = _handled; !c.IsNull; c = ObjectApi.ExceptionContext(c))
            {
                if (c == e)
                {
                    cyclic = true;
                    break;
                }
            }

            if (!cyclic)
            {
                ObjectApi.SetExceptionContext(e, _handled);
            }
        }

        var tb = _api.NewTraceback(ObjectApi.ExceptionTraceback(e), frame, pc, ObjectApi.CodeLine(code, pc));
        if (tb.IsNull)
        {
            _heap.ClearError();
            _heap.RestoreError(e.NewRef());
            return;
        }

        ObjectApi.SetExceptionTraceback(e, tb);
        tb.DecRef();
    }

    /// <summary>
    /// PushExcInfo: <paramref name="exception"/> becomes the handled exception. Returns what
    /// goes on the stack to restore later: 3.x the previous handled exception (None when
    /// none); 2.7 None, the frame keeping the state to restore when it ends.
    /// </summary>
    private PyRef PushExceptionState(PyRef frame, PyRef exception)
    {
        if (_heap.Profile.ExceptionStateOutlivesExceptBlock)
        {
            // 2.7: the frame saves the thread's (exception, traceback) the first time it handles
            // one, and the traceback moves from the exception to the thread state (2.7's
            // exceptions do not hold their traceback: no frame → exception → traceback cycle).
            // CPython keeps the pair in two fields of the frame, so the tuple holding it here is
            // a lent one (uncounted, untracked), given back when the frame stops running.
            ref var state = ref ObjectApi.FrameState(frame);
            if ((state & (int)FrameState.SavedException) == 0)
            {
                var none = _api.NoneObject;
                var saved = _api.RentArguments([_handled.IsNull ? none : _handled, _handledTraceback.IsNull ? none : _handledTraceback]);
                if (saved.IsNull)
                {
                    // Out of memory: the frame leaves the thread's state as it finds it.
                    _heap.ClearError();
                }
                else
                {
                    state |= (int)FrameState.SavedException;
                    ObjectApi.SwapFrameSavedException(frame, saved).XDecRef();
                }
            }

            SetHandled(exception.NewRef());
            var tb = ObjectApi.ExceptionTraceback(exception);
            SetHandledTraceback(tb.IsNull ? tb : tb.NewRef());
            ObjectApi.SetExceptionTraceback(exception, PyRef.Null);
            return _api.NoneObject.NewRef();
        }

        var previous = _handled.IsNull ? _api.NoneObject.NewRef() : _handled.NewRef();
        SetHandled(exception.NewRef());
        return previous;
    }

    /// <summary>PopExcept: restores the handled exception saved by <see cref="PushExceptionState"/> (steals it); 2.7 keeps the state.</summary>
    private void PopExceptionState(PyRef previous)
    {
        if (_heap.Profile.ExceptionStateOutlivesExceptBlock)
        {
            previous.DecRef();
            return;
        }

        if (_api.IsNone(previous))
        {
            previous.DecRef();
            SetHandled(PyRef.Null);
        }
        else
        {
            SetHandled(previous);
        }
    }

    /// <summary>A frame stops running (return, exception, yield): 2.7 restores the exception state it saved.</summary>
    private void LeaveFrame(PyRef frame)
    {
        ref var state = ref ObjectApi.FrameState(frame);
        if ((state & (int)FrameState.SavedException) == 0)
        {
            return;
        }

        state &= ~(int)FrameState.SavedException;
        var saved = ObjectApi.SwapFrameSavedException(frame, PyRef.Null);
        if (saved.IsNull || !_api.IsTuple(saved))
        {
            saved.XDecRef();
            return;
        }

        var exception = ObjectApi.TupleItem(saved, 0);
        var traceback = ObjectApi.TupleItem(saved, 1);
        SetHandled(_api.IsNone(exception) ? PyRef.Null : exception.NewRef());
        SetHandledTraceback(_api.IsNone(traceback) ? PyRef.Null : traceback.NewRef());
        _api.ReturnArguments(saved);
    }

    /// <summary>2.7: the traceback of the handled exception (<c>sys.exc_info()[2]</c>), borrowed, or null.</summary>
    public PyRef HandledTraceback => _api.Heap.Profile.ExceptionStateOutlivesExceptBlock
        ? _handledTraceback
        : _handled.IsNull ? PyRef.Null : ObjectApi.ExceptionTraceback(_handled);

    /// <summary>Sets 2.7's handled traceback (steals; null clears).</summary>
    public void SetHandledTraceback(PyRef traceback)
    {
        var old = _handledTraceback;
        _handledTraceback = traceback;
        old.XDecRef();
    }

    /// <summary>2.7: gives a re-raised handled exception its traceback back from the thread state.</summary>
    private void ReattachTraceback(PyRef exception)
    {
        if (_api.Heap.Profile.ExceptionStateOutlivesExceptBlock && exception == _handled && ObjectApi.ExceptionTraceback(exception).IsNull)
        {
            ObjectApi.SetExceptionTraceback(exception, _handledTraceback);
        }
    }

    /// <summary>Whether exception <paramref name="exc"/> matches an except clause's class or tuple of classes: 1, 0, or -1.</summary>
    private int ExceptionMatches(PyRef exc, PyRef type)
    {
        if (_api.IsTuple(type))
        {
            for (var i = 0; i < ObjectApi.TupleSize(type); i++)
            {
                var r = ExceptionMatches(exc, ObjectApi.TupleItem(type, i));
                if (r != 0)
                {
                    return r;
                }
            }

            return 0;
        }

        if (!_api.IsExceptionClass(type))
        {
            if (Py27)
            {
                return 0;
            }

            _api.Raise("TypeError", "catching classes that do not inherit from BaseException is not allowed");
            return -1;
        }

        // 2.7's PyErr_GivenExceptionMatches asks PyObject_IsSubclass, which binds a method.
        _api.ModelSubclassCheck();
        return ObjectApi.IsSubclass(exc.Type, type) ? 1 : 0;
    }
}
