using Refheap.Objects;

namespace Refheap.Python.Builtins;

/// <summary>
/// What the builtins module needs from the program that runs: the dialect (which picks the
/// profile's behaviour of each builtin) and where <c>print</c> writes.
/// </summary>
public sealed class BuiltinsHost
{
    /// <summary>Creates a host.</summary>
    /// <param name="dialect">The program's dialect; it must match the runtime's profile.</param>
    /// <param name="stdout">Where <c>print</c> writes when no <c>file</c> is given (and sys.stdout is not replaced).</param>
    /// <param name="stderr">The program's standard error.</param>
    public BuiltinsHost(PythonDialect dialect, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        Dialect = dialect;
        Stdout = stdout;
        Stderr = stderr;
    }

    /// <summary>The program's dialect.</summary>
    public PythonDialect Dialect { get; }

    /// <summary>The program's standard output.</summary>
    public TextWriter Stdout { get; }

    /// <summary>The program's standard error.</summary>
    public TextWriter Stderr { get; }

    /// <summary>
    /// The object <c>sys.stdout</c> names now (borrowed), which <c>print</c> writes to through
    /// its <c>write</c> method when no <c>file</c> is given; null (or a null result) means
    /// <see cref="Stdout"/>. The evaluator sets it once its sys module exists.
    /// </summary>
    internal Func<PyRef>? SysStdout { get; set; }
}
