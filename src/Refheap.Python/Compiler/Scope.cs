using Refheap.Objects;
using Refheap.Python.Syntax.Ast;

namespace Refheap.Python.Compiler;

/// <summary>
/// One block of the symbol table (CPython's symtable entry): the names a module, class or
/// function binds and uses, and, once resolved, where each lives.
/// </summary>
internal sealed class Scope
{
    private readonly Dictionary<string, NameBinding> _bindings = [];

    /// <summary>Creates a scope.</summary>
    public Scope(ScopeKind kind, string name, Scope? parent, Node node)
    {
        Kind = kind;
        Name = name;
        Parent = parent;
        Node = node;
        PrivateName = kind == ScopeKind.Class ? name : parent?.PrivateName;
        parent?.Children.Add(this);
    }

    /// <summary>
    /// The class whose private names (<c>__x</c>) code of this block mangles: the innermost
    /// class body it is in or is itself (CPython's u_private), or null outside classes.
    /// </summary>
    public string? PrivateName { get; }

    /// <summary>Module, class or function.</summary>
    public ScopeKind Kind { get; }

    /// <summary>The block's name (<c>co_name</c>).</summary>
    public string Name { get; }

    /// <summary>The enclosing scope.</summary>
    public Scope? Parent { get; }

    /// <summary>The node that opened the scope.</summary>
    public Node Node { get; }

    /// <summary>Scopes nested directly in this one.</summary>
    public List<Scope> Children { get; } = [];

    /// <summary>What the block does with each name, in first-seen order.</summary>
    public Dictionary<string, SymbolFlags> Symbols { get; } = [];

    /// <summary>Names in first-seen order (the order locals get their slots).</summary>
    public List<string> Order { get; } = [];

    /// <summary>Parameters in slot order (positional, *args, keyword-only, **kwargs).</summary>
    public List<string> Parameters { get; } = [];

    /// <summary>Whether the block contains <c>yield</c>.</summary>
    public bool IsGenerator { get; set; }

    /// <summary>Whether a function in it needs the implicit <c>__class__</c> cell (3.x <c>super()</c>).</summary>
    public bool NeedsClassCell { get; set; }

    /// <summary>Cells of this block's own variables, captured by nested blocks (slot order).</summary>
    public List<string> CellNames { get; } = [];

    /// <summary>Variables of enclosing blocks this block (or one nested in it) reads (slot order).</summary>
    public List<string> FreeNames { get; } = [];

    /// <summary>Fast locals in slot order (parameters first).</summary>
    public List<string> LocalNames { get; } = [];

    /// <summary>
    /// Whether this is a comprehension 3.12 compiles inline in the enclosing code (PEP 709):
    /// it runs in the frame of <see cref="FrameOwner"/>, its variables are slots there.
    /// </summary>
    public bool IsInlined { get; init; }

    /// <summary>The block whose frame runs this block's code: itself, or for an inlined comprehension the block it is inlined into.</summary>
    public Scope FrameOwner => IsInlined ? Parent!.FrameOwner : this;

    /// <summary>
    /// An inlined comprehension's names whose slots it saves and clears on entry and restores
    /// on exit (LOAD_FAST_AND_CLEAR ... STORE_FAST), in push order: the names it binds, or
    /// directly in a class body every name it has (with the implicit <c>.0</c> first).
    /// </summary>
    public List<string> SavedNames { get; } = [];

    /// <summary>
    /// Inlined comprehensions' saved names in the order their code names them, each with the
    /// length <see cref="Order"/> had then: 3.12 numbers a slot where its code first uses it.
    /// </summary>
    public List<(int Position, string Name)> ComprehensionSlots { get; } = [];

    /// <summary>Names of inlined comprehensions' variables that live in a fast slot of this block's frame.</summary>
    public HashSet<string> ComprehensionFastNames { get; } = [];

    /// <summary>Names of inlined comprehensions' variables that nested functions capture: cells of this block's frame.</summary>
    public HashSet<string> ComprehensionCellNames { get; } = [];

    /// <summary>
    /// <paramref name="name"/> as code of this block binds and looks it up: a private name
    /// <c>__x</c> (not ending in <c>__</c>, not dotted) inside a class <c>C</c> is
    /// <c>_C__x</c>, with the class name's leading underscores dropped (none left: unchanged).
    /// Idempotent, so names already mangled may pass through again.
    /// </summary>
    public string Mangle(string name) => PrivateName == null ? name : ObjectApi.MangledPrivateName(PrivateName, name);

    /// <summary>Records a use of <paramref name="name"/> (mangled: <see cref="Mangle"/>).</summary>
    public void Add(string name, SymbolFlags flags)
    {
        name = Mangle(name);
        if (Symbols.TryGetValue(name, out var existing))
        {
            Symbols[name] = existing | flags;
        }
        else
        {
            Symbols[name] = flags;
            Order.Add(name);
        }
    }

    /// <summary>Where <paramref name="name"/> lives for code of this block.</summary>
    public NameBinding Binding(string name) =>
        _bindings.TryGetValue(Mangle(name), out var b) ? b : Kind == ScopeKind.Function ? NameBinding.Global : NameBinding.Name;

    /// <summary>Sets where <paramref name="name"/> lives.</summary>
    public void Bind(string name, NameBinding binding) => _bindings[name] = binding;

    /// <summary>Whether the name is a local variable of this function (fast or cell).</summary>
    public bool IsLocal(string name) =>
        Kind == ScopeKind.Function && Symbols.TryGetValue(Mangle(name), out var f)
        && (f & (SymbolFlags.Parameter | SymbolFlags.Assigned)) != 0 && (f & (SymbolFlags.Global | SymbolFlags.Nonlocal)) == 0;
}
