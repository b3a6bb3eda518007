namespace Refheap.Cli;

/// <summary>
/// An expected error the user can fix: its message is the whole story and is printed as one
/// line on stderr (<c>refheap: message</c>), without a stack trace.
/// </summary>
public sealed class CommandLineErrorException(string message, int exitCode = ExitCodes.UsageError) : Exception(message)
{
    /// <summary>The process exit code to return.</summary>
    public int ExitCode { get; } = exitCode;
}
