using Refheap.Python.Syntax.Ast;

namespace Refheap.Python.Compiler;

/// <summary>The second walk: every name's binding decided, each function's slots laid out.</summary>
internal sealed partial class SymbolTableBuilder
{
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
