using System.Text;
using Refheap.Objects;
using Refheap.Python.Compiler;
using Refheap.Python.Syntax.Ast;

namespace Refheap.Python.Execution;

internal sealed partial class Interpreter
{
    private void RaiseUnboundLocal(string name) =>
        _api.Raise("UnboundLocalError", Py27
            ? $"local variable '{name}' referenced before assignment"
            : $"cannot access local variable '{name}' where it is not associated with a value");

    private void RaiseUnboundCell(CodeUnit unit, int slot)
    {
        var cellIndex = slot - unit.LocalNames.Length;
        if (cellIndex < unit.CellNames.Length)
        {
            RaiseUnboundLocal(unit.CellNames[cellIndex]);
            return;
        }

        var name = unit.FreeNames[cellIndex - unit.CellNames.Length];
        _api.Raise("NameError", Py27
            ? $"free variable '{name}' referenced before assignment in enclosing scope"
            : $"cannot access free variable '{name}' where it is not associated with a value in enclosing scope");
    }

    private void RaiseNameError(string name, bool global) =>
        _api.Raise("NameError", global ? $"global name '{name}' is not defined" : $"name '{name}' is not defined");

    private PyRef Unary(PyRef a, int op)
    {
        if (op == CodeGenerator.ReprOperator)
        {
            return _api.ToRepr(a);
        }

        switch ((UnaryOperator)op)
        {
            case UnaryOperator.Not:
                var truth = _api.Truth(a);
                return truth < 0 ? PyRef.Null : _api.Bool(truth == 0).NewRef();
            case UnaryOperator.Minus:
                return _api.UnaryOperation(a, '-');
            case UnaryOperator.Plus:
                return _api.UnaryOperation(a, '+');
            default:
                return _api.UnaryOperation(a, '~');
        }
    }

    private PyRef Compare(PyRef a, PyRef b, ComparisonOperator op)
    {
        int status;
        switch (op)
        {
            case ComparisonOperator.Is:
                return _api.Bool(a == b).NewRef();
            case ComparisonOperator.IsNot:
                return _api.Bool(a != b).NewRef();
            case ComparisonOperator.In:
            case ComparisonOperator.NotIn:
                status = _api.Contains(b, a);
                return status < 0 ? PyRef.Null : _api.Bool((status == 1) == (op == ComparisonOperator.In)).NewRef();
            default:
                var compareOp = op switch
                {
                    ComparisonOperator.Equal => CompareOp.Eq,
                    ComparisonOperator.NotEqual => CompareOp.Ne,
                    ComparisonOperator.Less => CompareOp.Lt,
                    ComparisonOperator.LessOrEqual => CompareOp.Le,
                    ComparisonOperator.Greater => CompareOp.Gt,
                    _ => CompareOp.Ge,
                };
                return _api.TryCompareExactNumbers(a, b, compareOp, out var answer) ? _api.Bool(answer).NewRef() : _api.Compare(a, b, compareOp);
        }
    }

    /// <summary>A set of the items (borrowed).</summary>
    private PyRef BuildSet(ReadOnlySpan<PyRef> items)
    {
        var set = _api.NewSet();
        if (set.IsNull)
        {
            DropAll(items);
            return set;
        }

        var failed = false;
        foreach (var item in items)
        {
            if (!failed && _api.SetAdd(set, item) < 0)
            {
                failed = true;
            }

            item.DecRef();
        }

        if (failed)
        {
            set.DecRef();
            return PyRef.Null;
        }

        return set;
    }

    /// <summary>A dict of key/value pairs (the values are stolen).</summary>
    private PyRef BuildMap(ReadOnlySpan<PyRef> pairs)
    {
        var dict = _api.Heap.NewDictPresized(pairs.Length / 2);
        if (dict.IsNull)
        {
            DropAll(pairs);
            return dict;
        }

        var failed = false;
        for (var i = 0; i < pairs.Length; i += 2)
        {
            if (!failed && _api.DictSet(dict, pairs[i], pairs[i + 1]) < 0)
            {
                failed = true;
            }

            pairs[i].DecRef();
            pairs[i + 1].DecRef();
        }

        if (failed)
        {
            dict.DecRef();
            return PyRef.Null;
        }

        return dict;
    }

    private static void DropAll(ReadOnlySpan<PyRef> items)
    {
        foreach (var item in items)
        {
            item.XDecRef();
        }
    }

    /// <summary>Unpacks <paramref name="sequence"/> into <paramref name="into"/> (last item first, as the stack wants them); 0 or -1.</summary>
    private int Unpack(PyRef sequence, int count, Span<PyRef> into)
    {
        if (_api.IsTuple(sequence) || _api.IsList(sequence))
        {
            var n = _api.IsTuple(sequence) ? ObjectApi.TupleSize(sequence) : ObjectApi.ListSize(sequence);
            if (n == count)
            {
                for (var i = 0; i < count; i++)
                {
                    var item = _api.IsTuple(sequence) ? ObjectApi.TupleItem(sequence, i) : ObjectApi.ListItem(sequence, i);
                    into[count - 1 - i] = item.NewRef();
                }

                return 0;
            }
        }

        var it = _api.GetIter(sequence);
        if (it.IsNull)
        {
            if (_heap.ErrorMatches(_heap.Types.Exceptions.TypeError))
            {
                _heap.ClearError();
                _api.Raise("TypeError", Py27
                    ? $"'{ObjectApi.TypeName(sequence)}' object is not iterable"
                    : $"cannot unpack non-iterable {ObjectApi.TypeName(sequence)} object");
            }

            return -1;
        }

        var got = new List<PyRef>();
        while (got.Count <= count)
        {
            var item = _api.IterNext(it);
            if (item.IsNull)
            {
                break;
            }

            got.Add(item);
        }

        it.DecRef();
        if (_heap.ErrorOccurred || got.Count != count)
        {
            foreach (var g in got)
            {
                g.DecRef();
            }

            if (!_heap.ErrorOccurred)
            {
                _api.Raise("ValueError", got.Count > count
                    ? (Py27 ? "too many values to unpack" : $"too many values to unpack (expected {count})")
                    : (Py27 ? $"need more than {got.Count} value{(got.Count == 1 ? "" : "s")} to unpack" : $"not enough values to unpack (expected {count}, got {got.Count})"));
            }

            return -1;
        }

        for (var i = 0; i < count; i++)
        {
            into[count - 1 - i] = got[i];
        }

        return 0;
    }

    /// <summary><c>a, *b, c = seq</c>: the items before and after the star, the rest as a list (stack order: last first); 0 or -1.</summary>
    private int UnpackExtended(PyRef sequence, int before, int after, Span<PyRef> into)
    {
        var items = _api.ListFromIterable(sequence);
        if (items.IsNull)
        {
            return -1;
        }

        var n = ObjectApi.ListSize(items);
        if (n < before + after)
        {
            items.DecRef();
            _api.Raise("ValueError", $"not enough values to unpack (expected at least {before + after}, got {n})");
            return -1;
        }

        var total = before + after + 1;
        for (var i = 0; i < before; i++)
        {
            into[total - 1 - i] = ObjectApi.ListItem(items, i).NewRef();
        }

        var middle = new PyRef[n - before - after];
        for (var i = 0; i < middle.Length; i++)
        {
            middle[i] = ObjectApi.ListItem(items, before + i).NewRef();
        }

        var rest = _api.ListSteal(middle);
        for (var i = 0; i < after; i++)
        {
            into[after - 1 - i] = ObjectApi.ListItem(items, n - after + i).NewRef();
        }

        items.DecRef();
        if (rest.IsNull)
        {
            for (var i = 0; i < total; i++)
            {
                into[i].XDecRef();
                into[i] = default;
            }

            return -1;
        }

        into[after] = rest;
        return 0;
    }

    private PyRef FormatValue(PyRef value, char conversion, PyRef spec)
    {
        var converted = conversion switch
        {
            'r' or 'a' => _api.ToRepr(value),
            's' => _api.ToStr(value),
            _ => value.NewRef(),
        };
        if (conversion == 'a' && !converted.IsNull)
        {
            // ascii(): the repr with its non-ASCII characters escaped.
            var escaped = _api.NewStr(ObjectApi.AsciiEscape(ObjectApi.StrText(converted)));
            converted.DecRef();
            converted = escaped;
        }

        if (converted.IsNull)
        {
            return converted;
        }

        PyRef result;
        if (spec.IsNull || ObjectApi.StrText(spec).Length == 0)
        {
            result = _api.IsStr(converted) ? converted.NewRef() : _api.ToStr(converted);
        }
        else
        {
            result = CallBuiltin("format", converted, spec);
        }

        converted.DecRef();
        return result;
    }

    private PyRef JoinStrings(ReadOnlySpan<PyRef> parts)
    {
        var sb = new StringBuilder();
        foreach (var p in parts)
        {
            sb.Append(ObjectApi.StrText(p));
        }

        return _api.NewStr(sb.ToString());
    }

    /// <summary>Calls a function of the builtins module by name with borrowed arguments.</summary>
    public PyRef CallBuiltin(string name, params ReadOnlySpan<PyRef> args)
    {
        var f = _api.DictGetString(_builtins, name);
        if (f.IsNull)
        {
            return RaiseUnsupported($"the builtin {name}()");
        }

        return CallValue(f, args, default);
    }
}
