using System.Numerics;
using Refheap.Python.Syntax.Ast;

namespace Refheap.Python.Compiler;

/// <summary>
/// Turns one scope of the tree into a <see cref="CodeUnit"/>: a stack-machine instruction
/// array with a handler per instruction (exceptions unwind through a table, as CPython
/// 3.11+ does, so a suspended generator needs no block stack). <c>finally</c> bodies are
/// copied inline on every way out of their <c>try</c> (return, break, continue, normal
/// exit) and once more as the exception path.
/// </summary>
/// <remarks>Split by concern: this file holds emission and names; statements, expressions and the try/with forms live in partial files.</remarks>
internal sealed partial class CodeGenerator
{
    private const int StackSlack = 2;

    /// <summary>ListExtend's argument in a display (<c>[*x]</c>) or a call CPython builds a list for: a non-iterable is "Value after * must be an iterable".</summary>
    internal const int ListExtendInDisplay = 1;

    /// <summary>ListExtend's argument for a call's <c>*x</c> reported naming the function (below the list on the stack).</summary>
    internal const int ListExtendInCall = 2;

    private readonly Compilation _compilation;
    private readonly Scope _scope;
    private readonly string _qualifiedName;
    private readonly int _firstLine;
    private readonly List<int> _code = [];
    private readonly List<int> _lines = [];
    private readonly List<int> _handlerAt = [];
    private readonly List<ExceptionHandler> _handlers = [];
    private readonly List<Label> _handlerLabels = [];
    private readonly List<int> _activeHandlers = [];
    private readonly List<object?> _constants = [];
    private readonly Dictionary<(Type, object?), int> _constantIndex = [];
    private readonly List<string> _names = [];
    private readonly Dictionary<string, int> _nameIndex = [];
    private readonly List<Block> _blocks = [];

    /// <summary>The inlined comprehensions (PEP 709) being compiled into this code, innermost last.</summary>
    private readonly List<Scope> _inlined = [];

    /// <summary>What the statement being compiled does with its value when that is an inlined comprehension; taken by it.</summary>
    private ComprehensionConsumer? _comprehensionConsumer;
    private int _depth;
    private int _maxDepth;
    private int _line;
    private readonly List<Syntax.SourceSpan> _spans = [];
    private Syntax.SourceSpan _span;
    private bool _reachable = true;

    private CodeGenerator(Compilation compilation, Scope scope, string qualifiedName, int firstLine)
    {
        _compilation = compilation;
        _scope = scope;
        _qualifiedName = qualifiedName;
        _firstLine = firstLine;
        _line = firstLine;
    }

    private PythonDialect Dialect => _compilation.Dialect;

    private bool Py27 => _compilation.Dialect.PrintIsStatement;

    /// <summary>Compiles a module.</summary>
    public static CodeUnit CompileModule(Compilation compilation, ModuleNode module)
    {
        var g = new CodeGenerator(compilation, compilation.ScopeOf(module), "<module>", 1);
        g.VisitBody(module.Body);
        g.EmitReturnNone();
        var unit = g.Finish("<module>", 0, 0, 0, false, false);
        unit.Footprint = CompileFootprint.Of(compilation.ScopeOf(module));
        return unit;
    }

    private CodeUnit Finish(string name, int argCount, int positionalOnlyCount, int keywordOnlyCount, bool varArgs, bool varKeywords)
    {
        foreach (var label in _handlerLabels)
        {
            if (label.Target < 0)
            {
                throw new InvalidOperationException("an exception handler was never emitted");
            }
        }

        var handlers = new ExceptionHandler[_handlers.Count];
        for (var i = 0; i < handlers.Length; i++)
        {
            handlers[i] = _handlers[i] with { Target = _handlerLabels[i].Target };
        }

        var local = _scope.LocalNames.ToArray();
        var cells = _scope.CellNames.ToArray();
        var cellParameter = cells.Select(c => Array.IndexOf(local, c)).ToArray();
        return new CodeUnit
        {
            Name = name,
            QualifiedName = _qualifiedName,
            FileName = _compilation.FileName,
            FirstLine = _firstLine,
            Kind = _scope.Kind,
            Code = [.. _code],
            Lines = [.. _lines],
            Spans = [.. _spans],
            HandlerAt = [.. _handlerAt],
            Handlers = handlers,
            Constants = [.. _constants],
            Names = [.. _names],
            LocalNames = local,
            CellNames = cells,
            FreeNames = [.. _scope.FreeNames],
            CellParameter = cellParameter,
            ArgCount = argCount,
            PositionalOnlyCount = positionalOnlyCount,
            KeywordOnlyCount = keywordOnlyCount,
            HasVarArgs = varArgs,
            HasVarKeywords = varKeywords,
            IsGenerator = _scope.IsGenerator,
            StackSize = _maxDepth + StackSlack,
            MaxDepth = _maxDepth,
        };
    }

    private PythonUnsupportedError Unsupported(string feature, Node node) =>
        new(feature, _compilation.FileName, node.Line, node.Column);

    // ---- emission -------------------------------------------------------------------

    private void Emit(OpCode op, int arg = 0)
    {
        if (arg > Instruction.MaxArgument)
        {
            throw new InvalidOperationException("instruction argument out of range");
        }

        _code.Add(Instruction.Encode(op, arg));
        _lines.Add(_line);
        _spans.Add(_span);
        _handlerAt.Add(_activeHandlers.Count == 0 ? -1 : _activeHandlers[^1]);
        _depth += StackEffect(op, arg);
        if (_depth > _maxDepth)
        {
            _maxDepth = _depth;
        }

        if (op is OpCode.Jump or OpCode.ReturnValue or OpCode.Raise or OpCode.Reraise or OpCode.PopExceptReraise)
        {
            _reachable = false;
        }
    }

    private void EmitJump(OpCode op, Label target)
    {
        var targetDepth = op switch
        {
            OpCode.JumpIfFalseOrPop or OpCode.JumpIfTrueOrPop => _depth,
            OpCode.PopJumpIfFalse or OpCode.PopJumpIfTrue => _depth - 1,
            OpCode.ForIter => _depth - 1,
            _ => _depth,
        };
        if (target.Depth < 0)
        {
            target.Depth = targetDepth;
        }

        if (target.Target >= 0)
        {
            Emit(op, target.Target);
        }
        else
        {
            target.Patches.Add(_code.Count);
            Emit(op, 0);
        }
    }

    private void Bind(Label label)
    {
        label.Target = _code.Count;
        foreach (var p in label.Patches)
        {
            _code[p] = Instruction.Encode(Instruction.Op(_code[p]), label.Target);
        }

        label.Patches.Clear();
        if (label.Depth >= 0)
        {
            _depth = label.Depth;
        }

        _reachable = true;
    }

    private static int StackEffect(OpCode op, int arg) => op switch
    {
        OpCode.Nop => 0,
        OpCode.PopTop => -1,
        OpCode.RotTwo or OpCode.RotThree => 0,
        OpCode.DupTop => 1,
        OpCode.DupTopTwo => 2,
        OpCode.DupTopN => arg,
        OpCode.RotN => 0,
        OpCode.LoadConst or OpCode.LoadFast or OpCode.LoadDeref or OpCode.LoadClosure or OpCode.LoadGlobal or OpCode.LoadName => 1,
        OpCode.StoreFast or OpCode.StoreDeref or OpCode.StoreGlobal or OpCode.StoreName => -1,
        OpCode.DeleteFast or OpCode.DeleteDeref or OpCode.DeleteGlobal or OpCode.DeleteName => 0,
        OpCode.LoadAttr => 0,
        OpCode.StoreAttr => -2,
        OpCode.DeleteAttr => -1,
        OpCode.BinarySubscript => -1,
        OpCode.StoreSubscript => -3,
        OpCode.DeleteSubscript => -2,
        OpCode.Slice => -BitOperations.PopCount((uint)arg),
        OpCode.StoreSlice => -2 - BitOperations.PopCount((uint)arg),
        OpCode.DeleteSlice => -1 - BitOperations.PopCount((uint)arg),
        OpCode.BuildSlice => 1 - BitOperations.PopCount((uint)arg),
        OpCode.BinaryOp or OpCode.InPlaceOp or OpCode.CompareOp => -1,
        OpCode.UnaryOp => 0,
        OpCode.Jump => 0,
        OpCode.PopJumpIfFalse or OpCode.PopJumpIfTrue => -1,
        OpCode.JumpIfFalseOrPop or OpCode.JumpIfTrueOrPop => -1,
        OpCode.GetIter => 0,
        OpCode.ForIter => 1,
        OpCode.BuildTuple or OpCode.BuildList or OpCode.BuildSet or OpCode.BuildString => 1 - arg,
        OpCode.BuildMap => 1 - (2 * arg),
        OpCode.ListAppend or OpCode.SetAdd => -1,
        OpCode.MapAdd => -2,
        OpCode.ListExtend or OpCode.DictMerge or OpCode.SetUpdate or OpCode.DictUpdate => -1,
        OpCode.ListToTuple => 0,
        OpCode.UnpackSequence => arg - 1,
        OpCode.UnpackExtended => (arg & 0xFF) + (arg >> 8),
        OpCode.Call => -arg,
        OpCode.LoadMethod => 1,
        OpCode.CallMethod => -arg - 1,
        OpCode.CallMethodKeywords => -arg - 2,
        OpCode.CallKeywords => -arg - 1,
        OpCode.CallEx => (arg & 1) != 0 ? -2 : -1,
        OpCode.MakeFunction => -BitOperations.PopCount((uint)arg),
        OpCode.ReturnValue => -1,
        OpCode.YieldValue => 0,
        OpCode.YieldFrom => -1,
        OpCode.Raise => arg == 3 ? -2 : -arg,
        OpCode.Reraise => -1,
        OpCode.PushExcInfo => 1,
        OpCode.PopExcept => -1,
        OpCode.PopExceptReraise => -2,
        OpCode.CheckExcMatch => 0,
        OpCode.PrintItem => -1,
        OpCode.PrintNewline => 0,
        OpCode.PrintItemTo => -2,
        OpCode.PrintNewlineTo => -1,
        OpCode.ImportName => -1,
        OpCode.ImportFrom => 1,
        OpCode.ImportStar => -1,
        OpCode.BuildClass => -2 - arg,
        OpCode.BeforeWith => 1,
        OpCode.WithExitNormal => -1,
        OpCode.WithExitException => -3,
        OpCode.FormatValue => (arg & 1) != 0 ? -1 : 0,
        OpCode.LoadAssertionError or OpCode.LoadLocals => 1,
        OpCode.Unsupported => 0,
        OpCode.LoadFastAndClear or OpCode.ReplaceCell => 1,
        OpCode.Swap => 0,
        _ => throw new InvalidOperationException($"no stack effect for {op}"),
    };

    // ---- handlers -------------------------------------------------------------------

    /// <summary>Makes instructions emitted from now on go to <paramref name="target"/> on an exception, with the stack cut to <paramref name="depth"/>.</summary>
    private void PushHandler(Label target, int depth)
    {
        _handlers.Add(new ExceptionHandler(-1, depth));
        _handlerLabels.Add(target);
        _activeHandlers.Add(_handlers.Count - 1);
        target.Depth = depth + 1;
    }

    private void PopHandler() => _activeHandlers.RemoveAt(_activeHandlers.Count - 1);

    // ---- constants and names --------------------------------------------------------

    private int Constant(object? value)
    {
        // Keys by type and value, so 1, 1.0 and True stay distinct; code units and name lists by identity.
        var key = value switch
        {
            // 3.12 merges equal constant tuples; 2.7's peephole appends each fold as its own.
            TupleConstant t when !Py27 => (typeof(TupleConstant), t.Key),
            CodeUnit or KeywordNames or TupleConstant => (value.GetType(), (object?)new IdentityKey(value)),
            _ => (value?.GetType() ?? typeof(void), value),
        };
        if (value is double d && (d == 0 || double.IsNaN(d)))
        {
            key = (typeof(double), BitConverter.DoubleToInt64Bits(d));
        }

        if (!_constantIndex.TryGetValue(key, out var index))
        {
            index = _constants.Count;
            _constants.Add(value);
            _constantIndex[key] = index;
        }

        return index;
    }

    private sealed record IdentityKey(object Value)
    {
        public bool Equals(IdentityKey? other) => other != null && ReferenceEquals(Value, other.Value);

        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Value);
    }

    private void LoadConstant(object? value) => Emit(OpCode.LoadConst, Constant(value));

    private int Name(string name)
    {
        if (!_nameIndex.TryGetValue(name, out var index))
        {
            index = _names.Count;
            _names.Add(name);
            _nameIndex[name] = index;
        }

        return index;
    }

    /// <summary>An attribute's entry in <c>co_names</c>: a private name is mangled as a variable's is.</summary>
    private int AttributeName(string name) => Name(_scope.Mangle(name));

    private int CellSlot(string name)
    {
        var local = _scope.LocalNames.Count;
        var cell = _scope.CellNames.IndexOf(name);
        if (cell >= 0)
        {
            return local + cell;
        }

        var free = _scope.FreeNames.IndexOf(name);
        if (free < 0)
        {
            throw new InvalidOperationException($"'{name}' is neither a cell nor a free variable of {_scope.Name}");
        }

        return local + _scope.CellNames.Count + free;
    }

    /// <summary>
    /// Where <paramref name="name"/> lives for the code being compiled: a fast slot, a cell or
    /// free slot (<see cref="NameBinding.Cell"/>), or a global or namespace name; with the slot.
    /// Inside an inlined comprehension its own variables are the slots it saved, and the rest
    /// are where the frame keeps them.
    /// </summary>
    private (NameBinding Binding, int Slot) Locate(string name)
    {
        NameBinding binding;
        if (_inlined.Count == 0)
        {
            binding = _scope.Binding(name);
            return binding switch
            {
                NameBinding.Fast => (binding, _scope.LocalNames.IndexOf(name)),
                NameBinding.Cell or NameBinding.Free => (NameBinding.Cell, CellSlot(name)),
                _ => (binding, -1),
            };
        }

        for (var i = _inlined.Count - 1; i >= 0; i--)
        {
            var comprehension = _inlined[i];
            if (comprehension.IsLocal(name))
            {
                return comprehension.CellNames.Contains(name) ? (NameBinding.Cell, CellSlot(name)) : (NameBinding.Fast, FastSlot(name));
            }
        }

        binding = _inlined[^1].Binding(name);
        if (binding is NameBinding.Fast or NameBinding.Cell or NameBinding.Free)
        {
            return _scope.CellNames.Contains(name) || _scope.FreeNames.Contains(name)
                ? (NameBinding.Cell, CellSlot(name))
                : (NameBinding.Fast, FastSlot(name));
        }

        return (binding, -1);
    }

    private int FastSlot(string name)
    {
        var slot = _scope.LocalNames.IndexOf(name);
        if (slot < 0)
        {
            throw new InvalidOperationException($"'{name}' has no fast slot in {_scope.Name}");
        }

        return slot;
    }

    private void LoadName(string name)
    {
        name = _scope.Mangle(name);
        var (binding, slot) = Locate(name);
        switch (binding)
        {
            case NameBinding.Fast:
                Emit(OpCode.LoadFast, slot);
                break;
            case NameBinding.Cell:
                Emit(OpCode.LoadDeref, slot);
                break;
            case NameBinding.Global:
                Emit(OpCode.LoadGlobal, Name(name));
                break;
            default:
                Emit(OpCode.LoadName, Name(name));
                break;
        }
    }

    private void StoreName(string name)
    {
        name = _scope.Mangle(name);
        var (binding, slot) = Locate(name);
        switch (binding)
        {
            case NameBinding.Fast:
                Emit(OpCode.StoreFast, slot);
                break;
            case NameBinding.Cell:
                Emit(OpCode.StoreDeref, slot);
                break;
            case NameBinding.Global:
                Emit(OpCode.StoreGlobal, Name(name));
                break;
            default:
                Emit(OpCode.StoreName, Name(name));
                break;
        }
    }

    private void DeleteName(string name)
    {
        name = _scope.Mangle(name);
        var (binding, slot) = Locate(name);
        switch (binding)
        {
            case NameBinding.Fast:
                Emit(OpCode.DeleteFast, slot);
                break;
            case NameBinding.Cell:
                Emit(OpCode.DeleteDeref, slot);
                break;
            case NameBinding.Global:
                Emit(OpCode.DeleteGlobal, Name(name));
                break;
            default:
                Emit(OpCode.DeleteName, Name(name));
                break;
        }
    }

    private void EmitReturnNone()
    {
        if (_reachable)
        {
            LoadConstant(null);
            Emit(OpCode.ReturnValue);
        }
    }

    private string ChildQualifiedName(string name) => _scope.Kind switch
    {
        ScopeKind.Module => name,
        ScopeKind.Class => $"{_qualifiedName}.{name}",
        _ => $"{_qualifiedName}.<locals>.{name}",
    };

    /// <summary>Pushes the closure tuple for <paramref name="child"/> if it has free variables; returns the MakeFunction flag bit.</summary>
    private int EmitClosure(Scope child)
    {
        if (child.FreeNames.Count == 0)
        {
            return 0;
        }

        foreach (var name in child.FreeNames)
        {
            Emit(OpCode.LoadClosure, CellSlot(name));
        }

        Emit(OpCode.BuildTuple, child.FreeNames.Count);
        return 4;
    }

    /// <summary>Compiles a nested function-like scope (def, lambda, comprehension) into a code unit.</summary>
    private CodeUnit CompileFunction(Scope child, string name, int firstLine, ParameterList? parameters, Action<CodeGenerator> body)
    {
        var g = new CodeGenerator(_compilation, child, ChildQualifiedName(name), firstLine);
        body(g);
        g.EmitReturnNone();
        var argCount = parameters == null ? child.Parameters.Count : parameters.PositionalOnly.Count + parameters.Positional.Count;
        return g.Finish(name, argCount, parameters?.PositionalOnly.Count ?? 0, parameters?.KeywordOnly.Count ?? 0, parameters?.VarArgs != null, parameters?.KeywordArgs != null);
    }

    /// <summary>Emits the defaults and closure of a function, then MakeFunction.</summary>
    private void EmitMakeFunction(CodeUnit code, Scope child, ParameterList? parameters)
    {
        var flags = 0;
        if (parameters != null)
        {
            var defaults = parameters.PositionalOnly.Concat(parameters.Positional).Where(p => p.Default != null).ToList();
            if (defaults.Count > 0)
            {
                foreach (var p in defaults)
                {
                    Eval(p.Default!);
                }

                Emit(OpCode.BuildTuple, defaults.Count);
                flags |= 1;
            }

            var kwDefaults = parameters.KeywordOnly.Where(p => p.Default != null).ToList();
            if (kwDefaults.Count > 0)
            {
                foreach (var p in kwDefaults)
                {
                    LoadConstant(_scope.Mangle(p.Name)); // the parameter's own (mangled) name
                    Eval(p.Default!);
                }

                Emit(OpCode.BuildMap, kwDefaults.Count);
                flags |= 2;
            }
        }

        flags |= EmitClosure(child);
        LoadConstant(code);
        Emit(OpCode.MakeFunction, flags);
    }
}
