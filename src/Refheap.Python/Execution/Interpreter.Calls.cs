using Refheap.Objects;
using Refheap.Objects.Native.Function;
using Refheap.Objects.Native.Frame;
using Refheap.Python.Compiler;

namespace Refheap.Python.Execution;

internal sealed partial class Interpreter
{
    /// <summary>Arguments copied out of a tuple onto the stack rather than into a new array (every call of <c>__init__</c> from a class call goes this way).</summary>
    private const int SmallArgCount = 8;

    /// <summary>What <see cref="Heap.Call"/> adds to the recursion error's message.</summary>
    private const string CallingObject = " while calling a Python object";

    /// <summary>
    /// Calls <paramref name="callable"/> with arguments from the stack (borrowed): the last
    /// <c>len(kwNames)</c> of <paramref name="args"/> are keyword values when
    /// <paramref name="kwNames"/> (a tuple of str) is not null. Python functions and bound
    /// methods of them run without an argument tuple; anything else gets a tuple and a dict.
    /// </summary>
    public PyRef CallValue(PyRef callable, ReadOnlySpan<PyRef> args, PyRef kwNames) => CallValue(callable, args, kwNames, default);

    /// <summary>
    /// <see cref="CallValue(PyRef, ReadOnlySpan{PyRef}, PyRef)"/> that, for a Python function,
    /// also drops the caller's stack references in <paramref name="release"/> once the callee's
    /// frame holds the arguments: 3.x's frames take the arguments over from the caller's stack.
    /// <paramref name="specializedSite"/>: the call is a CALL instruction that ran before
    /// (<see cref="ObjectApi.CallKind"/>).
    /// </summary>
    public PyRef CallValue(PyRef callable, ReadOnlySpan<PyRef> args, PyRef kwNames, Span<PyRef> release, bool specializedSite = false)
    {
        var kwCount = kwNames.IsNull ? 0 : ObjectApi.TupleSize(kwNames);
        var positional = args[..^kwCount];
        var kwValues = args[^kwCount..];
        if (_api.IsPythonFunction(callable))
        {
            return CallPython(callable, PyRef.Null, positional, kwNames, kwValues, release);
        }

        if (_api.IsBoundMethod(callable) && !ObjectApi.MethodSelf(callable).IsNull && _api.IsPythonFunction(ObjectApi.MethodFunction(callable)))
        {
            // Hold the method: the call may drop the caller's last reference to it.
            callable.IncRef();
            var r = CallPython(ObjectApi.MethodFunction(callable), ObjectApi.MethodSelf(callable), positional, kwNames, kwValues, release);
            callable.DecRef();
            return r;
        }

        if (Py27 && kwCount == 0)
        {
            var boundInit = _api.BoundClassInit(callable);
            if (!boundInit.IsNull)
            {
                return ConstructBound(callable, boundInit, positional);
            }
        }
        else if (kwCount == 0)
        {
            var init = _api.PlainClassInit(callable, out var objectInit);
            if (!init.IsNull)
            {
                return ConstructPlain(callable, init, positional);
            }

            if (objectInit && positional.Length == 0)
            {
                // object.__init__ without arguments does nothing: the instance is the call's result.
                return _api.NewPlainInstance(callable);
            }
        }

        // A callable CPython calls with the arguments where they are (vectorcall, METH_O) gets
        // a lent tuple and (3.x) keyword dict that nothing counts; any other gets new ones, as
        // CPython makes.
        var kind = _api.CallKind(callable, positional.Length, kwCount, specializedSite);
        var vector = kind == NativeCallKind.Vector;
        var tuple = vector ? _api.RentArguments(positional) : positional.Length == 0 ? _api.EmptyTuple.NewRef() : _api.Heap.NewTuple(positional);
        if (tuple.IsNull)
        {
            return tuple;
        }

        var kwargs = PyRef.Null;
        var lentKeywords = kwCount > 0 && !Py27 && kind != NativeCallKind.Tuple;
        if (lentKeywords)
        {
            kwargs = _api.RentKeywords(kwNames, kwValues);
            if (kwargs.IsNull)
            {
                ReleaseArguments(tuple, vector);
                return kwargs;
            }
        }
        else if (kwCount > 0)
        {
            kwargs = _api.Heap.NewDict();
            if (kwargs.IsNull)
            {
                ReleaseArguments(tuple, vector);
                return kwargs;
            }

            for (var i = 0; i < kwCount; i++)
            {
                if (_api.DictSet(kwargs, ObjectApi.TupleItem(kwNames, i), kwValues[i]) < 0)
                {
                    ReleaseArguments(tuple, vector);
                    kwargs.DecRef();
                    return PyRef.Null;
                }
            }
        }

        var result = _api.CallObject(callable, tuple, kwargs);
        ReleaseArguments(tuple, vector);
        if (lentKeywords)
        {
            _api.ReturnKeywords(kwargs);
        }
        else
        {
            kwargs.XDecRef();
        }

        return result;
    }

    /// <summary>Drops a call's argument tuple (stolen): gives a lent one back (<see cref="ObjectApi.RentArguments"/>).</summary>
    private void ReleaseArguments(PyRef tuple, bool lent)
    {
        if (lent)
        {
            _api.ReturnArguments(tuple);
        }
        else
        {
            tuple.DecRef();
        }
    }

    /// <summary>
    /// 3.12's call of a plain class (<see cref="ObjectApi.PlainClassInit"/>): the arguments as a
    /// tuple held for the call (_PyObject_MakeTpCall), the instance, then <paramref name="init"/>
    /// (borrowed) run with the instance prepended and no bound method (slot_tp_init).
    /// </summary>
    private PyRef ConstructPlain(PyRef cls, PyRef init, ReadOnlySpan<PyRef> positional)
    {
        var tuple = positional.Length == 0 ? _api.EmptyTuple.NewRef() : _api.Heap.NewTuple(positional);
        if (tuple.IsNull)
        {
            return tuple;
        }

        var instance = _api.NewPlainInstance(cls);
        if (instance.IsNull)
        {
            tuple.DecRef();
            return instance;
        }

        // Held for the call: __init__ may rebind the class's __init__ and drop the function.
        init.IncRef();
        var result = CallPython(init, instance, positional, PyRef.Null, default);
        init.DecRef();
        tuple.DecRef();
        if (_api.FinishInit(result) < 0)
        {
            instance.DecRef();
            return PyRef.Null;
        }

        return instance;
    }

    /// <summary>
    /// 2.7's call of a plain class (<see cref="ObjectApi.BoundClassInit"/>), making what CPython
    /// 2.7 makes in its order — type_call's argument tuple, the instance, slot_tp_init's bound
    /// method of <paramref name="init"/> (borrowed), instancemethod_call's tuple with the instance
    /// in front, the function's frame — and freeing it in its order (that tuple, the bound
    /// method, then the argument tuple), with the three recursion levels of the calls between
    /// them (<see cref="Heap.Call"/>'s): what the generic path (<see cref="ObjectApi.CallObject"/>,
    /// through the class, the bound method and the function) does, without its dispatch and
    /// name lookups. The stack's room is checked once for the three levels (they are entered
    /// within a few hundred bytes of each other).
    /// </summary>
    private PyRef ConstructBound(PyRef cls, PyRef init, ReadOnlySpan<PyRef> positional)
    {
        var args = positional.Length == 0 ? _api.EmptyTuple.NewRef() : _api.Heap.NewTuple(positional);
        if (args.IsNull)
        {
            return args;
        }

        var result = PyRef.Null;
        if (_heap.EnterRecursiveCall(CallingObject))
        {
            var instance = _api.NewPlainInstance(cls);
            result = instance.IsNull ? instance : RunBoundInit(init, instance, positional);
            _heap.LeaveRecursiveCall();
        }

        args.DecRef();
        return result;
    }

    /// <summary>
    /// The rest of <see cref="ConstructBound"/> once <paramref name="instance"/> (stolen) is made:
    /// the instance, or null with the error set (the instance then dropped).
    /// </summary>
    private PyRef RunBoundInit(PyRef init, PyRef instance, ReadOnlySpan<PyRef> positional)
    {
        var bound = _api.NewBoundMethod(init, instance);
        if (bound.IsNull)
        {
            instance.DecRef();
            return bound;
        }

        var result = PyRef.Null;
        if (_heap.EnterNestedRecursiveCall(CallingObject))
        {
            var n = positional.Length + 1;
            Span<PyRef> items = n <= SmallArgCount ? stackalloc PyRef[SmallArgCount] : new PyRef[n];
            items = items[..n];
            items[0] = instance;
            positional.CopyTo(items[1..]);
            var full = _api.Heap.NewTuple(items);
            if (!full.IsNull)
            {
                // Held for the call, as instancemethod_call holds im_func.
                init.IncRef();
                if (_heap.EnterNestedRecursiveCall(CallingObject))
                {
                    result = CallPython(init, PyRef.Null, items, PyRef.Null, default);
                    _heap.LeaveRecursiveCall();
                }

                init.DecRef();
                full.DecRef();
            }

            _heap.LeaveRecursiveCall();
        }

        bound.DecRef();
        if (_api.FinishInit(result) < 0)
        {
            instance.DecRef();
            return PyRef.Null;
        }

        return instance;
    }

    /// <summary>
    /// 3.12's CALL after a LOAD_ATTR for a method: <paramref name="self"/> null means
    /// <paramref name="callable"/> is the attribute itself, called as usual; otherwise it is the
    /// class's function, run with <paramref name="self"/> first (the frame takes the stack's
    /// references over, <paramref name="release"/>: self and the arguments), or a built-in
    /// method descriptor called with <paramref name="self"/> and its arguments (in a lent tuple when
    /// CPython makes none: <see cref="ObjectApi.CallKind"/>).
    /// </summary>
    private PyRef CallMethod(PyRef callable, PyRef self, ReadOnlySpan<PyRef> args, Span<PyRef> release, PyRef kwNames = default)
    {
        if (self.IsNull)
        {
            return CallValue(callable, args, kwNames, release[1..]);
        }

        var kwCount = kwNames.IsNull ? 0 : ObjectApi.TupleSize(kwNames);
        var positional = args[..^kwCount];
        var kwValues = args[^kwCount..];
        if (_api.IsPythonFunction(callable))
        {
            return CallPython(callable, self, positional, kwNames, kwValues, release);
        }

        var kind = _api.CallKind(callable, positional.Length, kwCount, specializedSite: false);
        if (kind == NativeCallKind.SlotWrapper)
        {
            return CallSlotWrapper(callable, self, positional, kwNames, kwValues);
        }

        var vector = kind == NativeCallKind.Vector;
        var tuple = vector ? _api.RentArguments(positional) : positional.Length == 0 ? _api.EmptyTuple.NewRef() : _api.Heap.NewTuple(positional);
        if (tuple.IsNull)
        {
            return tuple;
        }

        // Keywords: where they are for METH_FASTCALL | METH_KEYWORDS (a lent dict), else a new dict.
        var kwargs = PyRef.Null;
        if (kwCount > 0)
        {
            kwargs = kind != NativeCallKind.Tuple ? _api.RentKeywords(kwNames, kwValues) : KeywordDict(kwNames, kwValues);
            if (kwargs.IsNull)
            {
                ReleaseArguments(tuple, vector);
                return kwargs;
            }
        }

        var result = _api.CallMethodDescriptor(callable, self, tuple, kwargs);
        ReleaseArguments(tuple, vector);
        if (kind != NativeCallKind.Tuple)
        {
            if (!kwargs.IsNull)
            {
                _api.ReturnKeywords(kwargs);
            }
        }
        else
        {
            kwargs.XDecRef();
        }

        return result;
    }

    /// <summary>
    /// A slot wrapper (<c>lst.__len__()</c>, <c>object.__eq__</c> through a method call) after
    /// 3.12's LOAD_ATTR: the descriptor is called with a new tuple of <paramref name="self"/> and
    /// the arguments (_PyObject_MakeTpCall), and slices the arguments into a tuple of their own
    /// (wrapperdescr_call) for the slot; both die after the call. A new reference or null.
    /// </summary>
    private PyRef CallSlotWrapper(PyRef callable, PyRef self, ReadOnlySpan<PyRef> positional, PyRef kwNames, ReadOnlySpan<PyRef> kwValues)
    {
        PyRef[] items = [self, .. positional];
        var full = _api.Heap.NewTuple(items);
        if (full.IsNull)
        {
            return full;
        }

        var kwargs = kwNames.IsNull ? PyRef.Null : KeywordDict(kwNames, kwValues);
        var rest = !kwNames.IsNull && kwargs.IsNull ? PyRef.Null
            : positional.Length == 0 ? _api.EmptyTuple.NewRef() : _api.Heap.NewTuple(positional);
        var result = rest.IsNull ? PyRef.Null : _api.CallMethodDescriptor(callable, self, rest, kwargs);
        rest.XDecRef();
        kwargs.XDecRef();
        full.DecRef();
        return result;
    }

    /// <summary>A new dict of keyword arguments (values borrowed), or null with the error set.</summary>
    private PyRef KeywordDict(PyRef kwNames, ReadOnlySpan<PyRef> kwValues)
    {
        var kwargs = _api.Heap.NewDict();
        for (var i = 0; !kwargs.IsNull && i < kwValues.Length; i++)
        {
            if (_api.DictSet(kwargs, ObjectApi.TupleItem(kwNames, i), kwValues[i]) < 0)
            {
                kwargs.DecRef();
                kwargs = PyRef.Null;
            }
        }

        return kwargs;
    }

    /// <summary><c>f(*args, **kwargs)</c> where <paramref name="args"/> is a list and <paramref name="kwargs"/> a dict or null (borrowed).</summary>
    private PyRef CallWithList(PyRef callable, PyRef args, PyRef kwargs)
    {
        var tuple = _api.TupleFromIterable(args);
        if (tuple.IsNull)
        {
            return tuple;
        }

        var result = CallTuple(callable, tuple, kwargs);
        tuple.DecRef();
        return result;
    }

    /// <summary>Calls with a tuple and a dict or null (borrowed), running Python functions directly.</summary>
    public PyRef CallTuple(PyRef callable, PyRef args, PyRef kwargs)
    {
        if (_api.IsPythonFunction(callable) || (_api.IsBoundMethod(callable) && !ObjectApi.MethodSelf(callable).IsNull && _api.IsPythonFunction(ObjectApi.MethodFunction(callable))))
        {
            var n = ObjectApi.TupleSize(args);
            Span<PyRef> items = n <= SmallArgCount ? stackalloc PyRef[SmallArgCount] : new PyRef[n];
            items = items[..n];
            for (var i = 0; i < n; i++)
            {
                items[i] = ObjectApi.TupleItem(args, i);
            }

            var (names, values) = KeywordArrays(kwargs);
            callable.IncRef();
            var r = _api.IsPythonFunction(callable)
                ? CallPython(callable, PyRef.Null, items, names, values)
                : CallPython(ObjectApi.MethodFunction(callable), ObjectApi.MethodSelf(callable), items, names, values);
            callable.DecRef();
            names.XDecRef();
            return r;
        }

        return _api.CallObject(callable, args, kwargs);
    }

    /// <summary>A keyword dict as a names tuple (new reference, or null when empty) and its values (borrowed).</summary>
    private (PyRef Names, PyRef[] Values) KeywordArrays(PyRef kwargs)
    {
        if (kwargs.IsNull || _api.DictCount(kwargs) == 0)
        {
            return (PyRef.Null, []);
        }

        var items = _api.DictItems(kwargs);
        var names = new PyRef[items.Count];
        var values = new PyRef[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            names[i] = items[i].Key;
            values[i] = items[i].Value;
        }

        return (_api.Heap.NewTuple(names), values);
    }

    /// <summary>The hook through which the runtime calls Python functions (from built-ins, callbacks, finalizers).</summary>
    private PyRef InvokeFunction(PyRef function, PyRef args, PyRef kwargs)
    {
        var n = ObjectApi.TupleSize(args);
        Span<PyRef> items = n <= SmallArgCount ? stackalloc PyRef[SmallArgCount] : new PyRef[n];
        items = items[..n];
        for (var i = 0; i < n; i++)
        {
            items[i] = ObjectApi.TupleItem(args, i);
        }

        var (names, values) = KeywordArrays(kwargs);
        var r = CallPython(function, PyRef.Null, items, names, values);
        names.XDecRef();
        return r;
    }

    /// <summary>
    /// Runs a Python function: makes its frame, binds the arguments (borrowed) into its slots,
    /// makes its cells, then runs it — or, for a generator function, returns a generator
    /// over the new frame.
    /// </summary>
    private PyRef CallPython(PyRef function, PyRef self, ReadOnlySpan<PyRef> positional, PyRef kwNames, ReadOnlySpan<PyRef> kwValues, Span<PyRef> release = default)
    {
        var code = ObjectApi.FunctionCode(function);
        var unit = (CodeUnit)_api.CodePayload(code);
        var frame = _api.NewFrame(code, ObjectApi.FunctionGlobals(function), _builtins, PyRef.Null, unit.IsGenerator ? PyRef.Null : _current, unit.SlotCount);
        if (frame.IsNull)
        {
            return frame;
        }

        var slots = ObjectApi.FrameSlots(frame);
        if (!(BindExactPositional(unit, slots, self, positional, kwNames) || BindArguments(function, unit, slots, self, positional, kwNames, kwValues))
            || (unit.CellNames.Length + unit.FreeNames.Length > 0 && !MakeCells(function, unit, slots)))
        {
            frame.DecRef();
            return PyRef.Null;
        }

        foreach (ref var r in release)
        {
            var v = r;
            r = default;
            v.XDecRef();
        }

        if (unit.IsGenerator)
        {
            var generator = _api.NewGenerator(frame, code, ObjectApi.FunctionName(function), ObjectApi.FunctionQualifiedName(function), function);
            ObjectApi.FrameState(frame) = (int)FrameState.Created;
            frame.DecRef();
            return generator;
        }

        var result = Execute(frame, unit, PyRef.Null, false);
        frame.DecRef();
        return result;
    }

    private bool MakeCells(PyRef function, CodeUnit unit, Span<PyRef> slots)
    {
        var local = unit.LocalNames.Length;
        for (var i = 0; i < unit.CellNames.Length; i++)
        {
            var fromParameter = unit.CellParameter[i];
            var initial = fromParameter >= 0 ? slots[fromParameter] : PyRef.Null;
            var cell = _api.NewCell(initial);
            if (cell.IsNull)
            {
                return false;
            }

            slots[local + i] = cell;
        }

        if (unit.FreeNames.Length > 0)
        {
            var closure = ObjectApi.FunctionClosure(function);
            for (var i = 0; i < unit.FreeNames.Length; i++)
            {
                slots[local + unit.CellNames.Length + i] = ObjectApi.TupleItem(closure, i).NewRef();
            }
        }

        return true;
    }

    private string FunctionLabel(PyRef function) =>
        ObjectApi.StrText(Py27 ? ObjectApi.FunctionName(function) : ObjectApi.FunctionQualifiedName(function));

    /// <summary>
    /// The common call, bound in line: exactly the positional parameters, no keywords, no
    /// <c>*args</c> or <c>**kwargs</c> (the first case of <see cref="BindArguments"/>, which does the
    /// same). False, having bound nothing, for any other call.
    /// </summary>
    private static bool BindExactPositional(CodeUnit unit, Span<PyRef> slots, PyRef self, ReadOnlySpan<PyRef> positional, PyRef kwNames)
    {
        var at = self.IsNull ? 0 : 1;
        if (positional.Length + at != unit.ArgCount || !kwNames.IsNull || unit.KeywordOnlyCount != 0 || unit.HasVarArgs || unit.HasVarKeywords)
        {
            return false;
        }

        if (at != 0)
        {
            slots[0] = ObjectApi.NewRef(self);
        }

        foreach (var v in positional)
        {
            slots[at++] = ObjectApi.NewRef(v);
        }

        return true;
    }

    /// <summary>Binds call arguments to parameters as CPython's <c>_PyEval_MakeFrame</c> does, with its error messages per version.</summary>
    private bool BindArguments(PyRef function, CodeUnit unit, Span<PyRef> slots, PyRef self, ReadOnlySpan<PyRef> positional, PyRef kwNames, ReadOnlySpan<PyRef> kwValues)
    {
        var argCount = unit.ArgCount;
        var kwOnly = unit.KeywordOnlyCount;
        var given = positional.Length + (self.IsNull ? 0 : 1);
        if (given == argCount && kwNames.IsNull && kwOnly == 0 && !unit.HasVarArgs && !unit.HasVarKeywords)
        {
            // The common call: exactly the positional parameters, nothing else to bind.
            var at = 0;
            if (!self.IsNull)
            {
                slots[at++] = self.NewRef();
            }

            foreach (var v in positional)
            {
                slots[at++] = v.NewRef();
            }

            return true;
        }

        var copied = Math.Min(given, argCount);
        for (var i = 0; i < copied; i++)
        {
            var v = !self.IsNull ? (i == 0 ? self : positional[i - 1]) : positional[i];
            slots[i] = v.NewRef();
        }

        var next = argCount + kwOnly;
        if (unit.HasVarArgs)
        {
            var extra = new PyRef[Math.Max(0, given - argCount)];
            for (var i = 0; i < extra.Length; i++)
            {
                var index = argCount + i;
                extra[i] = !self.IsNull ? (index == 0 ? self : positional[index - 1]) : positional[index];
            }

            var tuple = _api.Heap.NewTuple(extra);
            if (tuple.IsNull)
            {
                return false;
            }

            slots[next++] = tuple;
        }
        else if (given > argCount)
        {
            RaiseTooManyPositional(function, unit, given, kwNames);
            return false;
        }

        var kwDict = PyRef.Null;
        if (unit.HasVarKeywords)
        {
            kwDict = _api.Heap.NewDict();
            if (kwDict.IsNull)
            {
                return false;
            }

            slots[next] = kwDict;
        }

        var kwCount = kwNames.IsNull ? 0 : ObjectApi.TupleSize(kwNames);
        var parameterNames = unit.ParameterNameObjects;
        for (var k = 0; k < kwCount; k++)
        {
            var name = ObjectApi.TupleItem(kwNames, k);
            var index = -1;
            var posOnly = unit.PositionalOnlyCount;
            for (var p = posOnly; p < argCount + kwOnly; p++)
            {
                if (parameterNames[p] == name)
                {
                    index = p;
                    break;
                }
            }

            if (index < 0)
            {
                var text = ObjectApi.StrText(name);
                for (var p = posOnly; p < argCount + kwOnly; p++)
                {
                    if (unit.LocalNames[p] == text)
                    {
                        index = p;
                        break;
                    }
                }
            }

            if (index < 0)
            {
                if (kwDict.IsNull)
                {
                    var passed = PositionalOnlyPassedAsKeyword(unit, kwNames);
                    _api.Raise("TypeError", passed.Count > 0
                        ? $"{FunctionLabel(function)}() got some positional-only arguments passed as keyword arguments: '{string.Join(", ", passed)}'"
                        : $"{FunctionLabel(function)}() got an unexpected keyword argument '{ObjectApi.StrText(name)}'");
                    return false;
                }

                if (_api.DictSet(kwDict, name, kwValues[k]) < 0)
                {
                    return false;
                }

                continue;
            }

            if (!slots[index].IsNull)
            {
                _api.Raise("TypeError", $"{FunctionLabel(function)}() got multiple values for {(Py27 ? "keyword " : "")}argument '{ObjectApi.StrText(name)}'");
                return false;
            }

            slots[index] = kwValues[k].NewRef();
        }

        var defaults = ObjectApi.FunctionDefaults(function);
        var defaultCount = defaults.IsNull ? 0 : ObjectApi.TupleSize(defaults);
        var firstDefault = argCount - defaultCount;
        List<string>? missing = null;
        for (var i = 0; i < argCount; i++)
        {
            if (!slots[i].IsNull)
            {
                continue;
            }

            if (i >= firstDefault)
            {
                slots[i] = ObjectApi.TupleItem(defaults, i - firstDefault).NewRef();
            }
            else
            {
                (missing ??= []).Add(unit.LocalNames[i]);
            }
        }

        if (missing != null)
        {
            RaiseMissing(function, unit, missing, "positional", given, kwCount);
            return false;
        }

        var kwDefaults = ObjectApi.FunctionKeywordDefaults(function);
        for (var i = argCount; i < argCount + kwOnly; i++)
        {
            if (!slots[i].IsNull)
            {
                continue;
            }

            var d = kwDefaults.IsNull ? PyRef.Null : _api.DictGet(kwDefaults, parameterNames[i]);
            if (d.IsNull)
            {
                (missing ??= []).Add(unit.LocalNames[i]);
            }
            else
            {
                slots[i] = d.NewRef();
            }
        }

        if (missing != null)
        {
            RaiseMissing(function, unit, missing, "keyword-only", given, kwCount);
            return false;
        }

        return true;
    }

    /// <summary>
    /// positional_only_passed_as_keyword: the positional-only parameters, in their order, whose
    /// names the call passed as keywords (a keyword never binds one).
    /// </summary>
    private static List<string> PositionalOnlyPassedAsKeyword(CodeUnit unit, PyRef kwNames)
    {
        var passed = new List<string>();
        for (var p = 0; p < unit.PositionalOnlyCount; p++)
        {
            for (var k = 0; k < ObjectApi.TupleSize(kwNames); k++)
            {
                if (ObjectApi.StrText(ObjectApi.TupleItem(kwNames, k)) == unit.LocalNames[p])
                {
                    passed.Add(unit.LocalNames[p]);
                    break;
                }
            }
        }

        return passed;
    }

    private void RaiseTooManyPositional(PyRef function, CodeUnit unit, int given, PyRef kwNames)
    {
        var name = FunctionLabel(function);
        var defaults = ObjectApi.FunctionDefaults(function);
        var defaultCount = defaults.IsNull ? 0 : ObjectApi.TupleSize(defaults);
        var argCount = unit.ArgCount;
        if (Py27)
        {
            var kwCount = kwNames.IsNull ? 0 : ObjectApi.TupleSize(kwNames);
            var quantifier = defaultCount > 0 ? "at most" : "exactly";
            _api.Raise("TypeError", $"{name}() takes {quantifier} {argCount} argument{(argCount == 1 ? "" : "s")} ({given + kwCount} given)");
            return;
        }

        var expected = defaultCount > 0 ? $"from {argCount - defaultCount} to {argCount}" : argCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var plural = defaultCount > 0 || argCount != 1 ? "s" : "";
        _api.Raise("TypeError", $"{name}() takes {expected} positional argument{plural} but {given} {(given == 1 ? "was" : "were")} given");
    }

    private void RaiseMissing(PyRef function, CodeUnit unit, List<string> missing, string kind, int given, int kwCount)
    {
        var name = FunctionLabel(function);
        if (Py27)
        {
            var defaults = ObjectApi.FunctionDefaults(function);
            var quantifier = !defaults.IsNull || unit.HasVarArgs ? "at least" : "exactly";
            var required = unit.ArgCount - (defaults.IsNull ? 0 : ObjectApi.TupleSize(defaults));
            _api.Raise("TypeError", $"{name}() takes {quantifier} {required} argument{(required == 1 ? "" : "s")} ({given + kwCount} given)");
            return;
        }

        var quoted = missing.Select(m => $"'{m}'").ToList();
        var list = quoted.Count switch
        {
            1 => quoted[0],
            2 => $"{quoted[0]} and {quoted[1]}",
            _ => string.Join(", ", quoted.Take(quoted.Count - 1)) + ", and " + quoted[^1],
        };
        _api.Raise("TypeError", $"{name}() missing {missing.Count} required {kind} argument{(missing.Count == 1 ? "" : "s")}: {list}");
    }

    /// <summary>Merges <paramref name="mapping"/> into a call's keyword dict; a repeated key is CPython's TypeError.</summary>
    private int MergeKeywords(PyRef dict, PyRef mapping, PyRef callable)
    {
        if (!_api.IsDictObject(mapping))
        {
            _api.Raise("TypeError", $"{FunctionStr(callable)} argument after ** must be a mapping, not {ObjectApi.TypeName(mapping)}");
            return -1;
        }

        foreach (var (key, value) in _api.DictItems(mapping))
        {
            var existing = _api.DictGet(dict, key);
            if (!existing.IsNull)
            {
                _api.Raise("TypeError", $"{CallableLabel(callable)} got multiple values for keyword argument '{(_api.IsStr(key) ? ObjectApi.StrText(key) : "?")}'");
                return -1;
            }

            if (_api.DictSet(dict, key, value) < 0)
            {
                return -1;
            }
        }

        return 0;
    }

    private string CallableLabel(PyRef callable) =>
        _api.IsPythonFunction(callable) ? FunctionLabel(callable) + "()" : ObjectApi.TypeName(callable) + " object";

    /// <summary>MakeFunction: pops the code, closure, keyword defaults and defaults the flags say are there.</summary>
    private PyRef MakeFunction(Span<PyRef> slots, ref int sp, int flags, PyRef globals)
    {
        var code = Pop(slots, ref sp);
        var closure = (flags & 4) != 0 ? Pop(slots, ref sp) : PyRef.Null;
        var kwDefaults = (flags & 2) != 0 ? Pop(slots, ref sp) : PyRef.Null;
        var defaults = (flags & 1) != 0 ? Pop(slots, ref sp) : PyRef.Null;
        var unit = (CodeUnit)_api.CodePayload(code);
        var function = _api.NewPythonFunction(code, globals, _api.Intern(unit.Name), _api.Intern(unit.QualifiedName));
        code.DecRef();
        if (function.IsNull)
        {
            closure.XDecRef();
            kwDefaults.XDecRef();
            defaults.XDecRef();
            return function;
        }

        ObjectApi.SetFunctionParts(function, defaults, kwDefaults, closure);
        if (unit.Constants is [string, ..])
        {
            // func_new: the first constant, a function's docstring or None (a lambda's None).
            ObjectApi.SetFunctionDoc(function, unit.ConstantObjects[0]);
        }

        return function;
    }

    /// <summary>2.7's PyGen_NeedsFinalizing: a suspended frame stopped inside a try, except, finally or with block.</summary>
    private bool FrameNeedsFinalizing(PyRef frame)
    {
        var unit = (CodeUnit)_api.CodePayload(ObjectApi.FrameCode(frame));
        var yieldAt = ObjectApi.FramePc(frame) - 1;
        return (uint)yieldAt < (uint)unit.HandlerAt.Length && unit.HandlerAt[yieldAt] >= 0;
    }

    /// <summary>The hook through which the runtime resumes generators (next, send, throw, close).</summary>
    private PyRef ResumeGenerator(PyRef generator, PyRef value, bool isThrow)
    {
        var frame = ObjectApi.GeneratorFrame(generator);
        if (frame.IsNull || (ObjectApi.FrameState(frame) & (int)FrameState.Completed) != 0)
        {
            return isThrow ? _heap.RestoreError(value.NewRef()) : PyRef.Null;
        }

        ref var running = ref ObjectApi.GeneratorRunning(generator);
        if (running != 0)
        {
            return _api.Raise("ValueError", "generator already executing");
        }

        var state = ObjectApi.FrameState(frame);
        if ((state & (int)FrameState.Suspended) == 0)
        {
            if (isThrow)
            {
                ObjectApi.FrameState(frame) = (int)FrameState.Completed;
                ObjectApi.ClearGeneratorFrame(generator);
                return _heap.RestoreError(value.NewRef());
            }

            if (!value.IsNull && !_api.IsNone(value))
            {
                return _api.Raise("TypeError", "can't send non-None value to a just-started generator");
            }
        }

        generator.IncRef();
        frame.IncRef();
        running = 1;
        ObjectApi.SetFrameBack(frame, _current);
        var result = Execute(frame, value, isThrow);
        var yielded = _yielded;
        _yielded = false;
        ObjectApi.GeneratorRunning(generator) = 0;
        ObjectApi.SetFrameBack(frame, PyRef.Null);
        if (!yielded && ObjectApi.GeneratorFrame(generator) == frame)
        {
            ObjectApi.ClearGeneratorFrame(generator);
        }

        frame.DecRef();
        generator.DecRef();
        if (!yielded && !result.IsNull)
        {
            // A generator's return value ends the iteration: 3.x raises StopIteration(value)
            // (next() and for loops take it as exhaustion; send() and yield from see the value).
            if (Py27 || _api.IsNone(result))
            {
                result.DecRef();
                return PyRef.Null;
            }

            var stop = CallValue(_api.ExceptionClass("StopIteration"), [result], default);
            result.DecRef();
            return stop.IsNull ? stop : _heap.RestoreError(stop);
        }

        return result;
    }

    /// <summary>
    /// One step of <c>yield from</c>: sends <paramref name="value"/> (None: next) into the
    /// sub-iterator. Returns what it yielded (<paramref name="finished"/> false), or its
    /// return value (<paramref name="finished"/> true); null with the error set on failure.
    /// </summary>
    private PyRef DelegateStep(PyRef iterator, PyRef value, out bool finished)
    {
        finished = false;
        PyRef r;
        if (_api.IsGenerator(iterator))
        {
            r = ResumeGenerator(iterator, _api.IsNone(value) ? PyRef.Null : value, false);
        }
        else if (_api.IsNone(value))
        {
            r = _api.IterNext(iterator);
        }
        else
        {
            var send = _api.GetAttr(iterator, _api.Intern("send"));
            r = send.IsNull ? send : CallValue(send, [value], default);
            send.XDecRef();
        }

        if (!r.IsNull)
        {
            return r;
        }

        if (!_heap.ErrorOccurred)
        {
            finished = true;
            return _api.NoneObject.NewRef();
        }

        if (!_heap.ErrorMatches(_heap.Types.Exceptions.StopIteration))
        {
            return PyRef.Null;
        }

        // The sub-iterator's return value is StopIteration's value (its first argument).
        finished = true;
        var stop = _heap.FetchError();
        var args = _api.GetAttr(stop, _api.Intern("args"));
        stop.DecRef();
        if (args.IsNull)
        {
            return args;
        }

        var result = _api.IsTuple(args) && ObjectApi.TupleSize(args) > 0 ? ObjectApi.TupleItem(args, 0).NewRef() : _api.NoneObject.NewRef();
        args.DecRef();
        return result;
    }
}
