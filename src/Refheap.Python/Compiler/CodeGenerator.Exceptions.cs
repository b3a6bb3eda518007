using Refheap.Python.Syntax.Ast;

namespace Refheap.Python.Compiler;

/// <summary>
/// try/except/else/finally and with. The shapes (stack on the right of each arrow):
/// <code>
/// try:                 [handler H, depth d]  body                 jump END
/// H:      exc          [cleanup C, depth d+1] PushExcInfo → prev exc
///         per clause:  type CheckExcMatch PopJumpIfFalse NEXT; store name or pop → prev
///                      body (block ExceptHandler)  PopExcept  jump END
///         no match:    PopExceptReraise (outer handlers)
/// C:      prev exc2    PopExceptReraise (outer handlers)
/// finally:             [handler F, depth d] body; finally body; jump END
/// F:      exc          [cleanup C] PushExcInfo; finally body; PopExceptReraise
/// with:   ctx BeforeWith → exit res; [handler W, depth d+1] store/pop; body; WithExitNormal
/// W:      exit exc     PushExcInfo → exit prev exc; WithExitException
/// </code>
/// </summary>
internal sealed partial class CodeGenerator
{
    /// <inheritdoc/>
    public bool VisitTryStatement(TryStatement node)
    {
        if (node.FinalBody.Count == 0)
        {
            EmitTryExcept(node);
            return true;
        }

        var depth = _depth;
        var outerHandlers = _activeHandlers.Count;
        var onException = new Label();
        var end = new Label { Depth = depth };
        PushHandler(onException, depth);
        _blocks.Add(new Block { Kind = BlockKind.TryFinally, FinalBody = node.FinalBody, OuterHandlerDepth = outerHandlers });
        if (node.Handlers.Count > 0)
        {
            EmitTryExcept(node);
        }
        else
        {
            VisitBody(node.Body);
        }

        _blocks.RemoveAt(_blocks.Count - 1);
        PopHandler();
        if (_reachable)
        {
            VisitBody(node.FinalBody);
            if (_reachable)
            {
                EmitJump(OpCode.Jump, end);
            }
        }

        // The exception path: the finally body with the exception handled, then re-raised.
        Bind(onException);
        var cleanup = new Label();
        PushHandler(cleanup, depth + 1);
        Emit(OpCode.PushExcInfo);
        _blocks.Add(new Block { Kind = BlockKind.FinallyException });
        VisitBody(node.FinalBody);
        _blocks.RemoveAt(_blocks.Count - 1);
        PopHandler();
        if (_reachable)
        {
            Emit(OpCode.PopExceptReraise);
        }

        Bind(cleanup);
        Emit(OpCode.PopExceptReraise);
        Bind(end);
        return true;
    }

    private void EmitTryExcept(TryStatement node)
    {
        var depth = _depth;
        var onException = new Label();
        var end = new Label { Depth = depth };
        PushHandler(onException, depth);
        VisitBody(node.Body);
        PopHandler();
        if (_reachable)
        {
            VisitBody(node.OrElse);
            if (_reachable)
            {
                EmitJump(OpCode.Jump, end);
            }
        }

        Bind(onException);
        var cleanup = new Label();
        PushHandler(cleanup, depth + 1);
        Emit(OpCode.PushExcInfo);
        var unmatched = false;
        var nameCleanups = new List<(Label Label, string Name)>();
        foreach (var h in node.Handlers)
        {
            _line = h.Line;
            var next = new Label();
            if (h.Type != null)
            {
                Eval(h.Type);
                Emit(OpCode.CheckExcMatch);
                EmitJump(OpCode.PopJumpIfFalse, next);
            }

            string? boundName = null;
            if (h.Name != null)
            {
                StoreTarget(h.Name);
                if (!Py27 && h.Name is NameExpression n)
                {
                    boundName = n.Identifier;
                }
            }
            else
            {
                Emit(OpCode.PopTop);
            }

            // 3.x unbinds `except E as e`'s name however the clause ends.
            Label? nameCleanup = null;
            if (boundName != null)
            {
                nameCleanup = new Label();
                nameCleanups.Add((nameCleanup, boundName));
                PushHandler(nameCleanup, depth + 1);
            }

            _blocks.Add(new Block { Kind = BlockKind.ExceptHandler, BoundName = boundName });
            VisitBody(h.Body);
            _blocks.RemoveAt(_blocks.Count - 1);
            if (nameCleanup != null)
            {
                PopHandler();
            }

            if (_reachable)
            {
                Emit(OpCode.PopExcept);
                if (boundName != null)
                {
                    LoadConstant(null);
                    StoreName(boundName);
                    DeleteName(boundName);
                }

                EmitJump(OpCode.Jump, end);
            }

            if (h.Type == null)
            {
                unmatched = false;
                break;
            }

            Bind(next);
            unmatched = true;
        }

        PopHandler();
        if (unmatched)
        {
            Emit(OpCode.PopExceptReraise);
        }

        foreach (var (label, name) in nameCleanups)
        {
            Bind(label);
            LoadConstant(null);
            StoreName(name);
            DeleteName(name);
            Emit(OpCode.PopExceptReraise);
        }

        Bind(cleanup);
        Emit(OpCode.PopExceptReraise);
        Bind(end);
    }

    /// <inheritdoc/>
    public bool VisitWithStatement(WithStatement node)
    {
        if (node.IsAsync)
        {
            throw Unsupported("async with", node);
        }

        EmitWith(node, 0);
        return true;
    }

    private void EmitWith(WithStatement node, int item)
    {
        var withItem = node.Items[item];
        var depth = _depth;
        var end = new Label { Depth = depth };
        Eval(withItem.Context);
        Emit(OpCode.BeforeWith);
        var onException = new Label();
        PushHandler(onException, depth + 1);
        if (withItem.Target != null)
        {
            StoreTarget(withItem.Target);
        }
        else
        {
            Emit(OpCode.PopTop);
        }

        _blocks.Add(new Block { Kind = BlockKind.With });
        if (item + 1 < node.Items.Count)
        {
            EmitWith(node, item + 1);
        }
        else
        {
            VisitBody(node.Body);
        }

        _blocks.RemoveAt(_blocks.Count - 1);
        PopHandler();
        if (_reachable)
        {
            Emit(OpCode.WithExitNormal);
            EmitJump(OpCode.Jump, end);
        }

        Bind(onException);
        Emit(OpCode.PushExcInfo);
        Emit(OpCode.WithExitException);
        Bind(end);
    }
}
