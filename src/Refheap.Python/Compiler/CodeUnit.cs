using Refheap.Objects;

namespace Refheap.Python.Compiler;

/// <summary>
/// A compiled block: the managed part of a code object (instructions, handler table, names)
/// that the evaluator runs. The heap code object holds the constants and names as objects
/// (see <see cref="Execution.CodeObjects"/>); this payload is reached from it.
/// </summary>
internal sealed class CodeUnit : Refheap.Objects.Native.Code.ICodeSignature
{
    /// <summary><c>co_name</c>.</summary>
    public required string Name { get; init; }

    /// <summary><c>__qualname__</c> of functions made from this code.</summary>
    public required string QualifiedName { get; init; }

    /// <summary><c>co_filename</c>.</summary>
    public required string FileName { get; init; }

    /// <summary><c>co_firstlineno</c>.</summary>
    public required int FirstLine { get; init; }

    /// <summary>Module, class body or function.</summary>
    public required ScopeKind Kind { get; init; }

    /// <summary>The instructions (<see cref="Instruction"/>).</summary>
    public required int[] Code { get; init; }

    /// <summary>The source line of each instruction.</summary>
    public required int[] Lines { get; init; }

    /// <summary>
    /// The source span of each instruction (3.11+ <c>co_positions</c>): the expression it
    /// belongs to, else its statement; empty when not recorded. 3.12's tracebacks draw their
    /// markers from it.
    /// </summary>
    public Syntax.SourceSpan[] Spans { get; init; } = [];

    /// <summary>For each instruction, the index of its handler in <see cref="Handlers"/>, or -1.</summary>
    public required int[] HandlerAt { get; init; }

    /// <summary>Exception handlers.</summary>
    public required ExceptionHandler[] Handlers { get; init; }

    /// <summary>Constants: null (None), bool, BigInteger, double, string, <see cref="CodeUnit"/>, <see cref="KeywordNames"/>, <see cref="LongLiteral"/>, <see cref="ConstantKind"/>.</summary>
    public required object?[] Constants { get; init; }

    /// <summary>Global, attribute and namespace names.</summary>
    public required string[] Names { get; init; }

    /// <summary>Fast locals (parameters first).</summary>
    public required string[] LocalNames { get; init; }

    /// <summary>Cells of this block's variables.</summary>
    public required string[] CellNames { get; init; }

    /// <summary>Free variables (from the closure).</summary>
    public required string[] FreeNames { get; init; }

    /// <summary>For each cell, the fast local (a parameter) that initializes it, or -1.</summary>
    public required int[] CellParameter { get; init; }

    /// <summary>Positional parameters (not counting *args).</summary>
    public required int ArgCount { get; init; }

    /// <summary>Positional-only parameters (the first ones, before <c>/</c>; counted in <see cref="ArgCount"/>).</summary>
    public required int PositionalOnlyCount { get; init; }

    /// <summary>Keyword-only parameters.</summary>
    public required int KeywordOnlyCount { get; init; }

    /// <summary>Whether it takes *args (in the slot after the keyword-only ones).</summary>
    public required bool HasVarArgs { get; init; }

    /// <summary>Whether it takes **kwargs (in the slot after *args).</summary>
    public required bool HasVarKeywords { get; init; }

    /// <summary>Whether calling a function of this code makes a generator.</summary>
    public required bool IsGenerator { get; init; }

    /// <summary>The value stack's maximum height, with room to spare.</summary>
    public required int StackSize { get; init; }

    /// <summary>The deepest the instructions take the value stack (the code object's <c>co_stacksize</c>).</summary>
    public int MaxDepth { get; init; }

    /// <summary>Slots a frame needs: locals, cells, free variables, stack.</summary>
    public int SlotCount => LocalNames.Length + CellNames.Length + FreeNames.Length + StackSize;

    /// <summary>Index of the first stack slot.</summary>
    public int StackBase => LocalNames.Length + CellNames.Length + FreeNames.Length;

    /// <summary>The constants as heap objects (borrowed from the code object's tuple); set when the code object is made.</summary>
    public PyRef[] ConstantObjects { get; set; } = [];

    /// <summary>The names as interned str objects (borrowed: interned strings live as long as the heap).</summary>
    public PyRef[] NameObjects { get; set; } = [];

    /// <summary>LOAD_GLOBAL's cache, one per name (<see cref="ObjectApi.LoadGlobal"/>); made with <see cref="NameObjects"/>.</summary>
    public ObjectApi.GlobalCache[] GlobalCaches { get; set; } = [];

    /// <summary>LOAD_ATTR's cache for module attributes, one per name (<see cref="ObjectApi.CachedModuleAttribute"/>).</summary>
    public ObjectApi.GlobalCache[] AttributeCaches { get; set; } = [];

    /// <summary>
    /// Whether the CALL at each instruction index has run: 3.12 specializes a call site from its
    /// second run (<see cref="ObjectApi.CallKind"/>); made with <see cref="NameObjects"/>.
    /// </summary>
    public bool[] CallSitesRun { get; set; } = [];

    /// <summary>The parameter names as interned str objects, for keyword matching.</summary>
    public PyRef[] ParameterNameObjects { get; set; } = [];

    /// <summary>For a module's code, the size of its compile (what CPython's compiler frees on its free lists); see <see cref="CompileFootprint"/>.</summary>
    public CompileFootprint Footprint { get; set; }
}
