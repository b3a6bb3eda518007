using Spectre.Console;

namespace Refheap.Cli.Load;

/// <summary>
/// A Spectre console over the command's stderr, for progress bars: live redraws on a terminal,
/// plain lines when stderr is a file or a test's writer.
/// </summary>
public static class ErrorScreen
{
    /// <summary>The progress display of <paramref name="console"/>'s stderr.</summary>
    public static Progress Progress(CliConsole console)
    {
        var screen = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Error),
            Interactive = ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected ? InteractionSupport.Yes : InteractionSupport.No,
        });
        return screen.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn());
    }
}
