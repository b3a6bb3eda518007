using Refheap.Python.Syntax.Ast;
using Refheap.Python.Syntax.Lexing;

namespace Refheap.Python.Syntax.Parsing;

/// <summary>
/// A recursive-descent parser for both dialects, reading tokens from the <see cref="Lexer"/>
/// on demand. Start at <see cref="ParseModule"/>; statements are in Parser.Statements.cs,
/// expressions in Parser.Expressions.cs, string literals in Parser.Strings.cs, assignment
/// targets in Parser.Targets.cs and the reporting of errors in Parser.Errors.cs.
/// </summary>
/// <remarks>
/// <para>
/// The grammar is CPython 3.12's (Grammar/python.gram) with 2.7's statements and forms
/// switched in by <see cref="PythonDialect"/> properties. Errors are reported as the
/// dialect's CPython reports them, in CPython's order:
/// </para>
/// <list type="number">
/// <item>grammar errors, at once, where the parse stops (3.12 swaps a generic "invalid syntax"
/// for a specific message in the common cases, as its second, error-finding pass does);</item>
/// <item>errors CPython finds only in the finished tree — 2.7's "can't assign to literal",
/// the symbol table's "duplicate argument", the compiler's "'return' outside function" —
/// kept in <see cref="_deferred"/> and raised after the whole file has parsed, the earliest
/// phase first;</item>
/// <item>last, a construct Refheap does not run (<see cref="PythonUnsupportedError"/>).</item>
/// </list>
/// </remarks>
internal sealed partial class Parser
{
    private readonly Lexer _lexer;
    private readonly SourceText _source;
    private readonly PythonDialect _dialect;
    private readonly List<Token> _tokens = [];
    private readonly List<PythonSyntaxWarning> _warnings = [];

    /// <summary>Warnings of the compiler, which runs after the parser: they print after the parser's.</summary>
    private readonly List<PythonSyntaxWarning> _compilerWarnings = [];
    private readonly List<DeferredError> _deferred = [];
    private readonly List<PythonUnsupportedError> _unsupported = [];
    private PythonSyntaxError? _lexerError;
    private int _index;
    private FutureFeatures _future;
    private Scope _scope = Scope.Module;

    /// <summary>Brackets the parser is inside (3.12 suggests a missing comma only there).</summary>
    private int _bracketDepth;

    public Parser(SourceText source, PythonDialect dialect, FutureFeatures future = FutureFeatures.None)
    {
        _source = source;
        _dialect = dialect;
        _lexer = new Lexer(source, dialect);
        _future = future;
    }

    public IReadOnlyList<PythonSyntaxWarning> Warnings => TreeOnly ? _warnings : [.. _warnings, .. _compilerWarnings];

    /// <summary>Check only what CPython's parser checks (ast.parse): skip the later passes' errors and unsupported constructs.</summary>
    public bool TreeOnly { get; init; }

    /// <summary>Parses the whole file.</summary>
    /// <exception cref="PythonSyntaxError">The file does not parse, or CPython would reject it before running it.</exception>
    /// <exception cref="PythonUnsupportedError">The file parses but uses a construct Refheap does not run.</exception>
    public ModuleNode ParseModule()
    {
        var body = new List<Statement>();
        try
        {
            var futureAllowed = true;
            while (Current.Kind != TokenKind.EndOfFile)
            {
                if (Current.Kind == TokenKind.Newline)
                {
                    Advance();
                    continue;
                }

                var statementIndex = body.Count;
                ParseStatementInto(body);
                for (var i = statementIndex; i < body.Count; i++)
                {
                    futureAllowed = CheckFutureImport(body[i], futureAllowed, i == 0);
                }
            }
        }
        catch (PythonSyntaxError error) when (Is312 && _lexerError is null)
        {
            throw WithWarnings(CheckRestOfFile(error));
        }
        catch (PythonSyntaxError error)
        {
            throw WithWarnings(error);
        }

        var span = body.Count == 0
            ? new SourceSpan(1, 0, 1, 0)
            : SourceSpan.Cover(body[0].Span, body[^1].Span);
        var module = new ModuleNode(body, _future, span);
        ThrowDeferred();
        return module;
    }

    // ----- tokens -----

    private Token Current => Peek(0);

    private Token Previous => _tokens[_index - 1];

    private Token Peek(int ahead)
    {
        while (_index + ahead >= _tokens.Count)
        {
            if (_tokens.Count > 0 && _tokens[^1].Kind == TokenKind.EndOfFile)
            {
                return _tokens[^1];
            }

            _tokens.Add(FetchToken());
        }

        return _tokens[_index + ahead];
    }

    /// <summary>
    /// The next token from the lexer. 3.12's tokenizer turns the end of the file inside a
    /// bracket into "'(' was never closed" at once, whatever the parser wanted.
    /// </summary>
    private Token FetchToken()
    {
        Token token;
        try
        {
            token = _lexer.Next();
        }
        catch (PythonSyntaxError error)
        {
            _lexerError = error;
            throw;
        }

        if (token.Kind == TokenKind.EndOfFile && _lexer.OpenBracketCount > 0 && _dialect.Errors == SyntaxErrorStyle.Cpython312)
        {
            throw _lexerError = UnclosedBracketError();
        }

        return token;
    }

    // ----- speculation: trying a parse and going back -----

    /// <summary>Where the parse stood, to come back to after a trial parse.</summary>
    private readonly record struct Speculation(int Index, int BracketDepth, int Warnings, int CompilerWarnings, int Deferred, int Unsupported, int Yields);

    private Speculation Save() => new(_index, _bracketDepth, _warnings.Count, _compilerWarnings.Count, _deferred.Count, _unsupported.Count, _yields.Count);

    /// <summary>
    /// Goes back to <paramref name="state"/>, forgetting what the trial noted. (A tokenizer
    /// error met during a trial is never swallowed: the trial's catch lets it through.)
    /// </summary>
    private void Restore(Speculation state)
    {
        _index = state.Index;
        _bracketDepth = state.BracketDepth;
        _warnings.RemoveRange(state.Warnings, _warnings.Count - state.Warnings);
        _compilerWarnings.RemoveRange(state.CompilerWarnings, _compilerWarnings.Count - state.CompilerWarnings);
        _deferred.RemoveRange(state.Deferred, _deferred.Count - state.Deferred);
        _unsupported.RemoveRange(state.Unsupported, _unsupported.Count - state.Unsupported);
        _yields.RemoveRange(state.Yields, _yields.Count - state.Yields);
    }

    private Token Advance()
    {
        var token = Current;
        if (token.Kind != TokenKind.EndOfFile)
        {
            _index++;
        }

        return token;
    }

    private bool At(TokenKind kind) => Current.Kind == kind;

    private bool At(Keyword keyword) => Current.Kind == TokenKind.Name && Current.Keyword == keyword && !IsPlainName(Current);

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private bool Accept(Keyword keyword)
    {
        if (!At(keyword))
        {
            return false;
        }

        Advance();
        return true;
    }

    /// <summary>Consumes a token of <paramref name="kind"/>, or fails with "invalid syntax" at the current token.</summary>
    private Token Expect(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            throw InvalidSyntax(Current);
        }

        return Advance();
    }

    private Token Expect(Keyword keyword)
    {
        if (!At(keyword))
        {
            throw InvalidSyntax(Current);
        }

        return Advance();
    }

    /// <summary>
    /// 3.12's forced token (<c>&amp;&amp;':'</c> in the grammar): "expected ':'" at whatever
    /// stands there; 2.7 says "invalid syntax".
    /// </summary>
    private Token ExpectForced(TokenKind kind, string spelling)
    {
        if (Current.Kind == kind)
        {
            return Advance();
        }

        if (_dialect.Errors == SyntaxErrorStyle.Cpython312)
        {
            throw ErrorAtToken(Current, $"expected '{spelling}'");
        }

        throw InvalidSyntax(Current);
    }

    /// <summary>
    /// Whether a name token is an identifier here: not a keyword, or 2.7's <c>print</c> once
    /// <c>print_function</c> is imported.
    /// </summary>
    private bool IsPlainName(Token token) =>
        token.Kind == TokenKind.Name
        && (token.Keyword == Keyword.None || (token.Keyword == Keyword.Print && (_future & FutureFeatures.PrintFunction) != 0));

    private bool AtPlainName => IsPlainName(Current);

    private Token ExpectName()
    {
        if (!AtPlainName)
        {
            throw InvalidSyntax(Current);
        }

        return Advance();
    }

    // ----- spans -----

    private SourceSpan SpanFrom(Token first) => SpanFrom(first.Span);

    /// <summary>From the start of <paramref name="first"/> to the end of the last token consumed.</summary>
    private SourceSpan SpanFrom(SourceSpan first)
    {
        var last = Previous.Span;
        return new SourceSpan(first.Line, first.Column, last.EndLine, last.EndColumn);
    }

    // ----- unsupported constructs and errors found after the parse -----

    /// <summary>
    /// Notes a construct Refheap does not run; the parse goes on (a syntax error later in the
    /// file is still reported first), and the first such construct is reported at the end.
    /// </summary>
    private void Unsupported(string feature, SourceSpan where)
    {
        _unsupported.Add(new PythonUnsupportedError(feature, _source.FileName, where.Line, where.Column));
    }

    /// <summary>Notes an error CPython finds only after parsing, in <paramref name="phase"/>.</summary>
    private void Defer(CheckPhase phase, PythonSyntaxError error) => _deferred.Add(new DeferredError(phase, _deferred.Count, error));

    private void ThrowDeferred()
    {
        if (TreeOnly)
        {
            // 2.7's ast.c errors belong to building the tree; the later passes' do not.
            var astError = _deferred.Where(d => d.Phase == CheckPhase.Ast).Select(d => d.Error).FirstOrDefault();
            if (astError is not null)
            {
                throw WithWarnings(astError);
            }

            return;
        }

        if (_deferred.Count > 0)
        {
            var first = _deferred.OrderBy(d => d.Phase).ThenBy(d => d.Order).First();
            var error = first.Error;
            if (Is312 && first.Phase != CheckPhase.Ast && _source.IsPseudoFile && error.Text is not null)
            {
                // 3.12 reads the text of an error found after the parse back from the file.
                error = new PythonSyntaxError(error.Dialect, error.ErrorType, error.Message, error.FileName, error.Line, error.Offset, error.EndLine, error.EndOffset, null);
            }

            throw WithWarnings(error, afterParse: first.Phase == CheckPhase.Compiler);
        }

        if (_unsupported.Count > 0)
        {
            throw _unsupported.OrderBy(u => u.Line).ThenBy(u => u.Column).First();
        }
    }

    /// <summary>
    /// The error with the warnings printed before it: the parser's, and, for an error of a pass
    /// after the parse, the compiler's too.
    /// </summary>
    private PythonSyntaxError WithWarnings(PythonSyntaxError error, bool afterParse = false)
    {
        var warnings = afterParse ? [.. _warnings, .. _compilerWarnings] : _warnings;
        return warnings.Count == 0 || error.Warnings.Count > 0
            ? error
            : new PythonSyntaxError(error.Dialect, error.ErrorType, error.Message, error.FileName, error.Line, error.Offset, error.EndLine, error.EndOffset, error.Text)
            {
                Warnings = [.. warnings],
            };
    }

    /// <summary>A SyntaxWarning of CPython's compiler (compile.c's compiler_warn) at <paramref name="line"/>.</summary>
    private void CompilerWarning(int line, string message) =>
        _compilerWarnings.Add(new PythonSyntaxWarning(_source.FileName, line, "SyntaxWarning", message, _source.LineWithoutNewline(line)));

    /// <summary>
    /// CPython's passes after the parse, in the order they run; an error of an earlier pass is
    /// reported before one of a later pass, whatever their places in the file.
    /// </summary>
    private enum CheckPhase
    {
        /// <summary>2.7's ast.c, which builds the tree from the parse tree.</summary>
        Ast,

        /// <summary>future.c: <c>from __future__</c> imports.</summary>
        Future,

        /// <summary>symtable.c: scopes and names.</summary>
        SymbolTable,

        /// <summary>compile.c: code generation.</summary>
        Compiler,
    }

    private readonly record struct DeferredError(CheckPhase Phase, int Order, PythonSyntaxError Error);

    /// <summary>What kind of code the parser is in, for <c>return</c>, <c>yield</c>, <c>break</c> and <c>continue</c>.</summary>
    private sealed class Scope
    {
        public static Scope Module => new(isFunction: false);

        public Scope(bool isFunction)
        {
            IsFunction = isFunction;
        }

        public bool IsFunction { get; }

        /// <summary>Loops around the current statement in this scope.</summary>
        public int LoopDepth => Blocks.Count(isLoop => isLoop);

        /// <summary>The loops (true) and finally blocks (false) around the current statement, innermost last.</summary>
        public List<bool> Blocks { get; } = [];

        /// <summary>2.7: where each <c>return value</c> of the function stands.</summary>
        public List<SourceSpan> ReturnsWithValue { get; } = [];
    }
}
