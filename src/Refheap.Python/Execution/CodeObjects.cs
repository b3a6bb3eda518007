using System.Numerics;
using Refheap.Objects;
using Refheap.Objects.Native.Code;
using Refheap.Python.Compiler;

namespace Refheap.Python.Execution;

/// <summary>Makes heap code objects of compiled <see cref="CodeUnit"/>s: the constants and names become objects the code object owns.</summary>
internal static class CodeObjects
{
    /// <summary>A new code object for <paramref name="unit"/> (and, as constants, its nested units); new reference or null with the error set.</summary>
    /// <remarks>
    /// With <paramref name="parserConstants"/> (a list, for the main program's compilation),
    /// each number and string constant, and in 3.12 each folded tuple, is also appended there:
    /// CPython parses the main program into an arena whose list owns the objects its parser and
    /// AST optimizer made, and frees it only when the program's code has run, so a literal's
    /// reference count is one higher there (<c>a = 123456; sys.getrefcount(a)</c> is 4, not 3)
    /// and <c>gc.get_referrers</c> finds that list. The caller drops the list when the module's
    /// code returns.
    /// </remarks>
    public static PyRef Create(ObjectApi api, CodeUnit unit, PyRef parserConstants = default) =>
        Create(api, unit, new Compilation([], parserConstants));

    private static PyRef Create(ObjectApi api, CodeUnit unit, Compilation compilation)
    {
        var constants = new PyRef[unit.Constants.Length];
        for (var i = 0; i < constants.Length; i++)
        {
            var c = Constant(api, unit.Constants[i], compilation);
            if (c.IsNull)
            {
                for (var j = 0; j < i; j++)
                {
                    constants[j].DecRef();
                }

                return c;
            }

            constants[i] = c;
        }

        var constTuple = api.TupleSteal(constants);
        if (constTuple.IsNull)
        {
            return constTuple;
        }

        var names = new PyRef[unit.Names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = api.Intern(unit.Names[i]);
        }

        var varNameList = unit.LocalNames.Concat(unit.CellNames).Concat(unit.FreeNames).Select(api.Intern).ToArray();
        var nameTuple = api.Heap.NewTuple(names);
        var varNames = api.Heap.NewTuple(varNameList);
        if (nameTuple.IsNull || varNames.IsNull)
        {
            constTuple.DecRef();
            nameTuple.XDecRef();
            varNames.XDecRef();
            return PyRef.Null;
        }

        UntrackConstantTuple(api, constTuple);
        UntrackConstantTuple(api, nameTuple);
        UntrackConstantTuple(api, varNames);

        var flags = CodeFlags.None;
        if (unit.Kind == ScopeKind.Function)
        {
            flags |= CodeFlags.Optimized | CodeFlags.NewLocals;
        }

        if (unit.HasVarArgs)
        {
            flags |= CodeFlags.VarArgs;
        }

        if (unit.HasVarKeywords)
        {
            flags |= CodeFlags.VarKeywords;
        }

        if (unit.IsGenerator)
        {
            flags |= CodeFlags.Generator;
        }

        var code = api.NewCode(unit, unit.Name, unit.FileName, unit.FirstLine, constTuple, nameTuple, varNames, unit.Lines,
            unit.LocalNames.Length, unit.CellNames.Length, unit.FreeNames.Length, (int)flags, unit.MaxDepth);
        if (!code.IsNull)
        {
            var objects = new PyRef[constants.Length];
            for (var i = 0; i < objects.Length; i++)
            {
                objects[i] = ObjectApi.TupleItem(constTuple, i);
            }

            unit.ConstantObjects = objects;
            unit.NameObjects = names;
            unit.GlobalCaches = new ObjectApi.GlobalCache[names.Length];
            unit.AttributeCaches = new ObjectApi.GlobalCache[names.Length];
            unit.CallSitesRun = new bool[unit.Code.Length];
            unit.ParameterNameObjects = unit.LocalNames.Select(api.Intern).ToArray();
        }

        constTuple.DecRef();
        nameTuple.DecRef();
        varNames.DecRef();
        return code;
    }

    private static PyRef Constant(ObjectApi api, object? value, Compilation compilation)
    {
        var c = NewConstant(api, value, compilation);
        if (!c.IsNull && value is BigInteger or LongLiteral or double or string)
        {
            compilation.KeepForParser(api, c);
        }

        return c;
    }

    private static PyRef NewConstant(ObjectApi api, object? value, Compilation compilation) => value switch
    {
        null => api.NoneObject.NewRef(),
        bool b => api.Bool(b).NewRef(),
        BigInteger i => api.NewInt(i),
        LongLiteral l => api.NewLong(l.Value),
        double d => api.NewFloat(d),
        string s => s.Length <= 20 && IsIdentifierLike(s) ? api.Intern(s).NewRef() : api.NewStr(s),
        CodeUnit u => Create(api, u, compilation),
        KeywordNames k => api.Heap.NewTuple(k.Names.Select(api.Intern).ToArray()),
        TupleConstant t => TupleOf(api, t, compilation),
        ConstantKind.Ellipsis => api.Ellipsis,
        _ => throw new InvalidOperationException($"unknown constant {value.GetType().Name}"),
    };

    /// <summary>
    /// A constant tuple. 3.12 merges equal constants across the whole compilation (its
    /// merge_consts_recursive), so <c>(1, 2)</c> in two functions is one object; 2.7 does not.
    /// </summary>
    private static PyRef TupleOf(ObjectApi api, TupleConstant t, Compilation compilation)
    {
        var merge = !api.Heap.Profile.IntPromotesToLong;
        if (merge && compilation.Tuples.TryGetValue(t.Key, out var known))
        {
            return known.NewRef();
        }

        var items = new PyRef[t.Items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Constant(api, t.Items[i], compilation);
            if (items[i].IsNull)
            {
                for (var j = 0; j < i; j++)
                {
                    items[j].DecRef();
                }

                return PyRef.Null;
            }
        }

        var tuple = api.TupleSteal(items);
        if (!tuple.IsNull)
        {
            UntrackConstantTuple(api, tuple);
            if (merge)
            {
                compilation.Tuples[t.Key] = tuple;
                compilation.KeepForParser(api, tuple);
            }
        }

        return tuple;
    }

    // 3.12 leaves a code object's tuples (co_consts, co_names, co_varnames, folded constants)
    // untracked when nothing in them can be in a cycle: gc.is_tracked((1, 2)) is False there.
    // 2.7 tracks them until a collection untracks them.
    private static void UntrackConstantTuple(ObjectApi api, PyRef tuple)
    {
        if (!api.Heap.Profile.IntPromotesToLong)
        {
            api.MaybeUntrackTuple(tuple);
        }
    }

    // One compilation's state: 3.12's constant cache (key → tuple, borrowed: every code object
    // made so far is owned by a constant of the next until the outermost is returned), and the
    // main program's parser arena (owned references), when there is one.
    private sealed record Compilation(Dictionary<string, PyRef> Tuples, PyRef ParserConstants)
    {
        // An append that fails (MemoryError) only loses the extra reference: the error is dropped.
        public void KeepForParser(ObjectApi api, PyRef constant)
        {
            if (!ParserConstants.IsNull && api.ListAppend(ParserConstants, constant) < 0)
            {
                api.Heap.ClearError();
            }
        }
    }

    /// <summary>CPython interns constant strings that look like identifiers.</summary>
    private static bool IsIdentifierLike(string s)
    {
        foreach (var ch in s)
        {
            if (!char.IsAsciiLetterOrDigit(ch) && ch != '_')
            {
                return false;
            }
        }

        return true;
    }
}
