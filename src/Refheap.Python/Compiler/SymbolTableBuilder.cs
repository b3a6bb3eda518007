using Refheap.Python.Syntax.Ast;

namespace Refheap.Python.Compiler;

/// <summary>
/// Builds the scopes of a module (CPython's symtable.c): a first walk records what each
/// block binds and uses, then <see cref="Resolve"/> decides for every name whether it is a
/// fast local, a cell, a free variable, a global or a namespace name.
/// </summary>
internal sealed partial class SymbolTableBuilder : IStatementVisitor<bool>, IExpressionVisitor<bool>
{
    private readonly PythonDialect _dialect;
    private readonly string _fileName;
    private readonly Dictionary<Node, Scope> _scopes = new(ReferenceEqualityComparer.Instance);
    private Scope _current;

    private SymbolTableBuilder(ModuleNode module, PythonDialect dialect, string fileName)
    {
        _dialect = dialect;
        _fileName = fileName;
        _current = new Scope(ScopeKind.Module, "<module>", null, module);
        _scopes[module] = _current;
    }

    /// <summary>Builds and resolves the scopes of <paramref name="module"/> (of <paramref name="fileName"/>); the map goes from scope-opening node to scope.</summary>
    public static Dictionary<Node, Scope> Build(ModuleNode module, PythonDialect dialect, string fileName)
    {
        var builder = new SymbolTableBuilder(module, dialect, fileName);
        builder.VisitBody(module.Body);
        var root = builder._scopes[module];
        Resolve(root);
        return builder._scopes;
    }

    /// <summary>Whether 2.7's list comprehension runs in the enclosing scope (its variable leaks).</summary>
    public static bool ListComprehensionIsInline(PythonDialect dialect) => dialect.PrintIsStatement;

    /// <summary>
    /// Whether list, set and dict comprehensions are compiled inline in the enclosing code with
    /// their variables isolated (3.12, PEP 709); generator expressions keep their own frame.
    /// </summary>
    public static bool ComprehensionsAreInlined(PythonDialect dialect) => !dialect.PrintIsStatement;

    private void VisitBody(IReadOnlyList<Statement> body)
    {
        foreach (var s in body)
        {
            s.Accept(this);
        }
    }

    private void Visit(Expression? e) => e?.Accept(this);

    private void VisitAll(IEnumerable<Expression> items)
    {
        foreach (var e in items)
        {
            e.Accept(this);
        }
    }

    private void Store(string name) => _current.Add(name, SymbolFlags.Assigned);

    /// <summary>Records the names an assignment target binds, and visits what it reads.</summary>
    private void VisitTarget(Expression target)
    {
        switch (target)
        {
            case NameExpression n:
                Store(n.Identifier);
                break;
            case TupleExpression t:
                foreach (var e in t.Elements)
                {
                    VisitTarget(e);
                }

                break;
            case ListExpression l:
                foreach (var e in l.Elements)
                {
                    VisitTarget(e);
                }

                break;
            case StarredExpression s:
                VisitTarget(s.Value);
                break;
            default:
                target.Accept(this);
                break;
        }
    }

    private Scope Open(ScopeKind kind, string name, Node node, bool inlined = false)
    {
        var scope = new Scope(kind, name, _current, node) { IsInlined = inlined };
        _scopes[node] = scope;
        _current = scope;
        return scope;
    }

    private void Close(Scope scope) => _current = scope.Parent!;

    private void VisitDefaults(ParameterList parameters)
    {
        foreach (var p in parameters.PositionalOnly.Concat(parameters.Positional).Concat(parameters.KeywordOnly))
        {
            Visit(p.Default);
        }
    }

    private void AddParameters(Scope scope, ParameterList parameters)
    {
        void Add(string name)
        {
            scope.Add(name, SymbolFlags.Parameter);
            scope.Parameters.Add(scope.Mangle(name));
        }

        foreach (var p in parameters.PositionalOnly.Concat(parameters.Positional))
        {
            Add(p.Name);
        }

        foreach (var p in parameters.KeywordOnly)
        {
            Add(p.Name);
        }

        if (parameters.VarArgs != null)
        {
            Add(parameters.VarArgs.Name);
        }

        if (parameters.KeywordArgs != null)
        {
            Add(parameters.KeywordArgs.Name);
        }
    }

    /// <inheritdoc/>
    public bool VisitExpressionStatement(ExpressionStatement node)
    {
        Visit(node.Value);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitAssignStatement(AssignStatement node)
    {
        Visit(node.Value);
        foreach (var t in node.Targets)
        {
            VisitTarget(t);
        }

        return true;
    }

    /// <inheritdoc/>
    public bool VisitAugmentedAssignStatement(AugmentedAssignStatement node)
    {
        Visit(node.Value);
        if (node.Target is NameExpression n)
        {
            _current.Add(n.Identifier, SymbolFlags.Assigned | SymbolFlags.Used);
        }
        else
        {
            Visit(node.Target);
        }

        return true;
    }

    /// <inheritdoc/>
    public bool VisitAnnotatedAssignStatement(AnnotatedAssignStatement node)
    {
        Visit(node.Value);
        if (node.Value != null)
        {
            VisitTarget(node.Target);
        }

        return true;
    }

    /// <inheritdoc/>
    public bool VisitDeleteStatement(DeleteStatement node)
    {
        foreach (var t in node.Targets)
        {
            VisitTarget(t);
        }

        return true;
    }

    /// <inheritdoc/>
    public bool VisitPassStatement(PassStatement node) => true;

    /// <inheritdoc/>
    public bool VisitBreakStatement(BreakStatement node) => true;

    /// <inheritdoc/>
    public bool VisitContinueStatement(ContinueStatement node) => true;

    /// <inheritdoc/>
    public bool VisitReturnStatement(ReturnStatement node)
    {
        Visit(node.Value);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitGlobalStatement(GlobalStatement node)
    {
        foreach (var n in node.Names)
        {
            _current.Add(n, SymbolFlags.Global);
        }

        return true;
    }

    /// <inheritdoc/>
    public bool VisitNonlocalStatement(NonlocalStatement node)
    {
        foreach (var n in node.Names)
        {
            _current.Add(n, SymbolFlags.Nonlocal);
        }

        return true;
    }

    /// <inheritdoc/>
    public bool VisitIfStatement(IfStatement node)
    {
        Visit(node.Test);
        VisitBody(node.Body);
        VisitBody(node.OrElse);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitWhileStatement(WhileStatement node)
    {
        Visit(node.Test);
        VisitBody(node.Body);
        VisitBody(node.OrElse);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitForStatement(ForStatement node)
    {
        Visit(node.Iterable);
        VisitTarget(node.Target);
        VisitBody(node.Body);
        VisitBody(node.OrElse);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitWithStatement(WithStatement node)
    {
        foreach (var item in node.Items)
        {
            Visit(item.Context);
            if (item.Target != null)
            {
                VisitTarget(item.Target);
            }
        }

        VisitBody(node.Body);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitFunctionDefinition(FunctionDefinition node)
    {
        VisitAll(node.Decorators);
        VisitDefaults(node.Parameters);
        Store(node.Name);
        var scope = Open(ScopeKind.Function, node.Name, node);
        AddParameters(scope, node.Parameters);
        VisitBody(node.Body);
        Close(scope);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitClassDefinition(ClassDefinition node)
    {
        VisitAll(node.Decorators);
        VisitAll(node.Bases);
        foreach (var k in node.Keywords)
        {
            Visit(k.Value);
        }

        Store(node.Name);
        var scope = Open(ScopeKind.Class, node.Name, node);
        VisitBody(node.Body);
        Close(scope);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitTryStatement(TryStatement node)
    {
        VisitBody(node.Body);
        foreach (var h in node.Handlers)
        {
            Visit(h.Type);
            if (h.Name != null)
            {
                VisitTarget(h.Name);
            }

            VisitBody(h.Body);
        }

        VisitBody(node.OrElse);
        VisitBody(node.FinalBody);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitRaiseStatement(RaiseStatement node)
    {
        Visit(node.Exception);
        Visit(node.Cause);
        Visit(node.LegacyValue);
        Visit(node.LegacyTraceback);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitAssertStatement(AssertStatement node)
    {
        Visit(node.Test);
        Visit(node.Message);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitImportStatement(ImportStatement node)
    {
        foreach (var a in node.Names)
        {
            Store(a.AsName ?? a.Name.Split('.')[0]);
        }

        return true;
    }

    /// <inheritdoc/>
    public bool VisitImportFromStatement(ImportFromStatement node)
    {
        foreach (var a in node.Names)
        {
            if (a.Name != "*")
            {
                Store(a.AsName ?? a.Name);
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public bool VisitPrintStatement(PrintStatement node)
    {
        Visit(node.Destination);
        VisitAll(node.Values);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitExecStatement(ExecStatement node) => true;

    /// <inheritdoc/>
    public bool VisitName(NameExpression node)
    {
        _current.Add(node.Identifier, SymbolFlags.Used);
        if (node.Identifier == "super" && !_dialect.PrintIsStatement && _current.Kind == ScopeKind.Function)
        {
            _current.Add("__class__", SymbolFlags.Used);
        }

        return true;
    }

    /// <inheritdoc/>
    public bool VisitIntegerLiteral(IntegerLiteral node) => true;

    /// <inheritdoc/>
    public bool VisitFloatLiteral(FloatLiteral node) => true;

    /// <inheritdoc/>
    public bool VisitImaginaryLiteral(ImaginaryLiteral node) => true;

    /// <inheritdoc/>
    public bool VisitStringLiteral(StringLiteral node) => true;

    /// <inheritdoc/>
    public bool VisitFormattedString(FormattedString node)
    {
        VisitAll(node.Parts);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitFormattedValue(FormattedValue node)
    {
        Visit(node.Value);
        Visit(node.FormatSpec);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitNoneLiteral(NoneLiteral node) => true;

    /// <inheritdoc/>
    public bool VisitBooleanLiteral(BooleanLiteral node) => true;

    /// <inheritdoc/>
    public bool VisitEllipsisLiteral(EllipsisLiteral node) => true;

    /// <inheritdoc/>
    public bool VisitTuple(TupleExpression node)
    {
        VisitAll(node.Elements);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitList(ListExpression node)
    {
        VisitAll(node.Elements);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitSet(SetExpression node)
    {
        VisitAll(node.Elements);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitDict(DictExpression node)
    {
        foreach (var k in node.Keys)
        {
            Visit(k);
        }

        VisitAll(node.Values);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitAttribute(AttributeExpression node)
    {
        Visit(node.Value);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitSubscript(SubscriptExpression node)
    {
        Visit(node.Value);
        Visit(node.Index);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitSlice(SliceExpression node)
    {
        Visit(node.Lower);
        Visit(node.Upper);
        Visit(node.Step);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitCall(CallExpression node)
    {
        Visit(node.Function);
        VisitAll(node.Arguments);
        foreach (var k in node.Keywords)
        {
            Visit(k.Value);
        }

        return true;
    }

    /// <inheritdoc/>
    public bool VisitStarred(StarredExpression node)
    {
        Visit(node.Value);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitUnary(UnaryExpression node)
    {
        Visit(node.Operand);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitBinary(BinaryExpression node)
    {
        Visit(node.Left);
        Visit(node.Right);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitBoolean(BooleanExpression node)
    {
        VisitAll(node.Values);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitCompare(CompareExpression node)
    {
        Visit(node.Left);
        VisitAll(node.Comparators);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitConditional(ConditionalExpression node)
    {
        Visit(node.Test);
        Visit(node.Body);
        Visit(node.OrElse);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitLambda(LambdaExpression node)
    {
        VisitDefaults(node.Parameters);
        var scope = Open(ScopeKind.Function, "<lambda>", node);
        AddParameters(scope, node.Parameters);
        Visit(node.Body);
        Close(scope);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitYield(YieldExpression node)
    {
        Visit(node.Value);
        _current.IsGenerator = true;
        return true;
    }

    /// <inheritdoc/>
    public bool VisitYieldFrom(YieldFromExpression node)
    {
        Visit(node.Value);
        _current.IsGenerator = true;
        return true;
    }

    /// <inheritdoc/>
    public bool VisitAwait(AwaitExpression node)
    {
        Visit(node.Value);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitNamed(NamedExpression node)
    {
        Visit(node.Value);
        var owner = _current.FrameOwner;
        if (_current.IsInlined && owner.Kind == ScopeKind.Class)
        {
            // 3.12 rejects it at compile time (a SyntaxError).
            throw new PythonUnsupportedError("assignment expressions in a comprehension in a class body", _fileName, node.Line, node.Column);
        }

        for (var s = _current; s.IsInlined; s = s.Parent!)
        {
            if (s.Symbols.TryGetValue(s.Mangle(node.Target.Identifier), out var flags) && (flags & SymbolFlags.Assigned) != 0)
            {
                // 3.12 rejects it at compile time (a SyntaxError).
                throw new PythonUnsupportedError("assignment expressions that rebind a comprehension's iteration variable", _fileName, node.Line, node.Column);
            }
        }

        if (_current.IsInlined)
        {
            // PEP 572: in a comprehension the target binds in the enclosing function or module.
            _current.Add(node.Target.Identifier, SymbolFlags.Used);
            owner.Add(node.Target.Identifier, SymbolFlags.Assigned);
            return true;
        }

        Store(node.Target.Identifier);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitRepr(ReprExpression node)
    {
        Visit(node.Value);
        return true;
    }
}
