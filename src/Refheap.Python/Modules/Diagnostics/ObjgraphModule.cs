using Refheap.Diagnostics.ObjGraph;
using Refheap.Objects;
using Refheap.Python.Execution;

namespace Refheap.Python.Modules.Diagnostics;

/// <summary>
/// <c>objgraph</c>: objgraph 3.x's functions under its names and signatures. The counting
/// functions are objgraph's own Python (<see cref="ObjgraphSource"/>) over a native
/// <c>_typestats</c>; the chains, graphs and <c>get_new_ids</c> are native, over
/// Refheap.Diagnostics' <see cref="ObjectGraph"/>, so that no frame of the module itself
/// shows up in a chain or a graph.
/// </summary>
internal static class ObjgraphModule
{
    private static readonly string[] ChainParameters = ["obj", "predicate", "max_depth", "extra_ignore"];
    private static readonly string[] GraphParameters =
        ["objs", "max_depth", "extra_ignore", "filter", "too_many", "highlight", "filename", "extra_info", "refcounts", "shortnames", "output", "extra_node_attrs"];

    private static readonly string[] NewIdsParameters = ["skip_update", "limit", "sortby", "shortnames", "file", "_state"];

    /// <summary>Makes the module.</summary>
    public static PyRef Create(Interpreter interpreter)
    {
        var api = interpreter.Api;
        var state = DiagnosticsState.Of(interpreter);
        var module = SourceModule.Create(interpreter, "objgraph", ObjgraphSource.Text);
        if (module.IsNull)
        {
            return module;
        }

        var dict = ObjectApi.ModuleDict(module);
        var ok = Add(api, dict, "_typestats", (args, kwargs) => TypeStats(interpreter, args))
            && Add(api, dict, "find_ref_chain", (args, kwargs) => FindChain(interpreter, state, args, kwargs, backrefs: false))
            && Add(api, dict, "find_backref_chain", (args, kwargs) => FindChain(interpreter, state, args, kwargs, backrefs: true))
            && Add(api, dict, "show_refs", (args, kwargs) => ShowGraph(interpreter, state, args, kwargs, backrefs: false))
            && Add(api, dict, "show_backrefs", (args, kwargs) => ShowGraph(interpreter, state, args, kwargs, backrefs: true))
            && Add(api, dict, "get_new_ids", (args, kwargs) => GetNewIds(interpreter, state, args, kwargs));
        if (!ok)
        {
            module.DecRef();
            return PyRef.Null;
        }

        return module;
    }

    private static bool Add(ObjectApi api, PyRef dict, string name, Func<PyRef, PyRef, PyRef> body)
    {
        var f = api.NewNativeFunction(name, (_, args, kwargs) => body(args, kwargs), isMethod: false);
        if (f.IsNull)
        {
            return false;
        }

        var r = api.DictSetString(dict, name, f);
        f.DecRef();
        return r >= 0;
    }

    /// <summary><c>_typestats(objects, shortnames)</c>: a dict of type name → count over <c>objects</c> (None: the tracked objects).</summary>
    private static PyRef TypeStats(Interpreter interpreter, PyRef args)
    {
        var api = interpreter.Api;
        var objects = ObjectApi.TupleItem(args, 0);
        var shortNames = api.IsTrue(ObjectApi.TupleItem(args, 1)) > 0;
        var list = api.IsNone(objects) ? null : Items(api, objects, args);
        if (!api.IsNone(objects) && list == null)
        {
            return PyRef.Null;
        }

        var stats = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var o in list ?? api.TrackedObjects().Where(o => o != args).ToList())
        {
            var n = shortNames ? ObjectApi.ShortTypeName(o) : api.LongTypeName(o);
            stats[n] = stats.GetValueOrDefault(n) + 1;
        }

        var d = api.NewDict();
        foreach (var (name, count) in stats)
        {
            var v = api.NewInt(count);
            if (d.IsNull || v.IsNull || api.DictSetString(d, name, v) < 0)
            {
                v.XDecRef();
                d.XDecRef();
                return PyRef.Null;
            }

            v.DecRef();
        }

        return d;
    }

    /// <summary>The items of a list or tuple (borrowed from it), or null with TypeError set.</summary>
    private static List<PyRef>? Items(ObjectApi api, PyRef seq, PyRef except)
    {
        if (api.IsList(seq) || api.IsTuple(seq))
        {
            return SequenceItems(api, seq).Where(o => o != except).ToList();
        }

        api.Raise("TypeError", $"objects must be a list or tuple, not {ObjectApi.ShortTypeName(seq)}");
        return null;
    }

    /// <summary>The items of a list or tuple, borrowed from it.</summary>
    internal static List<PyRef> SequenceItems(ObjectApi api, PyRef seq)
    {
        var isTuple = !api.IsList(seq);
        var n = isTuple ? ObjectApi.TupleSize(seq) : ObjectApi.ListSize(seq);
        var items = new List<PyRef>(n);
        for (var i = 0; i < n; i++)
        {
            items.Add(isTuple ? ObjectApi.TupleItem(seq, i) : ObjectApi.ListItem(seq, i));
        }

        return items;
    }

    private static List<long>? Ids(ObjectApi api, PyRef ids)
    {
        var result = new List<long>();
        if (!KeywordArguments.Given(api, ids))
        {
            return result;
        }

        var it = api.GetIter(ids);
        if (it.IsNull)
        {
            return null;
        }

        for (var item = api.IterNext(it); !item.IsNull; item = api.IterNext(it))
        {
            var isId = api.TryAsLong(item, out var id);
            item.DecRef();
            if (!isId)
            {
                it.DecRef();
                api.Raise("TypeError", "extra_ignore must hold ids (ints)");
                return null;
            }

            result.Add(id);
        }

        it.DecRef();
        return api.Heap.ErrorOccurred ? null : result;
    }

    private static PyRef ListOf(ObjectApi api, IEnumerable<PyRef> items)
    {
        var list = api.NewList([]);
        foreach (var o in items)
        {
            if (list.IsNull || api.ListAppend(list, o) < 0)
            {
                list.XDecRef();
                return PyRef.Null;
            }
        }

        return list;
    }

    /// <summary><c>find_ref_chain</c> / <c>find_backref_chain(obj, predicate, max_depth=20, extra_ignore=())</c>.</summary>
    private static PyRef FindChain(Interpreter interpreter, DiagnosticsState state, PyRef args, PyRef kwargs, bool backrefs)
    {
        var api = interpreter.Api;
        var name = backrefs ? "find_backref_chain" : "find_ref_chain";
        if (KeywordArguments.Bind(api, name, args, kwargs, ChainParameters, 2) is not { } a)
        {
            return PyRef.Null;
        }

        long maxDepth = 20;
        if (KeywordArguments.Given(api, a[2]) && !api.TryAsLong(a[2], out maxDepth))
        {
            return api.Raise("TypeError", "max_depth must be an int");
        }

        if (Ids(api, a[3]) is not { } ignore)
        {
            return PyRef.Null;
        }

        // The call's own argument tuple and keyword dict refer to obj: not part of any chain.
        ignore.Add(args.Address);
        if (!kwargs.IsNull)
        {
            ignore.Add(kwargs.Address);
        }

        var callbacks = new PythonCallbacks(interpreter);
        var predicate = callbacks.Predicate(a[1])!;
        var chain = state.Graph.FindChainRefs(a[0], predicate, backrefs, (int)Math.Min(maxDepth, int.MaxValue), ignore);
        if (!callbacks.Finish())
        {
            return PyRef.Null;
        }

        if (!backrefs)
        {
            chain.Reverse();
        }

        return ListOf(api, chain);
    }

    /// <summary><c>show_refs</c> / <c>show_backrefs</c> with objgraph's keyword arguments.</summary>
    private static PyRef ShowGraph(Interpreter interpreter, DiagnosticsState state, PyRef args, PyRef kwargs, bool backrefs)
    {
        var api = interpreter.Api;
        var name = backrefs ? "show_backrefs" : "show_refs";
        if (KeywordArguments.Bind(api, name, args, kwargs, GraphParameters, 1) is not { } a)
        {
            return PyRef.Null;
        }

        var objs = a[0];
        var roots = api.IsList(objs) || api.IsTuple(objs) ? SequenceItems(api, objs).ToList() : [objs];
        long maxDepth = 3, tooMany = 10;
        if ((KeywordArguments.Given(api, a[1]) && !api.TryAsLong(a[1], out maxDepth)) || (KeywordArguments.Given(api, a[4]) && !api.TryAsLong(a[4], out tooMany)))
        {
            return api.Raise("TypeError", "max_depth and too_many must be ints");
        }

        if (Ids(api, a[2]) is not { } ignore)
        {
            return PyRef.Null;
        }

        ignore.Add(args.Address);
        if (!kwargs.IsNull)
        {
            ignore.Add(kwargs.Address);
        }

        if (KeywordArguments.Given(api, a[11]))
        {
            return api.Raise("NotImplementedError", "Refheap's objgraph does not support extra_node_attrs");
        }

        string? fileName = null;
        if (KeywordArguments.Given(api, a[6]))
        {
            if (!api.IsStr(a[6]))
            {
                return api.Raise("TypeError", "filename must be a str");
            }

            fileName = ObjectApi.StrText(a[6]);
        }

        var output = KeywordArguments.Given(api, a[10]) ? a[10] : PyRef.Null;
        if (fileName != null && !output.IsNull)
        {
            return api.Raise("ValueError", "Cannot specify both output and filename.");
        }

        var callbacks = new PythonCallbacks(interpreter);
        var text = output.IsNull ? null : new StringWriter();
        var settings = new DotSettings
        {
            MaxDepth = (int)Math.Min(maxDepth, int.MaxValue),
            ExtraIgnore = ignore,
            Filter = callbacks.Predicate(a[3]),
            TooMany = (int)Math.Min(tooMany, int.MaxValue),
            Highlight = callbacks.Predicate(a[5]),
            ExtraInfo = callbacks.Text(a[7]),
            RefCounts = KeywordArguments.Given(api, a[8]) && api.IsTrue(a[8]) > 0,
            ShortNames = a[9].IsNull || api.IsTrue(a[9]) > 0,
            FileName = fileName,
            Output = text,
        };
        state.Stdout.Flush();
        try
        {
            state.Graph.ShowRefs(roots, settings, backrefs);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            callbacks.Finish();
            api.Heap.ClearError();
            return api.Raise(api.ExceptionClass("IOError"), $"{e.Message}");
        }

        if (!callbacks.Finish())
        {
            return PyRef.Null;
        }

        return text == null ? api.NoneObject.NewRef() : Write(interpreter, output, text.ToString());
    }

    /// <summary><c>file.write(text)</c>; None, or null with the error set.</summary>
    private static PyRef Write(Interpreter interpreter, PyRef file, string text)
    {
        var api = interpreter.Api;
        var write = api.GetAttr(file, "write");
        var s = write.IsNull ? PyRef.Null : api.NewStr(text);
        var r = s.IsNull ? PyRef.Null : interpreter.CallValue(write, [s], PyRef.Null);
        s.XDecRef();
        write.XDecRef();
        if (r.IsNull)
        {
            return r;
        }

        r.DecRef();
        return api.NoneObject.NewRef();
    }

    /// <summary><c>get_new_ids(skip_update=False, limit=10, sortby='deltas', shortnames=None, file=None)</c>: a dict of type name → set of new ids.</summary>
    private static PyRef GetNewIds(Interpreter interpreter, DiagnosticsState state, PyRef args, PyRef kwargs)
    {
        var api = interpreter.Api;
        if (KeywordArguments.Bind(api, "get_new_ids", args, kwargs, NewIdsParameters, 0) is not { } a)
        {
            return PyRef.Null;
        }

        int? limitValue = 10;
        if (!a[1].IsNull)
        {
            if (api.IsNone(a[1]))
            {
                limitValue = null;
            }
            else if (api.TryAsLong(a[1], out var limit))
            {
                limitValue = (int)Math.Clamp(limit, 0, int.MaxValue);
            }
            else
            {
                return api.Raise("TypeError", "limit must be an int or None");
            }
        }

        var sortBy = KeywordArguments.Given(api, a[2]) && api.IsStr(a[2]) ? ObjectApi.StrText(a[2]) : "deltas";
        if (sortBy is not ("old" or "current" or "new" or "deltas"))
        {
            return api.Raise("ValueError", "sortby must be 'old', 'current', 'new' or 'deltas'");
        }

        bool? shortNames = KeywordArguments.Given(api, a[3]) ? api.IsTrue(a[3]) > 0 : null;
        var file = KeywordArguments.Given(api, a[4]) ? a[4] : PyRef.Null;
        var text = new StringWriter();
        var skip = KeywordArguments.Given(api, a[0]) && api.IsTrue(a[0]) > 0;
        var ids = state.Graph.GetNewIds(skip, limitValue, sortBy, shortNames, text);
        if (file.IsNull)
        {
            state.Stdout.Write(text.ToString());
        }
        else
        {
            var printed = Write(interpreter, file, text.ToString());
            if (printed.IsNull)
            {
                return printed;
            }

            printed.DecRef();
        }

        var result = api.NewDict();
        foreach (var (type, set) in ids)
        {
            var s = api.NewSet();
            foreach (var id in set)
            {
                var v = api.NewInt(id);
                if (s.IsNull || v.IsNull || api.SetAdd(s, v) < 0)
                {
                    v.XDecRef();
                    s.XDecRef();
                    result.XDecRef();
                    return PyRef.Null;
                }

                v.DecRef();
            }

            if (result.IsNull || s.IsNull || api.DictSetString(result, type, s) < 0)
            {
                s.XDecRef();
                result.XDecRef();
                return PyRef.Null;
            }

            s.DecRef();
        }

        return result;
    }
}
