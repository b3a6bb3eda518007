using Refheap.Python.Syntax.Ast;

namespace Refheap.Python.Compiler;

/// <summary>
/// Builds the scopes of a module (CPython's symtable.c): a first walk records what each
/// block binds and uses, then <see cref="Resolve"/> decides for every name whether it is a
/// fast local, a cell, a free variable, a global or a namespace name.
/// </summary>
internal sealed class SymbolTableBuilder : IStatementVisitor<bool>, IExpressionVisitor<bool>
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
            scope.Parameters.Add(name);
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

    private void VisitComprehension(Node node, IReadOnlyList<Comprehension> generators, Action element, string name, bool inline)
    {
        if (inline)
        {
            foreach (var g in generators)
            {
                Visit(g.Iterable);
                VisitTarget(g.Target);
                VisitAll(g.Conditions);
            }

            element();
            return;
        }

        // The first iterable is evaluated in the enclosing scope and passed in as ".0".
        Visit(generators[0].Iterable);
        var scope = Open(ScopeKind.Function, name, node);
        scope.Add(".0", SymbolFlags.Parameter);
        scope.Parameters.Add(".0");
        for (var i = 0; i < generators.Count; i++)
        {
            if (i > 0)
            {
                Visit(generators[i].Iterable);
            }

            VisitTarget(generators[i].Target);
            VisitAll(generators[i].Conditions);
        }

        element();
        Close(scope);
    }

    /// <summary>
    /// A comprehension 3.12 compiles inline (PEP 709): a scope of its own for its names, visited
    /// in symtable.c's order (each later generator's target before its iterable, a dict's value
    /// before its key), whose variables become slots of the frame that runs it.
    /// </summary>
    private void VisitInlinedComprehension(Node node, IReadOnlyList<Comprehension> generators, Action element, string name)
    {
        Visit(generators[0].Iterable);
        var scope = Open(ScopeKind.Function, name, node, inlined: true);
        for (var i = 0; i < generators.Count; i++)
        {
            VisitTarget(generators[i].Target);
            if (i > 0)
            {
                Visit(generators[i].Iterable);
            }

            VisitAll(generators[i].Conditions);
        }

        element();
        Close(scope);
        if (!scope.Parent!.IsInlined)
        {
            AddSavedNames(scope, scope.FrameOwner);
        }
    }

    /// <summary>
    /// Fills the saved names of <paramref name="comprehension"/> and of the comprehensions inlined
    /// in it, and gives each a place in <paramref name="owner"/>'s slot order where 3.12's code
    /// first names it (the comprehension's LOAD_FAST_AND_CLEAR).
    /// </summary>
    private static void AddSavedNames(Scope comprehension, Scope owner)
    {
        if (comprehension.Parent!.Kind == ScopeKind.Class)
        {
            // 3.12 saves every name of a comprehension directly in a class body (and its nested
            // comprehensions' names, merged into it), so that none can reach the class namespace.
            comprehension.SavedNames.Add(".0");
            AddAllNames(comprehension, comprehension.SavedNames);
        }
        else
        {
            comprehension.SavedNames.AddRange(comprehension.Order.Where(comprehension.IsLocal));
        }

        foreach (var name in comprehension.SavedNames)
        {
            owner.ComprehensionSlots.Add((owner.Order.Count, name));
            owner.Add(name, SymbolFlags.ComprehensionLocal);
        }

        foreach (var child in comprehension.Children)
        {
            if (child.IsInlined)
            {
                AddSavedNames(child, owner);
            }
        }
    }

    private static void AddAllNames(Scope comprehension, List<string> names)
    {
        foreach (var name in comprehension.Order)
        {
            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        foreach (var child in comprehension.Children)
        {
            if (child.IsInlined)
            {
                AddAllNames(child, names);
            }
        }
    }

    /// <inheritdoc/>
    public bool VisitListComprehension(ListComprehension node)
    {
        if (ComprehensionsAreInlined(_dialect))
        {
            VisitInlinedComprehension(node, node.Generators, () => Visit(node.Element), "<listcomp>");
            return true;
        }

        VisitComprehension(node, node.Generators, () => Visit(node.Element), "<listcomp>", ListComprehensionIsInline(_dialect));
        return true;
    }

    /// <inheritdoc/>
    public bool VisitSetComprehension(SetComprehension node)
    {
        if (ComprehensionsAreInlined(_dialect))
        {
            VisitInlinedComprehension(node, node.Generators, () => Visit(node.Element), "<setcomp>");
            return true;
        }

        VisitComprehension(node, node.Generators, () => Visit(node.Element), "<setcomp>", inline: false);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitDictComprehension(DictComprehension node)
    {
        if (ComprehensionsAreInlined(_dialect))
        {
            VisitInlinedComprehension(node, node.Generators, () =>
            {
                Visit(node.Value);
                Visit(node.Key);
            }, "<dictcomp>");
            return true;
        }

        VisitComprehension(node, node.Generators, () =>
        {
            Visit(node.Key);
            Visit(node.Value);
        }, "<dictcomp>", inline: false);
        return true;
    }

    /// <inheritdoc/>
    public bool VisitGenerator(GeneratorExpression node)
    {
        VisitComprehension(node, node.Generators, () => Visit(node.Element), "<genexpr>", inline: false);
        _scopes[node].IsGenerator = true;
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
            if (s.Symbols.TryGetValue(node.Target.Identifier, out var flags) && (flags & SymbolFlags.Assigned) != 0)
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

    /// <summary>Decides every name's binding, top-down, then lays out each function's slots.</summary>
    private static void Resolve(Scope root)
    {
        var all = new List<Scope>();
        void Collect(Scope s)
        {
            all.Add(s);
            foreach (var c in s.Children)
            {
                Collect(c);
            }
        }

        Collect(root);
        foreach (var s in all)
        {
            foreach (var name in s.Order)
            {
                // A slot kept only for an inlined comprehension's variable is not a name of this block's code.
                if (s.Symbols[name] != SymbolFlags.ComprehensionLocal)
                {
                    s.Bind(name, Lookup(s, name));
                }
            }
        }

        foreach (var s in all)
        {
            if (!s.IsInlined)
            {
                continue;
            }

            // A variable a nested function captures is a cell of the frame, the rest fast slots.
            var owner = s.FrameOwner;
            foreach (var name in s.SavedNames)
            {
                (s.CellNames.Contains(name) ? owner.ComprehensionCellNames : owner.ComprehensionFastNames).Add(name);
            }
        }

        foreach (var s in all)
        {
            if (s.IsInlined)
            {
                continue;
            }

            if (s.Kind == ScopeKind.Function)
            {
                foreach (var p in s.Parameters)
                {
                    s.LocalNames.Add(p);
                }
            }

            // The block's own fast locals in first-seen order, a comprehension's where it saves them.
            var next = 0;
            for (var i = 0; i <= s.Order.Count; i++)
            {
                for (; next < s.ComprehensionSlots.Count && s.ComprehensionSlots[next].Position == i; next++)
                {
                    var saved = s.ComprehensionSlots[next].Name;
                    if (s.ComprehensionFastNames.Contains(saved) && !s.LocalNames.Contains(saved))
                    {
                        s.LocalNames.Add(saved);
                    }
                }

                if (i < s.Order.Count)
                {
                    var name = s.Order[i];
                    if (s.IsLocal(name) && !s.CellNames.Contains(name) && !s.ComprehensionCellNames.Contains(name) && !s.LocalNames.Contains(name))
                    {
                        s.LocalNames.Add(name);
                    }
                }
            }

            // The block's own variables that are cells; a comprehension's cell named as a global
            // or namespace name of the block keeps that binding outside the comprehension.
            foreach (var c in s.CellNames)
            {
                if (s.Kind == ScopeKind.Class || s.IsLocal(c))
                {
                    s.Bind(c, NameBinding.Cell);
                }
            }

            foreach (var c in s.ComprehensionCellNames)
            {
                if (!s.CellNames.Contains(c))
                {
                    s.CellNames.Add(c);
                }

                if (s.IsLocal(c))
                {
                    s.Bind(c, NameBinding.Cell);
                }
            }
        }
    }

    private static NameBinding Lookup(Scope scope, string name)
    {
        scope.Symbols.TryGetValue(name, out var flags);
        if ((flags & SymbolFlags.Global) != 0)
        {
            return NameBinding.Global;
        }

        if (scope.IsLocal(name))
        {
            return NameBinding.Fast;
        }

        if (scope.Kind == ScopeKind.Module)
        {
            return NameBinding.Name;
        }

        if (scope.Kind == ScopeKind.Class && (flags & SymbolFlags.Assigned) != 0 && (flags & SymbolFlags.Nonlocal) == 0)
        {
            return NameBinding.Name;
        }

        for (var p = scope.Parent; p != null; p = p.Parent)
        {
            if (p.Kind == ScopeKind.Class)
            {
                if (name == "__class__")
                {
                    p.NeedsClassCell = true;
                    MarkFree(scope, p, name);
                    return NameBinding.Free;
                }

                continue;
            }

            if (p.Kind == ScopeKind.Module)
            {
                break;
            }

            p.Symbols.TryGetValue(name, out var pf);
            if ((pf & SymbolFlags.Global) != 0)
            {
                break;
            }

            if (p.IsLocal(name))
            {
                if (scope.IsInlined && p.FrameOwner == scope.FrameOwner)
                {
                    // An inlined comprehension reads its frame's variable directly, no cell.
                    return NameBinding.Fast;
                }

                MarkFree(scope, p, name);
                return NameBinding.Free;
            }
        }

        if (scope.IsInlined && scope.FrameOwner.Kind == ScopeKind.Module)
        {
            // Inlined in module code, 3.12 reads it as the module does (LOAD_NAME).
            return NameBinding.Name;
        }

        return scope.Kind == ScopeKind.Class ? NameBinding.Name : NameBinding.Global;
    }

    /// <summary>Makes <paramref name="name"/> a cell of <paramref name="owner"/> and a free variable of every block from <paramref name="user"/> up to it.</summary>
    private static void MarkFree(Scope user, Scope owner, string name)
    {
        if (!owner.CellNames.Contains(name))
        {
            owner.CellNames.Add(name);
        }

        for (var q = user; q != owner && q != null; q = q.Parent)
        {
            if (!q.FreeNames.Contains(name))
            {
                q.FreeNames.Add(name);
            }

            if (q != user)
            {
                q.Bind(name, q.Kind == ScopeKind.Class && q.Symbols.TryGetValue(name, out var f) && (f & SymbolFlags.Assigned) != 0 ? NameBinding.Name : NameBinding.Free);
            }
        }
    }
}
