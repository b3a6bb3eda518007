using System.CommandLine;
using Refheap.Cli.Options;
using Refheap.Cli.Rendering;

namespace Refheap.Cli.Stats;

/// <summary>
/// <c>refheap stats [--profile py27|py312] [--json] [--objects N]</c>: builds the talk's
/// Task/Subtask heap, drops half of it, collects, and shows what the allocator holds.
/// </summary>
public static class StatsCommand
{
    /// <summary>Tasks built when <c>--objects</c> is not given.</summary>
    public const int DefaultTasks = 1000;

    /// <summary>The <c>stats</c> command, writing through <paramref name="console"/>.</summary>
    public static Command Build(CliConsole console)
    {
        var profile = OptionFactory.ProfileOption();
        var json = OptionFactory.JsonOption();
        var objects = OptionFactory.ObjectsOption(DefaultTasks);
        var command = new Command(
            "stats",
            "Build a heap of Tasks whose Subtasks point back at them, drop half, collect, "
            + "and show the allocator's statistics, the census and the collector's counts")
        {
            profile,
            json,
            objects,
        };

        command.SetAction(parsed =>
        {
            IRenderer renderer = parsed.GetValue(json) ? new JsonRenderer(console.Out) : new ConsoleRenderer(console.Screen);
            renderer.RenderStats(Run(parsed.GetRequiredValue(profile), parsed.GetValue(objects)));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Builds the demo heap in a fresh runtime and reports on it.</summary>
    /// <exception cref="CommandLineErrorException">The heap ran out of memory.</exception>
    public static StatsReport Run(Profile profile, int tasks)
    {
        try
        {
            return TaskHeapDemo.Run(profile, tasks);
        }
        catch (PythonException e) when (e.TypeName == "MemoryError")
        {
            throw new CommandLineErrorException($"the demo heap ran out of memory with --objects {tasks} ({e.Message})", ExitCodes.Failure);
        }
    }
}
