using System.Diagnostics;
using Refheap.Objects;
using Refheap.Python.Execution;

namespace Refheap.Python.Modules;

/// <summary><c>time</c>: time, perf_counter, monotonic, process_time, sleep.</summary>
internal static class TimeModule
{
    /// <summary>Makes the module.</summary>
    public static PyRef Create(Interpreter interpreter)
    {
        var api = interpreter.Api;
        var b = new ModuleBuilder(interpreter, "time");
        // Microseconds, as CPython's gettimeofday-based clock: benchmarks time short runs with it.
        b.Function("time", (args, kwargs) => api.NewFloat((DateTime.UtcNow - DateTime.UnixEpoch).Ticks / (double)TimeSpan.TicksPerSecond));
        b.Function(interpreter.Py27 ? "clock" : "perf_counter", (args, kwargs) => api.NewFloat(Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency));
        if (!interpreter.Py27)
        {
            b.Function("monotonic", (args, kwargs) => api.NewFloat(Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency));
            b.Function("process_time", (args, kwargs) => api.NewFloat(Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds));
        }

        b.Function("sleep", (args, kwargs) =>
        {
            if (!Arguments.Check(api, "sleep", args, kwargs, 1, 1) || !api.TryAsDouble(ObjectApi.TupleItem(args, 0), out var seconds))
            {
                return PyRef.Null;
            }

            Thread.Sleep(TimeSpan.FromSeconds(Math.Max(0, seconds)));
            return api.NoneObject.NewRef();
        });
        return b.Finish();
    }
}
