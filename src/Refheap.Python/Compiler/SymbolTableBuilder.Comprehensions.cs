using Refheap.Python.Syntax.Ast;

namespace Refheap.Python.Compiler;

/// <summary>The scopes of comprehensions and generator expressions: a function of their own, or (3.12, PEP 709) inlined in the enclosing block.</summary>
internal sealed partial class SymbolTableBuilder
{
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
}
