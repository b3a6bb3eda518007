using Spectre.Console;

namespace Refheap.Cli;

/// <summary>
/// The seam between the commands and the terminal: tables go to <see cref="Screen"/>, JSON,
/// help and version text to <see cref="Out"/>, errors and progress to <see cref="Error"/>;
/// child processes start from <see cref="Environment"/>. Tests pass string writers (and an
/// environment of their own) and assert the exact screen.
/// </summary>
public sealed record CliConsole(IAnsiConsole Screen, TextWriter Out, TextWriter Error)
{
    /// <summary>The environment child processes get and executables are looked up in (default: this process's).</summary>
    public CliEnvironment Environment { get; init; } = CliEnvironment.FromProcess();

    /// <summary>The process's own stdout and stderr.</summary>
    public static CliConsole FromSystemConsole() => new(AnsiConsole.Console, Console.Out, Console.Error);

    /// <summary>
    /// Plain text into writers: no colours or cursor codes, Unicode borders, a fixed width so
    /// that tables lay out the same everywhere.
    /// </summary>
    public static CliConsole FromWriters(TextWriter output, TextWriter error, int width = 100)
    {
        var screen = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        screen.Profile.Width = width;
        screen.Profile.Capabilities.Unicode = true;
        return new CliConsole(screen, output, error);
    }
}
