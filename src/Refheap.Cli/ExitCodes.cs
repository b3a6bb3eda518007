namespace Refheap.Cli;

/// <summary>What <c>refheap</c> returns to the shell (documented in docs/cli.md).</summary>
public static class ExitCodes
{
    /// <summary>The command did its job.</summary>
    public const int Success = 0;

    /// <summary>The command was well formed but could not finish (e.g. the heap ran out of memory).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: unknown command or option, bad option value.</summary>
    public const int UsageError = 2;
}
