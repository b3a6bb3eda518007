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
        b.NoArgs("time", () => api.NewFloat((DateTime.UtcNow - DateTime.UnixEpoch).Ticks / (double)TimeSpan.TicksPerSecond));
        b.NoArgs(interpreter.Py27 ? "clock" : "perf_counter", () => api.NewFloat(Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency));
        if (!interpreter.Py27)
        {
            b.NoArgs("monotonic", () => api.NewFloat(Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency));
            b.NoArgs("process_time", () => api.NewFloat(Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds));
        }

        b.Function("sleep", (args, kwargs) =>
        {
            if (!b.OneNumberArgument("sleep", args, kwargs))
            {
                return PyRef.Null;
            }

            var o = ObjectApi.TupleItem(args, 0);
            if (!api.TryAsDouble(o, out var seconds))
            {
                return api.Raise("TypeError", interpreter.Py27 ? "a float is required" : $"'{ObjectApi.TypeName(o)}' object cannot be interpreted as an integer");
            }

            Thread.Sleep(TimeSpan.FromSeconds(Math.Max(0, seconds)));
            return api.NoneObject.NewRef();
        });
        return b.Finish();
    }
}
