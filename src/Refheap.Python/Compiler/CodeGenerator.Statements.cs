using System.Numerics;
using Refheap.Python.Syntax.Ast;

namespace Refheap.Python.Compiler;

internal sealed partial class CodeGenerator : IStatementVisitor<bool>
{
    private void VisitBody(IReadOnlyList<Statement> body)
    {
        foreach (var s in body)
        {
            _line = s.Line;
            _span = s.Span;
            s.Accept(this);
        }
    }

    /// <inheritdoc/>
    public bool VisitExpressionStatement(ExpressionStatement node)
    {
        Eval(node.Value);
        Emit(OpCode.PopTop);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitAssignStatement(AssignStatement node)
    {
        if (node.Targets is [var target] && EvalStoredComprehension(node.Value, target))
        {
            return true;
        }

        Eval(node.Value);
        for (var i = 0; i < node.Targets.Count; i++)
        {
            if (i < node.Targets.Count - 1)
            {
                Emit(OpCode.DupTop);
            }

            StoreTarget(node.Targets[i]);
        }

        return true;
    }

    /// <summary>Stores the value on top of the stack into a target (pops it).</summary>
    private void StoreTarget(Expression target)
    {
        // The store (and an unpacking) carries the target's location, as in 3.11+.
        var (outerSpan, outerLine) = EnterNode(target);
        StoreTargetAt(target);
        LeaveNode(outerSpan, outerLine);
    }

    private void StoreTargetAt(Expression target)
    {
        switch (target)
        {
            case NameExpression n:
                StoreName(n.Identifier);
                break;
            case AttributeExpression a:
                Eval(a.Value);
                Emit(OpCode.StoreAttr, AttributeName(a.Name));
                break;
            case SubscriptExpression { Index: SliceExpression slice } s:
                Eval(s.Value);
                Emit(OpCode.StoreSlice, SliceParts(slice));
                break;
            case SubscriptExpression s:
                Eval(s.Value);
                Eval(s.Index);
                Emit(OpCode.StoreSubscript);
                break;
            case TupleExpression t:
                StoreSequence(t.Elements, t);
                break;
            case ListExpression l:
                StoreSequence(l.Elements, l);
                break;
            default:
                throw Unsupported("this assignment target", target);
        }
    }

    private void StoreSequence(IReadOnlyList<Expression> elements, Node node)
    {
        var star = elements.Select((e, i) => (e, i)).Where(p => p.e is StarredExpression).Select(p => p.i).DefaultIfEmpty(-1).First();
        if (star < 0)
        {
            Emit(OpCode.UnpackSequence, elements.Count);
        }
        else
        {
            var after = elements.Count - star - 1;
            if (star > 0xFF || after > 0xFF)
            {
                throw Unsupported("more than 255 targets around a starred one", node);
            }

            Emit(OpCode.UnpackExtended, star | (after << 8));
        }

        foreach (var e in elements)
        {
            StoreTarget(e is StarredExpression s ? s.Value : e);
        }
    }

    /// <summary>Pushes the present parts of a slice; returns the Slice instruction's flags.</summary>
    private int SliceParts(SliceExpression slice)
    {
        var flags = 0;
        if (slice.Lower != null)
        {
            Eval(slice.Lower);
            flags |= 1;
        }

        if (slice.Upper != null)
        {
            Eval(slice.Upper);
            flags |= 2;
        }

        if (slice.Step != null)
        {
            Eval(slice.Step);
            flags |= 4;
        }

        return flags;
    }

    /// <inheritdoc/>
    public bool VisitAugmentedAssignStatement(AugmentedAssignStatement node)
    {
        var op = BinaryArgument(node.Operator);
        switch (node.Target)
        {
            case NameExpression n:
                LoadName(n.Identifier);
                Eval(node.Value);
                Emit(OpCode.InPlaceOp, op);
                StoreName(n.Identifier);
                break;
            case AttributeExpression a:
                Eval(a.Value);
                Emit(OpCode.DupTop);
                Emit(OpCode.LoadAttr, AttributeName(a.Name));
                Eval(node.Value);
                Emit(OpCode.InPlaceOp, op);
                Emit(OpCode.RotTwo);
                Emit(OpCode.StoreAttr, AttributeName(a.Name));
                break;
            case SubscriptExpression { Index: not SliceExpression } s:
            {
                Eval(s.Value);
                Eval(s.Index);
                Emit(OpCode.DupTopTwo);
                var (outerSpan, outerLine) = EnterNode(s);
                Emit(OpCode.BinarySubscript);
                LeaveNode(outerSpan, outerLine);
                Eval(node.Value);
                Emit(OpCode.InPlaceOp, op);
                Emit(OpCode.RotThree);
                (outerSpan, outerLine) = EnterNode(s);
                Emit(OpCode.StoreSubscript);
                LeaveNode(outerSpan, outerLine);
                break;
            }

            case SubscriptExpression { Index: SliceExpression slice } s:
            {
                // o[i:j] op= v: o and the bounds are evaluated once and used by the load and the store.
                Eval(s.Value);
                var parts = SliceParts(slice);
                var count = 1 + BitOperations.PopCount((uint)parts);
                Emit(OpCode.DupTopN, count);
                var (outerSpan, outerLine) = EnterNode(s);
                Emit(OpCode.Slice, parts);
                LeaveNode(outerSpan, outerLine);
                Eval(node.Value);
                Emit(OpCode.InPlaceOp, op);
                Emit(OpCode.RotN, count + 1);
                (outerSpan, outerLine) = EnterNode(s);
                Emit(OpCode.StoreSlice, parts);
                LeaveNode(outerSpan, outerLine);
                break;
            }

            default:
                throw Unsupported("this augmented assignment target", node.Target);
        }

        return true;
    }

    /// <inheritdoc/>
    public bool VisitAnnotatedAssignStatement(AnnotatedAssignStatement node)
    {
        if (node.Value != null && !EvalStoredComprehension(node.Value, node.Target))
        {
            Eval(node.Value);
            StoreTarget(node.Target);
        }

        return true;
    }

    /// <summary>
    /// <c>name = value</c> into a fast local: compiles both, the store where 3.12's optimizer puts
    /// it when the value is an inlined comprehension (<see cref="EvalConsumedComprehension"/>).
    /// False, with nothing emitted, for any other target.
    /// </summary>
    private bool EvalStoredComprehension(Expression value, Expression target)
    {
        if (target is not NameExpression name || Locate(_scope.Mangle(name.Identifier)) is not (NameBinding.Fast, var slot))
        {
            return false;
        }

        if (!EvalConsumedComprehension(value, name.Line, slot, () => StoreTarget(name)))
        {
            StoreTarget(name);
        }

        return true;
    }

    /// <inheritdoc/>
    public bool VisitDeleteStatement(DeleteStatement node)
    {
        foreach (var t in node.Targets)
        {
            DeleteTarget(t);
        }

        return true;
    }

    private void DeleteTarget(Expression target)
    {
        switch (target)
        {
            case NameExpression n:
                DeleteName(n.Identifier);
                break;
            case AttributeExpression a:
                Eval(a.Value);
                Emit(OpCode.DeleteAttr, AttributeName(a.Name));
                break;
            case SubscriptExpression { Index: SliceExpression slice } s:
                Eval(s.Value);
                Emit(OpCode.DeleteSlice, SliceParts(slice));
                break;
            case SubscriptExpression s:
                Eval(s.Value);
                Eval(s.Index);
                Emit(OpCode.DeleteSubscript);
                break;
            case TupleExpression t:
                foreach (var e in t.Elements)
                {
                    DeleteTarget(e);
                }

                break;
            case ListExpression l:
                foreach (var e in l.Elements)
                {
                    DeleteTarget(e);
                }

                break;
            default:
                throw Unsupported("this del target", target);
        }
    }

    /// <inheritdoc/>
    public bool VisitPassStatement(PassStatement node) => true;

    /// <inheritdoc/>
    public bool VisitBreakStatement(BreakStatement node)
    {
        var loop = UnwindTo(node, isBreak: true);
        if (loop.Kind == BlockKind.ForLoop)
        {
            Emit(OpCode.PopTop);
        }

        EmitJump(OpCode.Jump, loop.Break!);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitContinueStatement(ContinueStatement node)
    {
        var loop = UnwindTo(node, isBreak: false);
        EmitJump(OpCode.Jump, loop.Continue!);
        return true;
    }

    /// <summary>Emits the clean-up of every block inside the innermost loop; returns that loop.</summary>
    private Block UnwindTo(Node node, bool isBreak)
    {
        var saved = _depth;
        for (var i = _blocks.Count - 1; i >= 0; i--)
        {
            var b = _blocks[i];
            if (b.Kind is BlockKind.WhileLoop or BlockKind.ForLoop)
            {
                var result = b;
                _depth = saved;
                return result;
            }

            UnwindBlock(i, withValue: false);
        }

        throw Unsupported(isBreak ? "'break' outside loop" : "'continue' outside loop", node);
    }

    /// <summary>Emits the clean-up of block <paramref name="index"/> on the way out; a return value may be on top of the stack.</summary>
    private void UnwindBlock(int index, bool withValue)
    {
        var b = _blocks[index];
        switch (b.Kind)
        {
            case BlockKind.TryFinally:
                // The finally body runs under the handlers and blocks outside its try.
                var savedBlocks = _blocks.GetRange(index, _blocks.Count - index);
                _blocks.RemoveRange(index, _blocks.Count - index);
                var savedHandlers = _activeHandlers.GetRange(b.OuterHandlerDepth, _activeHandlers.Count - b.OuterHandlerDepth);
                _activeHandlers.RemoveRange(b.OuterHandlerDepth, _activeHandlers.Count - b.OuterHandlerDepth);
                VisitBody(b.FinalBody!);
                _activeHandlers.AddRange(savedHandlers);
                _blocks.AddRange(savedBlocks);
                break;
            case BlockKind.ExceptHandler:
                if (withValue)
                {
                    Emit(OpCode.RotTwo);
                }

                Emit(OpCode.PopExcept);
                if (b.BoundName != null)
                {
                    LoadConstant(null);
                    StoreName(b.BoundName);
                    DeleteName(b.BoundName);
                }

                break;
            case BlockKind.FinallyException:
                if (withValue)
                {
                    Emit(OpCode.RotTwo);
                    Emit(OpCode.PopTop);
                    Emit(OpCode.RotTwo);
                }
                else
                {
                    Emit(OpCode.PopTop);
                }

                Emit(OpCode.PopExcept);
                break;
            case BlockKind.With:
                if (withValue)
                {
                    Emit(OpCode.RotTwo);
                }

                Emit(OpCode.WithExitNormal);
                break;
        }
    }

    /// <inheritdoc/>
    public bool VisitReturnStatement(ReturnStatement node)
    {
        if (node.Value != null)
        {
            Eval(node.Value);
        }
        else
        {
            LoadConstant(null);
        }

        var saved = _depth;
        for (var i = _blocks.Count - 1; i >= 0; i--)
        {
            UnwindBlock(i, withValue: true);
        }

        Emit(OpCode.ReturnValue);
        _depth = saved - 1;
        return true;
    }

    /// <inheritdoc/>
    public bool VisitGlobalStatement(GlobalStatement node) => true;

    /// <inheritdoc/>
    public bool VisitNonlocalStatement(NonlocalStatement node) => true;

    /// <inheritdoc/>
    public bool VisitIfStatement(IfStatement node)
    {
        var orElse = new Label();
        var end = new Label();
        Eval(node.Test);
        EmitJump(OpCode.PopJumpIfFalse, orElse);
        VisitBody(node.Body);
        if (node.OrElse.Count > 0)
        {
            if (_reachable)
            {
                EmitJump(OpCode.Jump, end);
            }

            Bind(orElse);
            VisitBody(node.OrElse);
        }
        else
        {
            Bind(orElse);
        }

        Bind(end);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitWhileStatement(WhileStatement node)
    {
        var top = new Label { Depth = _depth };
        var orElse = new Label();
        var end = new Label { Depth = _depth };
        Bind(top);
        Eval(node.Test);
        EmitJump(OpCode.PopJumpIfFalse, orElse);
        _blocks.Add(new Block { Kind = BlockKind.WhileLoop, Continue = top, Break = end });
        VisitBody(node.Body);
        _blocks.RemoveAt(_blocks.Count - 1);
        if (_reachable)
        {
            EmitJump(OpCode.Jump, top);
        }

        Bind(orElse);
        VisitBody(node.OrElse);
        Bind(end);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitForStatement(ForStatement node)
    {
        if (node.IsAsync)
        {
            throw Unsupported("async for", node);
        }

        var end = new Label { Depth = _depth };
        EvalIterable(node.Iterable);
        Emit(OpCode.GetIter);
        var top = new Label { Depth = _depth };
        var exhausted = new Label();
        Bind(top);
        EmitJump(OpCode.ForIter, exhausted);
        StoreTarget(node.Target);
        _blocks.Add(new Block { Kind = BlockKind.ForLoop, Continue = top, Break = end });
        VisitBody(node.Body);
        _blocks.RemoveAt(_blocks.Count - 1);
        if (_reachable)
        {
            EmitJump(OpCode.Jump, top);
        }

        Bind(exhausted);
        VisitBody(node.OrElse);
        Bind(end);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitFunctionDefinition(FunctionDefinition node)
    {
        if (node.IsAsync)
        {
            throw Unsupported("async functions", node);
        }

        foreach (var d in node.Decorators)
        {
            Eval(d);
        }

        var child = _compilation.ScopeOf(node);
        var code = CompileFunction(child, node.Name, node.Decorators.Count > 0 ? node.Decorators[0].Line : node.Line, node.Parameters, g =>
        {
            // A function's first constant is its docstring, or None without one (both compilers).
            if (node.Body.Count == 0 || node.Body[0] is not ExpressionStatement { Value: StringLiteral { Kind: not StringKind.Bytes } })
            {
                g.Constant(null);
            }

            g.VisitBody(node.Body);
        });
        _line = node.Line;
        EmitMakeFunction(code, child, node.Parameters);
        for (var i = 0; i < node.Decorators.Count; i++)
        {
            Emit(OpCode.Call, 1);
        }

        StoreName(node.Name);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitClassDefinition(ClassDefinition node)
    {
        foreach (var d in node.Decorators)
        {
            Eval(d);
        }

        var child = _compilation.ScopeOf(node);
        var g = new CodeGenerator(_compilation, child, ChildQualifiedName(node.Name), node.Line);
        g.EmitClassBody(node);
        var code = g.Finish(node.Name, 0, 0, 0, false, false);
        _line = node.Line;
        var flags = EmitClosure(child);
        LoadConstant(code);
        Emit(OpCode.MakeFunction, flags);
        LoadConstant(node.Name);
        foreach (var b in node.Bases)
        {
            Eval(b);
        }

        Emit(OpCode.BuildTuple, node.Bases.Count);
        if (node.Keywords.Count > 0)
        {
            // 3.x's class keywords (metaclass=, and those for __init_subclass__), as a call's.
            BuildKeywordDict(node.Keywords, OpCode.DictUpdate);
        }

        Emit(OpCode.BuildClass, node.Keywords.Count > 0 ? 1 : 0);
        for (var i = 0; i < node.Decorators.Count; i++)
        {
            Emit(OpCode.Call, 1);
        }

        StoreName(node.Name);
        return true;
    }

    private void EmitClassBody(ClassDefinition node)
    {
        Emit(OpCode.LoadName, Name("__name__"));
        Emit(OpCode.StoreName, Name("__module__"));
        if (!Py27)
        {
            LoadConstant(_qualifiedName);
            Emit(OpCode.StoreName, Name("__qualname__"));
        }

        if (node.Body.Count > 0 && node.Body[0] is ExpressionStatement { Value: StringLiteral doc })
        {
            LoadConstant(doc.Value);
            Emit(OpCode.StoreName, Name("__doc__"));
        }

        VisitBody(node.Body);
        if (_scope.CellNames.Contains("__class__"))
        {
            Emit(OpCode.LoadClosure, CellSlot("__class__"));
            Emit(OpCode.StoreName, Name("__classcell__"));
        }

        Emit(OpCode.LoadLocals);
        Emit(OpCode.ReturnValue);
    }

    /// <inheritdoc/>
    public bool VisitRaiseStatement(RaiseStatement node)
    {
        if (node.LegacyTraceback != null)
        {
            throw Unsupported("raise with a traceback argument", node);
        }

        if (node.Exception == null)
        {
            Emit(OpCode.Raise, 0);
            return true;
        }

        Eval(node.Exception);
        if (node.LegacyValue != null)
        {
            Eval(node.LegacyValue);
            Emit(OpCode.Raise, 3);
        }
        else if (node.Cause != null)
        {
            Eval(node.Cause);
            Emit(OpCode.Raise, 2);
        }
        else
        {
            Emit(OpCode.Raise, 1);
        }

        return true;
    }

    /// <inheritdoc/>
    public bool VisitAssertStatement(AssertStatement node)
    {
        var end = new Label();
        Eval(node.Test);
        EmitJump(OpCode.PopJumpIfTrue, end);
        Emit(OpCode.LoadAssertionError);
        if (node.Message != null)
        {
            Eval(node.Message);
            Emit(OpCode.Call, 1);
        }

        Emit(OpCode.Raise, 1);
        Bind(end);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitImportStatement(ImportStatement node)
    {
        foreach (var alias in node.Names)
        {
            if (alias.Name.Contains('.'))
            {
                throw Unsupported("importing packages", node);
            }

            LoadConstant(new System.Numerics.BigInteger(_compilation.AbsoluteImportLevel));
            LoadConstant(null);
            Emit(OpCode.ImportName, Name(alias.Name));
            StoreName(alias.AsName ?? alias.Name);
        }

        return true;
    }

    /// <inheritdoc/>
    public bool VisitImportFromStatement(ImportFromStatement node)
    {
        if (node.Module == "__future__")
        {
            return true;
        }

        if (node.Level > 0 || node.Module == null || node.Module.Contains('.'))
        {
            throw Unsupported("relative imports and packages", node);
        }

        LoadConstant(new System.Numerics.BigInteger(node.Level == 0 ? _compilation.AbsoluteImportLevel : node.Level));
        LoadConstant(new KeywordNames([.. node.Names.Select(a => a.Name)]));
        Emit(OpCode.ImportName, Name(node.Module));
        if (node.Names.Count == 1 && node.Names[0].Name == "*")
        {
            Emit(OpCode.ImportStar);
            return true;
        }

        foreach (var alias in node.Names)
        {
            Emit(OpCode.ImportFrom, Name(alias.Name));
            StoreName(alias.AsName ?? alias.Name);
        }

        Emit(OpCode.PopTop);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitPrintStatement(PrintStatement node)
    {
        if (node.Destination == null)
        {
            foreach (var v in node.Values)
            {
                Eval(v);
                Emit(OpCode.PrintItem);
            }

            if (node.Newline)
            {
                Emit(OpCode.PrintNewline);
            }

            return true;
        }

        Eval(node.Destination);
        foreach (var v in node.Values)
        {
            Emit(OpCode.DupTop);
            Eval(v);
            Emit(OpCode.RotTwo);
            Emit(OpCode.PrintItemTo);
        }

        if (node.Newline)
        {
            Emit(OpCode.PrintNewlineTo);
        }
        else
        {
            Emit(OpCode.PopTop);
        }

        return true;
    }

    /// <inheritdoc/>
    public bool VisitExecStatement(ExecStatement node) => throw Unsupported("the exec statement", node);
}
