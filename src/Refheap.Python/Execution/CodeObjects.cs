using System.Numerics;
using Refheap.Objects;
using Refheap.Objects.Native.Code;
using Refheap.Python.Compiler;

namespace Refheap.Python.Execution;

/// <summary>Makes heap code objects of compiled <see cref="CodeUnit"/>s: the constants and names become objects the code object owns.</summary>
internal static class CodeObjects
{
    /// <summary>A new code object for <paramref name="unit"/> (and, as constants, its nested units); new reference or null with the error set.</summary>
    public static PyRef Create(ObjectApi api, CodeUnit unit)
    {
        var constants = new PyRef[unit.Constants.Length];
        for (var i = 0; i < constants.Length; i++)
        {
            var c = Constant(api, unit.Constants[i]);
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
            unit.LocalNames.Length, unit.CellNames.Length, unit.FreeNames.Length, (int)flags);
        if (!code.IsNull)
        {
            var objects = new PyRef[constants.Length];
            for (var i = 0; i < objects.Length; i++)
            {
                objects[i] = ObjectApi.TupleItem(constTuple, i);
            }

            unit.ConstantObjects = objects;
            unit.NameObjects = names;
            unit.ParameterNameObjects = unit.LocalNames.Select(api.Intern).ToArray();
        }

        constTuple.DecRef();
        nameTuple.DecRef();
        varNames.DecRef();
        return code;
    }

    private static PyRef Constant(ObjectApi api, object? value) => value switch
    {
        null => api.NoneObject.NewRef(),
        bool b => api.Bool(b).NewRef(),
        BigInteger i => api.NewInt(i),
        LongLiteral l => api.NewLong(l.Value),
        double d => api.NewFloat(d),
        string s => s.Length <= 20 && IsIdentifierLike(s) ? api.Intern(s).NewRef() : api.NewStr(s),
        CodeUnit u => Create(api, u),
        KeywordNames k => api.Heap.NewTuple(k.Names.Select(api.Intern).ToArray()),
        TupleConstant t => TupleOf(api, t),
        _ => throw new InvalidOperationException($"unknown constant {value.GetType().Name}"),
    };

    private static PyRef TupleOf(ObjectApi api, TupleConstant t)
    {
        var items = new PyRef[t.Items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Constant(api, t.Items[i]);
            if (items[i].IsNull)
            {
                for (var j = 0; j < i; j++)
                {
                    items[j].DecRef();
                }

                return PyRef.Null;
            }
        }

        return api.TupleSteal(items);
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
