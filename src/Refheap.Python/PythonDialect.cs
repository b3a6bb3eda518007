namespace Refheap.Python;

/// <summary>
/// Which Python the front end reads: the syntax of CPython 2.7.18 or of CPython 3.12, chosen
/// from the runtime profile's name. Every difference between the two grammars is one named
/// property here; the lexer and parser ask the property, never the version.
/// </summary>
public sealed class PythonDialect
{
    private PythonDialect(string profileName, string pythonVersion)
    {
        ProfileName = profileName;
        PythonVersion = pythonVersion;
    }

    /// <summary>Python 2.7, the dialect of the <c>py27</c> profile.</summary>
    public static PythonDialect Py27 { get; } = new("py27", "2.7.18")
    {
        PrintIsStatement = true,
        ExecIsStatement = true,
        BacktickRepr = true,
        DiamondNotEqual = true,
        LongIntegerSuffix = true,
        LegacyOctalLiterals = true,
        UnderscoresInNumbers = false,
        PlainStringsAreBytes = true,
        RawBytesPrefixOrder = false,
        UnicodeRawPrefix = true,
        FormattedStrings = false,
        NonAsciiSourceNeedsCodingDeclaration = true,
        UnicodeIdentifiers = false,
        ConstantKeywords = false,
        AsyncKeywords = false,
        SoftKeywordStatements = false,
        KeywordOnlyParameters = false,
        Annotations = false,
        StarredTargets = false,
        StarredExpressions = false,
        Nonlocal = false,
        YieldFrom = false,
        RaiseFrom = false,
        LegacyRaiseArguments = true,
        ExceptComma = true,
        ClassKeywords = false,
        MatrixMultiplication = false,
        AssignmentExpressions = false,
        EllipsisOutsideSubscripts = false,
        ListComprehensionOverBareTuple = true,
        ParenthesizedWithItems = false,
        InconsistentTabsAreErrors = false,
        Errors = SyntaxErrorStyle.Cpython27,
        StartupTupleFreeLists = [2, 466, 1, 2, 3, 0, 1, 2, 0, 3, 2, 1, 0, 1, 0, 2, 1, 0, 3],
        StartupListFreeList = 5,
        StartupDictFreeList = 7,
        StartupMethodFreeList = 5,
        StartupSetFreeList = 2,
        StartupSliceCache = 0,
        CompileDictsBase = 7,
        CompileDictsPerLevel = 9,
    };

    /// <summary>Python 3.12, the dialect of the <c>py312</c> profile.</summary>
    public static PythonDialect Py312 { get; } = new("py312", "3.12.1")
    {
        PrintIsStatement = false,
        ExecIsStatement = false,
        BacktickRepr = false,
        DiamondNotEqual = false,
        LongIntegerSuffix = false,
        LegacyOctalLiterals = false,
        UnderscoresInNumbers = true,
        PlainStringsAreBytes = false,
        RawBytesPrefixOrder = true,
        UnicodeRawPrefix = false,
        FormattedStrings = true,
        NonAsciiSourceNeedsCodingDeclaration = false,
        UnicodeIdentifiers = true,
        ConstantKeywords = true,
        AsyncKeywords = true,
        SoftKeywordStatements = true,
        KeywordOnlyParameters = true,
        Annotations = true,
        StarredTargets = true,
        StarredExpressions = true,
        Nonlocal = true,
        YieldFrom = true,
        RaiseFrom = true,
        LegacyRaiseArguments = false,
        ExceptComma = false,
        ClassKeywords = true,
        MatrixMultiplication = true,
        AssignmentExpressions = true,
        EllipsisOutsideSubscripts = true,
        ListComprehensionOverBareTuple = false,
        ParenthesizedWithItems = true,
        InconsistentTabsAreErrors = true,
        Errors = SyntaxErrorStyle.Cpython312,
        StartupTupleFreeLists = [5, 8, 3, 1, 1, 1, 0, 1, 2, 0, 1, 0, 1, 1, 0, 1, 1, 2, 0],
        StartupListFreeList = 9,
        StartupDictFreeList = 14,
        StartupMethodFreeList = 0,
        StartupSetFreeList = 0,
        StartupSliceCache = 1,
        CompileDictsBase = 9,
        CompileDictsPerLevel = 6,
    };

    /// <summary>The runtime profile this dialect belongs to: <c>py27</c> or <c>py312</c>.</summary>
    public string ProfileName { get; }

    /// <summary>The CPython version whose grammar and error messages are reproduced.</summary>
    public string PythonVersion { get; }

    /// <summary>2.7: <c>print x, y</c> is a statement (unless <c>from __future__ import print_function</c>).</summary>
    public required bool PrintIsStatement { get; init; }

    /// <summary>2.7: <c>exec code in ns</c> is a statement and <c>exec</c> a keyword.</summary>
    public required bool ExecIsStatement { get; init; }

    /// <summary>2.7: <c>`x`</c> means <c>repr(x)</c>.</summary>
    public required bool BacktickRepr { get; init; }

    /// <summary>2.7: <c>&lt;&gt;</c> is another spelling of <c>!=</c>.</summary>
    public required bool DiamondNotEqual { get; init; }

    /// <summary>2.7: <c>10L</c> is a long literal.</summary>
    public required bool LongIntegerSuffix { get; init; }

    /// <summary>2.7: <c>0777</c> is octal; 3.x rejects leading zeros in decimal literals.</summary>
    public required bool LegacyOctalLiterals { get; init; }

    /// <summary>3.6+: <c>1_000_000</c>.</summary>
    public required bool UnderscoresInNumbers { get; init; }

    /// <summary>2.7: <c>'abc'</c> is a byte string (<c>str</c>) unless <c>unicode_literals</c> is imported; 3.x: text.</summary>
    public required bool PlainStringsAreBytes { get; init; }

    /// <summary>3.3+: <c>rb'...'</c> as well as <c>br'...'</c>.</summary>
    public required bool RawBytesPrefixOrder { get; init; }

    /// <summary>2.7: <c>ur'...'</c>, a raw unicode literal that still decodes <c>\u</c> escapes.</summary>
    public required bool UnicodeRawPrefix { get; init; }

    /// <summary>3.6+: f-strings, tokenized as in 3.12 (PEP 701: any quotes inside replacement fields).</summary>
    public required bool FormattedStrings { get; init; }

    /// <summary>2.7: a non-ASCII byte in a file without a coding declaration is a syntax error (PEP 263).</summary>
    public required bool NonAsciiSourceNeedsCodingDeclaration { get; init; }

    /// <summary>3.x: identifiers may use non-ASCII letters (PEP 3131).</summary>
    public required bool UnicodeIdentifiers { get; init; }

    /// <summary>3.x: <c>True</c>, <c>False</c> and <c>None</c> are keywords; in 2.7 they are names.</summary>
    public required bool ConstantKeywords { get; init; }

    /// <summary>3.7+: <c>async</c> and <c>await</c> are keywords.</summary>
    public required bool AsyncKeywords { get; init; }

    /// <summary>3.10+: <c>match</c> and (3.12) <c>type</c> start statements when they are followed by one.</summary>
    public required bool SoftKeywordStatements { get; init; }

    /// <summary>3.x: parameters after <c>*</c> or <c>*args</c> are keyword-only; 3.8+: <c>/</c> marks positional-only ones.</summary>
    public required bool KeywordOnlyParameters { get; init; }

    /// <summary>3.x: parameter and return annotations; 3.6+: annotated assignments <c>x: int = 0</c>.</summary>
    public required bool Annotations { get; init; }

    /// <summary>3.x: <c>a, *rest = items</c>.</summary>
    public required bool StarredTargets { get; init; }

    /// <summary>3.5+: <c>*x</c> inside displays and <c>**m</c> inside dict displays.</summary>
    public required bool StarredExpressions { get; init; }

    /// <summary>3.x: the <c>nonlocal</c> statement.</summary>
    public required bool Nonlocal { get; init; }

    /// <summary>3.3+: <c>yield from</c>.</summary>
    public required bool YieldFrom { get; init; }

    /// <summary>3.x: <c>raise X from Y</c>.</summary>
    public required bool RaiseFrom { get; init; }

    /// <summary>2.7: <c>raise E, V, tb</c>.</summary>
    public required bool LegacyRaiseArguments { get; init; }

    /// <summary>2.7: <c>except E, e:</c> as well as <c>except E as e:</c>.</summary>
    public required bool ExceptComma { get; init; }

    /// <summary>3.x: <c>class A(B, metaclass=M)</c>.</summary>
    public required bool ClassKeywords { get; init; }

    /// <summary>3.5+: the <c>@</c> operator and <c>@=</c>.</summary>
    public required bool MatrixMultiplication { get; init; }

    /// <summary>3.8+: <c>(x := value)</c>.</summary>
    public required bool AssignmentExpressions { get; init; }

    /// <summary>3.x: <c>...</c> is an expression anywhere; 2.7 accepts it only as a subscript.</summary>
    public required bool EllipsisOutsideSubscripts { get; init; }

    /// <summary>2.7: <c>[x for x in 1, 2]</c> iterates over an unparenthesized tuple.</summary>
    public required bool ListComprehensionOverBareTuple { get; init; }

    /// <summary>3.9+: <c>with (a as b, c as d):</c>.</summary>
    public required bool ParenthesizedWithItems { get; init; }

    /// <summary>3.x: indentation that depends on the width of a tab is a <c>TabError</c>; 2.7 only warns with <c>-t</c>.</summary>
    public required bool InconsistentTabsAreErrors { get; init; }

    /// <summary>Whose messages, carets and source lines syntax errors reproduce.</summary>
    public required SyntaxErrorStyle Errors { get; init; }

    /// <summary>
    /// The tuples of 1 to 19 items CPython's start-up leaves on its free lists when a program's
    /// first line runs (measured on CPython 2.7.18 and 3.12.1: <c>sys._debugmallocstats()</c>
    /// and <c>gc.get_count()</c>), so that a program's first tuples are recycled ones there too.
    /// </summary>
    public required IReadOnlyList<int> StartupTupleFreeLists { get; init; }

    /// <summary>The lists on the list free list at start.</summary>
    public required int StartupListFreeList { get; init; }

    /// <summary>The dicts on the dict free list at start (measured with <c>gc.get_count()</c> around <c>[{} for i in range(30)]</c>).</summary>
    public required int StartupDictFreeList { get; init; }

    /// <summary>The bound methods on 2.7's free list at start (3.12 keeps none).</summary>
    public required int StartupMethodFreeList { get; init; }

    /// <summary>
    /// The sets on 2.7's set free list at start (measured with <c>gc.get_count()</c> around a
    /// program's first <c>set()</c> calls; 3.12 keeps no set free list).
    /// </summary>
    public required int StartupSetFreeList { get; init; }

    /// <summary>The slices in 3.12's one-slot slice cache at start (measured with <c>gc.get_count()</c> around a program's first <c>slice()</c>; 2.7 has no cache).</summary>
    public required int StartupSliceCache { get; init; }

    /// <summary>
    /// The dicts CPython's compiler leaves on the free list for a program of one block, less one
    /// per extra block (measured as <see cref="StartupDictFreeList"/> is, with programs of
    /// nested and of sibling functions).
    /// </summary>
    public required int CompileDictsBase { get; init; }

    /// <summary>The dicts CPython's compiler leaves on the free list per level of nested code objects.</summary>
    public required int CompileDictsPerLevel { get; init; }

    /// <summary>
    /// The lists on the list free list at a program's first line: what start-up left
    /// (<see cref="StartupListFreeList"/>), or more when compiling the program freed more —
    /// two per block and five more (measured with programs of 0 to 40 blocks on CPython 2.7.18
    /// and 3.12.1) — up to the free list's 80.
    /// </summary>
    internal int StartupLists(Compiler.CompileFootprint footprint) =>
        Math.Min(80, Math.Max(StartupListFreeList, (2 * footprint.Blocks) + 5));

    /// <summary>
    /// The dicts on the dict free list at a program's first line: what start-up left
    /// (<see cref="StartupDictFreeList"/>), or more when compiling the program freed more, up
    /// to the free list's 80.
    /// </summary>
    internal int StartupDicts(Compiler.CompileFootprint footprint) =>
        Math.Min(80, Math.Max(StartupDictFreeList, CompileDictsBase + (CompileDictsPerLevel * footprint.Depth) + footprint.Blocks));

    /// <summary>The dialect of a runtime profile (<c>py27</c>, <c>py312</c>).</summary>
    /// <exception cref="ArgumentException">The name is not a known profile.</exception>
    public static PythonDialect FromProfileName(string name) => name switch
    {
        "py27" => Py27,
        "py312" => Py312,
        _ => throw new ArgumentException($"unknown profile '{name}' (expected py27 or py312)", nameof(name)),
    };

    /// <summary>The dialect of <paramref name="profile"/>.</summary>
    public static PythonDialect FromProfile(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return FromProfileName(profile.Name);
    }

    /// <inheritdoc/>
    public override string ToString() => ProfileName;
}
