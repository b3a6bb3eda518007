using System.Collections;

namespace Refheap.Cli;

/// <summary>
/// The seam between the commands and the process environment: the variables a child process
/// (CPython, a measuring copy of refheap) is started with, and where executables are looked up.
/// Tests pass their own (e.g. a PATH without python) through <see cref="CliConsole.Environment"/>.
/// </summary>
public sealed class CliEnvironment
{
    private readonly Dictionary<string, string> _variables;

    /// <summary>An environment of exactly these variables.</summary>
    public CliEnvironment(IEnumerable<KeyValuePair<string, string>> variables)
    {
        _variables = new Dictionary<string, string>(variables, OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
    }

    /// <summary>The variables, as a child process gets them.</summary>
    public IReadOnlyDictionary<string, string> Variables => _variables;

    /// <summary>The value of <paramref name="name"/>, or null when it is not set.</summary>
    public string? this[string name] => _variables.TryGetValue(name, out var value) ? value : null;

    /// <summary>This process's environment, read now.</summary>
    public static CliEnvironment FromProcess()
    {
        var variables = new List<KeyValuePair<string, string>>();
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            variables.Add(new((string)entry.Key, (string?)entry.Value ?? ""));
        }

        return new CliEnvironment(variables);
    }

    /// <summary>A copy with <paramref name="name"/> set to <paramref name="value"/> (removed when null).</summary>
    public CliEnvironment With(string name, string? value)
    {
        var copy = new CliEnvironment(_variables);
        if (value == null)
        {
            copy._variables.Remove(name);
        }
        else
        {
            copy._variables[name] = value;
        }

        return copy;
    }

    /// <summary>
    /// The full path of the executable <paramref name="name"/> found first on this environment's
    /// PATH (with the PATHEXT extensions on Windows), or null.
    /// </summary>
    public string? FindOnPath(string name)
    {
        var path = this["PATH"];
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        string[] extensions = OperatingSystem.IsWindows()
            ? [.. (this["PATHEXT"] ?? ".EXE;.BAT;.CMD").Split(';', StringSplitOptions.RemoveEmptyEntries), ""]
            : [""];
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var extension in extensions)
            {
                var candidate = Path.Combine(directory, name + extension);
                if (File.Exists(candidate) && IsExecutable(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static bool IsExecutable(string file) =>
        OperatingSystem.IsWindows()
        || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
