using Refheap.Gc;
using Refheap.Objects;
using Refheap.Python.Execution;

namespace Refheap.Python.Modules;

/// <summary>
/// <c>gc</c>, over the runtime's collector: collect, enable/disable/isenabled, get_count,
/// get/set_threshold, garbage, get/set_debug and the DEBUG_* flags, get_objects,
/// get_referrers, get_referents, is_tracked, get_stats, and 3.x's is_finalized, callbacks,
/// freeze/unfreeze/get_freeze_count.
/// </summary>
internal static class GcModuleBindings
{
    /// <summary>Makes the module.</summary>
    public static PyRef Create(Interpreter interpreter)
    {
        var api = interpreter.Api;
        var collector = api.Heap.Gc;
        var py27 = interpreter.Py27;
        var b = new ModuleBuilder(interpreter, "gc");
        PyRef None() => api.NoneObject.NewRef();
        b.Function("collect", (args, kwargs) =>
        {
            var generation = 2L;
            if (ObjectApi.TupleSize(args) > 0 && !Arguments.Int(api, args, 0, out generation))
            {
                return PyRef.Null;
            }

            if (!kwargs.IsNull && api.DictCount(kwargs) > 0)
            {
                var g = api.DictGetString(kwargs, "generation");
                if (g.IsNull || !api.TryAsLong(g, out generation))
                {
                    return api.Raise("TypeError", "collect() got an unexpected keyword argument");
                }
            }

            if (generation < 0 || generation > 2)
            {
                return api.Raise("ValueError", "invalid generation");
            }

            var n = collector.CollectGeneration((int)generation);
            return api.Heap.ErrorOccurred ? PyRef.Null : api.NewInt(n);
        });
        b.Function("enable", (args, kwargs) =>
        {
            collector.Enabled = true;
            return None();
        });
        b.Function("disable", (args, kwargs) =>
        {
            collector.Enabled = false;
            return None();
        });
        b.Function("isenabled", (args, kwargs) => api.Bool(collector.Enabled).NewRef());
        b.Function("get_count", (args, kwargs) =>
        {
            var (c0, c1, c2) = collector.Counts;
            return api.TupleSteal([api.NewInt(c0), api.NewInt(c1), api.NewInt(c2)]);
        });
        b.Function("get_threshold", (args, kwargs) =>
        {
            var (t0, t1, t2) = collector.Thresholds;
            return api.TupleSteal([api.NewInt(t0), api.NewInt(t1), api.NewInt(t2)]);
        });
        b.Function("set_threshold", (args, kwargs) =>
        {
            if (!Arguments.Check(api, "set_threshold", args, kwargs, 1, 3))
            {
                return PyRef.Null;
            }

            var (t0, t1, t2) = collector.Thresholds;
            var values = new[] { (long)t0, t1, t2 };
            for (var i = 0; i < ObjectApi.TupleSize(args); i++)
            {
                if (!Arguments.Int(api, args, i, out values[i]))
                {
                    return PyRef.Null;
                }
            }

            collector.Thresholds = ((int)values[0], (int)values[1], (int)values[2]);
            return None();
        });
        b.Value("garbage", collector.EnsureGarbage().NewRef());
        b.Function("set_debug", (args, kwargs) =>
        {
            if (!Arguments.Check(api, "set_debug", args, kwargs, 1, 1) || !Arguments.Int(api, args, 0, out var flags))
            {
                return PyRef.Null;
            }

            collector.Debug = (GcDebugFlags)flags;
            return None();
        });
        b.Function("get_debug", (args, kwargs) => api.NewInt((long)collector.Debug));
        b.Value("DEBUG_STATS", api.NewInt((long)GcDebugFlags.Stats));
        b.Value("DEBUG_COLLECTABLE", api.NewInt((long)GcDebugFlags.Collectable));
        b.Value("DEBUG_UNCOLLECTABLE", api.NewInt((long)GcDebugFlags.Uncollectable));
        b.Value("DEBUG_SAVEALL", api.NewInt((long)GcDebugFlags.SaveAll));
        if (py27)
        {
            b.Value("DEBUG_INSTANCES", api.NewInt((long)GcDebugFlags.Instances));
            b.Value("DEBUG_OBJECTS", api.NewInt((long)GcDebugFlags.Objects));
            b.Value("DEBUG_LEAK", api.NewInt((long)GcDebugFlags.LeakPy27));
        }
        else
        {
            b.Value("DEBUG_LEAK", api.NewInt((long)GcDebugFlags.Leak));
        }

        b.Function("get_objects", (args, kwargs) =>
        {
            int? generation = null;
            var n = ObjectApi.TupleSize(args);
            if (py27 ? !Arguments.Check(api, "get_objects", args, kwargs, 0, 0) : n > 1)
            {
                return PyRef.Null;
            }

            if (n == 1 && !api.IsNone(ObjectApi.TupleItem(args, 0)))
            {
                if (!Arguments.Int(api, args, 0, out var g))
                {
                    return PyRef.Null;
                }

                if (g >= 3)
                {
                    return api.Raise("ValueError", "generation parameter must be less than the number of available generations (3)");
                }

                if (g < 0)
                {
                    return api.Raise("ValueError", "generation parameter cannot be negative");
                }

                generation = (int)g;
            }

            return ListOf(api, GcInspection.TrackedObjects(api.Heap, generation));
        });
        b.Function("get_referents", (args, kwargs) =>
        {
            var all = new List<PyRef>();
            for (var i = 0; i < ObjectApi.TupleSize(args); i++)
            {
                all.AddRange(GcInspection.Referents(ObjectApi.TupleItem(args, i)));
            }

            return ListOf(api, all);
        });
        b.Function("get_referrers", (args, kwargs) =>
        {
            var targets = new HashSet<nint>();
            for (var i = 0; i < ObjectApi.TupleSize(args); i++)
            {
                targets.Add(ObjectApi.TupleItem(args, i).Address);
            }

            // The argument tuple itself refers to the targets; CPython's does not count (it is not tracked there).
            var found = GcInspection.Referrers(api.Heap, targets).Where(r => r != args).ToList();
            return ListOf(api, found);
        });
        b.Function("is_tracked", (args, kwargs) =>
            Arguments.Check(api, "is_tracked", args, kwargs, 1, 1) ? api.Bool(GcInspection.IsTracked(ObjectApi.TupleItem(args, 0))).NewRef() : PyRef.Null);
        b.Function("get_stats", (args, kwargs) =>
        {
            var items = new List<PyRef>();
            foreach (var s in collector.Stats)
            {
                var d = api.Heap.NewDict();
                if (d.IsNull)
                {
                    items.ForEach(x => x.DecRef());
                    return d;
                }

                foreach (var (key, value) in new[] { ("collections", s.Collections), ("collected", s.Collected), ("uncollectable", s.Uncollectable) })
                {
                    var v = api.NewInt(value);
                    api.DictSetString(d, key, v);
                    v.XDecRef();
                }

                items.Add(d);
            }

            return api.ListSteal([.. items]);
        });
        if (!py27)
        {
            b.Function("is_finalized", (args, kwargs) =>
                Arguments.Check(api, "is_finalized", args, kwargs, 1, 1) ? api.Bool(GcInspection.IsFinalized(ObjectApi.TupleItem(args, 0))).NewRef() : PyRef.Null);
            b.Value("callbacks", collector.EnsureCallbacks().NewRef());
            b.Function("freeze", (args, kwargs) =>
            {
                collector.Freeze();
                return None();
            });
            b.Function("unfreeze", (args, kwargs) =>
            {
                collector.Unfreeze();
                return None();
            });
            b.Function("get_freeze_count", (args, kwargs) => api.NewInt(collector.FreezeCount));
        }

        return b.Finish();
    }

    private static PyRef ListOf(ObjectApi api, IEnumerable<PyRef> borrowed) =>
        api.ListSteal([.. borrowed.Select(r => r.NewRef())]);
}
