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
    /// <summary>3.4+'s gc.get_stats(): a dict per generation (collections, collected, uncollectable).</summary>
    private static PyRef Stats(ObjectApi api, Gc.Collector collector)
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
    }

    /// <summary>
    /// 3.x's get_objects(generation=None) arguments: at most one, positional or by that keyword;
    /// <paramref name="given"/> is how many were given. False with TypeError set otherwise.
    /// </summary>
    private static bool GetObjectsArguments(ObjectApi api, PyRef args, PyRef kwargs, out int given)
    {
        var positional = ObjectApi.TupleSize(args);
        var keywords = api.DictCount(kwargs);
        given = positional + (int)keywords;
        if (given > 1)
        {
            api.Raise("TypeError", $"get_objects() takes at most 1 argument ({given} given)");
            return false;
        }

        if (keywords == 1 && api.DictGetString(kwargs, "generation").IsNull)
        {
            api.Raise("TypeError", $"'{ObjectApi.StrText(api.DictItems(kwargs)[0].Key)}' is an invalid keyword argument for get_objects()");
            return false;
        }

        return true;
    }

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
            var n = ObjectApi.TupleSize(args);
            var given = n + (int)api.DictCount(kwargs);
            if (given > 1)
            {
                // 2.7's format has no function name ("|i"), so its message says "function".
                return api.Raise("TypeError", $"{(py27 ? "function" : "collect()")} takes at most 1 argument ({given} given)");
            }

            if (n > 0 && !Arguments.Int(api, args, 0, out generation))
            {
                return PyRef.Null;
            }

            if (!kwargs.IsNull && api.DictCount(kwargs) > 0)
            {
                var g = api.DictGetString(kwargs, "generation");
                if (g.IsNull)
                {
                    var other = ObjectApi.StrText(api.DictItems(kwargs)[0].Key);
                    return api.Raise("TypeError", $"'{other}' is an invalid keyword argument for {(py27 ? "this function" : "collect()")}");
                }

                if (!api.TryAsLong(g, out generation))
                {
                    return api.Raise("TypeError", $"an integer is required (got type {ObjectApi.TypeName(g)})");
                }
            }

            if (generation < 0 || generation > 2)
            {
                return api.Raise("ValueError", "invalid generation");
            }

            var collected = collector.CollectGeneration((int)generation);
            return api.Heap.ErrorOccurred ? PyRef.Null : api.NewInt(collected);
        });
        b.NoArgs("enable", () =>
        {
            collector.Enabled = true;
            return None();
        });
        b.NoArgs("disable", () =>
        {
            collector.Enabled = false;
            return None();
        });
        b.NoArgs("isenabled", () => api.Bool(collector.Enabled).NewRef());
        b.NoArgs("get_count", () =>
        {
            var (c0, c1, c2) = collector.Counts;
            return api.TupleSteal([api.NewInt(c0), api.NewInt(c1), api.NewInt(c2)]);
        });
        b.NoArgs("get_threshold", () =>
        {
            var (t0, t1, t2) = collector.Thresholds;
            return api.TupleSteal([api.NewInt(t0), api.NewInt(t1), api.NewInt(t2)]);
        });
        b.Function("set_threshold", (args, kwargs) =>
        {
            if (!Arguments.Parsed(api, "set_threshold", args, kwargs, 1, 3))
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
            if (!b.OneNumberArgument("set_debug", args, kwargs) || !Arguments.Int(api, args, 0, out var flags))
            {
                return PyRef.Null;
            }

            collector.Debug = (GcDebugFlags)flags;
            return None();
        });
        b.NoArgs("get_debug", () => api.NewInt((long)collector.Debug));
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
            if (py27 ? !Arguments.NoArgs(api, "get_objects", args, kwargs) : !GetObjectsArguments(api, args, kwargs, out n))
            {
                return PyRef.Null;
            }

            var given = n == 1 ? (ObjectApi.TupleSize(args) == 1 ? ObjectApi.TupleItem(args, 0) : api.DictGetString(kwargs, "generation")) : PyRef.Null;
            if (!given.IsNull && !api.IsNone(given))
            {
                if (!api.IsInt(given) || !api.TryAsLong(given, out var g))
                {
                    return api.Raise("TypeError", $"argument should be integer or None, not '{ObjectApi.TypeName(given)}'");
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
            if (!Arguments.Unpacked(api, py27, "get_referents", args, kwargs, 0, int.MaxValue))
            {
                return PyRef.Null;
            }

            var all = new List<PyRef>();
            for (var i = 0; i < ObjectApi.TupleSize(args); i++)
            {
                all.AddRange(GcInspection.Referents(ObjectApi.TupleItem(args, i)));
            }

            return ListOf(api, all);
        });
        b.Function("get_referrers", (args, kwargs) =>
        {
            if (!Arguments.Unpacked(api, py27, "get_referrers", args, kwargs, 0, int.MaxValue))
            {
                return PyRef.Null;
            }

            var targets = new HashSet<nint>();
            for (var i = 0; i < ObjectApi.TupleSize(args); i++)
            {
                targets.Add(ObjectApi.TupleItem(args, i).Address);
            }

            // The argument tuple itself refers to the targets; CPython's does not count (it is not tracked there).
            var found = GcInspection.Referrers(api.Heap, targets).Where(r => r != args).ToList();
            return ListOf(api, found);
        });
        b.OneArg("is_tracked", o => api.Bool(GcInspection.IsTracked(o)).NewRef());
        if (!py27)
        {
            b.NoArgs("get_stats", () => Stats(api, collector));
            b.OneArg("is_finalized", o => api.Bool(GcInspection.IsFinalized(o)).NewRef());
            b.Value("callbacks", collector.EnsureCallbacks().NewRef());
            b.NoArgs("freeze", () =>
            {
                collector.Freeze();
                return None();
            });
            b.NoArgs("unfreeze", () =>
            {
                collector.Unfreeze();
                return None();
            });
            b.NoArgs("get_freeze_count", () => api.NewInt(collector.FreezeCount));
        }

        return b.Finish();
    }

    private static PyRef ListOf(ObjectApi api, IEnumerable<PyRef> borrowed) =>
        api.ListSteal([.. borrowed.Select(r => r.NewRef())]);
}
