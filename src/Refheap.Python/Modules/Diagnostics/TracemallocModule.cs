using Refheap.Objects;
using Refheap.Python.Execution;

namespace Refheap.Python.Modules.Diagnostics;

/// <summary>
/// <c>tracemalloc</c> (3.12 only; 2.7 has none): CPython 3.12's functions and classes
/// (<see cref="TracemallocSource"/>) over an <see cref="AllocationTracer"/>. A trace is a
/// live object allocated while tracing, its size as <c>sys.getsizeof</c> counts it (its
/// owned buffers included) and the frames that allocated it.
/// </summary>
internal static class TracemallocModule
{
    private const int MaxFrames = 65535;

    /// <summary>Makes the module.</summary>
    public static PyRef Create(Interpreter interpreter)
    {
        var api = interpreter.Api;
        var tracer = DiagnosticsState.Of(interpreter).Tracer;
        var module = SourceModule.Create(interpreter, "tracemalloc", TracemallocSource.Text);
        if (module.IsNull)
        {
            return module;
        }

        var dict = ObjectApi.ModuleDict(module);
        PyRef None() => api.NoneObject.NewRef();
        var ok = ModuleFunctions.Add(api, dict, "_start", args =>
            {
                if (!api.TryAsLong(ObjectApi.TupleItem(args, 0), out var n))
                {
                    return api.Raise("TypeError", "nframe must be an int");
                }

                if (n < 1 || n > MaxFrames)
                {
                    return api.Raise("ValueError", $"the number of frames must be in range [1; {MaxFrames}]");
                }

                tracer.Start((int)n);
                return None();
            })
            && ModuleFunctions.Add(api, dict, "stop", args =>
            {
                tracer.Stop();
                return None();
            })
            && ModuleFunctions.Add(api, dict, "is_tracing", args => api.Bool(tracer.IsTracing).NewRef())
            && ModuleFunctions.Add(api, dict, "get_traceback_limit", args => api.NewInt(tracer.FrameLimit))
            && ModuleFunctions.Add(api, dict, "clear_traces", args =>
            {
                tracer.Clear();
                return None();
            })
            && ModuleFunctions.Add(api, dict, "get_traced_memory", args =>
            {
                if (!tracer.IsTracing)
                {
                    return api.TupleSteal([api.NewInt(0), api.NewInt(0)]);
                }

                var current = tracer.LiveTraces().Sum(t => t.Size);
                return api.TupleSteal([api.NewInt(current), api.NewInt(tracer.Peak)]);
            })
            && ModuleFunctions.Add(api, dict, "_get_traces", args => tracer.Untraced(() => Traces(api, tracer)))
            && ModuleFunctions.Add(api, dict, "_object_frames", args => tracer.FramesOf(ObjectApi.TupleItem(args, 0)) is { } frames
                ? api.TupleSteal([.. frames.Reverse().Select(f => api.TupleSteal([api.NewStr(f.File), api.NewInt(f.Line)]))])
                : None())
            && ModuleFunctions.Add(api, dict, "_getline", args =>
            {
                var file = ObjectApi.StrText(ObjectApi.TupleItem(args, 0));
                api.TryAsLong(ObjectApi.TupleItem(args, 1), out var line);
                var lines = interpreter.SourceLines(file);
                return api.NewStr(lines != null && line >= 1 && line <= lines.Length ? lines[line - 1].TrimEnd('\r') : "");
            });
        if (!ok)
        {
            module.DecRef();
            return PyRef.Null;
        }

        // CPython's built-in functions here are _tracemalloc's (the Python ones are tracemalloc's).
        api.NameModuleFunctions(dict, "_tracemalloc");
        return module;
    }

    /// <summary>A list of (size, ((filename, lineno), ...) oldest frame first) per live traced object.</summary>
    private static PyRef Traces(ObjectApi api, AllocationTracer tracer)
    {
        // Read every trace before making the result: its objects are not part of it.
        var traces = tracer.LiveTraces().ConvertAll(t => (t.Size, t.Frames));
        var list = api.NewList([]);
        var frameTuples = new Dictionary<(string, int), PyRef>();
        foreach (var (size, frames) in traces)
        {
            var items = new PyRef[frames.Length];
            for (var i = 0; i < frames.Length && !list.IsNull; i++)
            {
                var key = frames[frames.Length - 1 - i];
                if (!frameTuples.TryGetValue(key, out var frame))
                {
                    frame = api.TupleSteal([api.NewStr(key.Item1), api.NewInt(key.Item2)]);
                    frameTuples[key] = frame;
                }

                if (frame.IsNull)
                {
                    list.DecRef();
                    list = PyRef.Null;
                }
                else
                {
                    items[i] = frame.NewRef();
                }
            }

            if (list.IsNull)
            {
                foreach (var item in items)
                {
                    item.XDecRef();
                }

                break;
            }

            var trace = api.TupleSteal([api.NewInt(size), api.TupleSteal(items)]);
            if (trace.IsNull || api.ListAppend(list, trace) < 0)
            {
                trace.XDecRef();
                list.DecRef();
                list = PyRef.Null;
                break;
            }

            trace.DecRef();
        }

        foreach (var frame in frameTuples.Values)
        {
            frame.XDecRef();
        }

        return list;
    }
}
