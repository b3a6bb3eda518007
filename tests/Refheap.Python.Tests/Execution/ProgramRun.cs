using Refheap.Python.Execution;

namespace Refheap.Python.Tests.Execution;

/// <summary>Runs a program in-process on a fresh runtime (debug allocator on) and checks that the heap went back to its starting census.</summary>
internal sealed record ProgramRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The last non-blank line of stderr (a traceback's <c>Type: message</c>).</summary>
    public string LastErrorLine => Stderr.Split('\n').Select(l => l.TrimEnd('\r')).LastOrDefault(l => l.Trim().Length > 0) ?? "";

    public static ProgramRun Of(string profile, string source, string fileName = "prog.py", long heapLimit = 1L << 30, IReadOnlyList<string>? argv = null)
    {
        using var runtime = new Refheap.Runtime(Profile.FromName(profile), new RuntimeOptions { DebugAllocator = true, HeapLimit = heapLimit });
        runtime.Gc.Collect();
        var start = runtime.TakeCensus();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = PythonProgram.Run(runtime, source.ReplaceLineEndings("\n"), fileName, argv ?? [fileName], stdout, stderr);
        runtime.Gc.Collect();
        var end = runtime.TakeCensus();
        Assert.True(end.SameObjectsAs(start), "objects left over: " + string.Join(", ", end.Since(start).Select(p => $"{p.Key} {p.Value:+#;-#}")));
        return new ProgramRun(exit, stdout.ToString(), stderr.ToString());
    }
}
