using Refheap.Objects;

namespace Refheap.Python.Builtins;

/// <summary>The builtins that iterate: iter, next, any, all, sum, min, max, sorted, and 2.7's list-making map, filter and zip.</summary>
internal sealed partial class BuiltinsModule
{
    private PyRef Iter(PyRef args, PyRef kwargs)
    {
        if (!Unpack("iter", args, kwargs, 1, 2, out var a))
        {
            return PyRef.Null;
        }

        return a[1].IsNull
            ? _api.GetIter(a[0])
            : _api.Raise("NotImplementedError", "Refheap does not support iter(callable, sentinel)");
    }

    private PyRef Next(PyRef args, PyRef kwargs)
    {
        if (!Unpack("next", args, kwargs, 1, 2, out var a))
        {
            return PyRef.Null;
        }

        if (!_api.IsIterator(a[0]))
        {
            return _api.Raise("TypeError", Behaviour.Messages27
                ? $"{TypeName(a[0])} object is not an iterator"
                : $"'{TypeName(a[0])}' object is not an iterator");
        }

        var item = _api.IterNext(a[0]);
        if (!item.IsNull || _api.ErrorOccurred)
        {
            return item;
        }

        return a[1].IsNull ? _api.RaiseWithoutArguments("StopIteration") : a[1].NewRef();
    }

    private PyRef AnyAll(PyRef args, PyRef kwargs, string name)
    {
        if (!One(name, args, kwargs, out var iterable))
        {
            return PyRef.Null;
        }

        // any stops at the first true item, all at the first false one.
        var stopOn = name == "any" ? 1 : 0;
        var r = _api.ForEach(iterable, item =>
        {
            var truth = _api.IsTrue(item);
            return truth < 0 ? -1 : truth == stopOn ? 1 : 0;
        });
        return r < 0 ? PyRef.Null : _api.NewBool(r == 1 ? stopOn == 1 : stopOn == 0);
    }

    private PyRef Sum(PyRef args, PyRef kwargs)
    {
        PyRef[] a;
        if (!Behaviour.SumStartKeyword)
        {
            if (!Unpack("sum", args, kwargs, 1, 2, out a))
            {
                return PyRef.Null;
            }
        }
        else
        {
            var n = ObjectApi.TupleSize(args);
            if (n < 1 || n > 2)
            {
                return _api.Raise("TypeError", n < 1
                    ? $"sum() takes at least 1 positional argument ({n} given)"
                    : $"sum() takes at most 2 arguments ({n} given)");
            }

            a = new PyRef[2];
            a[0] = ObjectApi.TupleItem(args, 0);
            a[1] = n > 1 ? ObjectApi.TupleItem(args, 1) : PyRef.Null;
            if (!Keywords("sum", kwargs, ["start"], a, 1))
            {
                return PyRef.Null;
            }
        }

        if (!a[1].IsNull && _api.IsStr(a[1]))
        {
            return _api.Raise("TypeError", "sum() can't sum strings [use ''.join(seq) instead]");
        }

        var it = _api.GetIter(a[0]);
        if (it.IsNull)
        {
            return it;
        }

        var total = a[1].IsNull ? _api.NewInt(0) : a[1].NewRef();
        while (!total.IsNull)
        {
            var item = _api.IterNext(it);
            if (item.IsNull)
            {
                if (_api.ErrorOccurred)
                {
                    total = Drop(total, PyRef.Null);
                }

                break;
            }

            var next = _api.Add(total, item);
            item.DecRef();
            total.DecRef();
            total = next;
        }

        return Drop(it, total);
    }

    private PyRef MinMax(PyRef args, PyRef kwargs, string name)
    {
        var n = ObjectApi.TupleSize(args);
        if (n == 0)
        {
            return _api.Raise("TypeError", Behaviour.Messages27 ? $"{name} expected 1 arguments, got 0" : $"{name} expected at least 1 argument, got 0");
        }

        PyRef key = PyRef.Null, fallback = PyRef.Null;
        foreach (var (k, v) in _api.DictItems(kwargs))
        {
            var text = _api.IsStr(k) ? ObjectApi.StrText(k) : "";
            if (text == "key")
            {
                key = v;
            }
            else if (text == "default" && Behaviour.MinMaxDefault)
            {
                fallback = v;
            }
            else
            {
                return _api.Raise("TypeError", Behaviour.Messages27
                    ? $"{name}() got an unexpected keyword argument"
                    : $"'{text}' is an invalid keyword argument for {name}()");
            }
        }

        if (!fallback.IsNull && n > 1)
        {
            return _api.Raise("TypeError", $"Cannot specify a default for {name}() with multiple positional arguments");
        }

        if (!key.IsNull && !Behaviour.Messages27 && _api.IsNone(key))
        {
            key = PyRef.Null;
        }

        var iterable = n == 1 ? ObjectApi.TupleItem(args, 0) : args;
        PyRef best = PyRef.Null, bestKey = PyRef.Null;
        var op = name == "min" ? CompareOp.Lt : CompareOp.Gt;
        var status = _api.ForEach(iterable, item =>
        {
            var itemKey = key.IsNull ? item.NewRef() : _api.Call(key, [item]);
            if (itemKey.IsNull)
            {
                return -1;
            }

            if (best.IsNull)
            {
                (best, bestKey) = (item.NewRef(), itemKey);
                return 0;
            }

            var better = _api.RichCompareBool(itemKey, bestKey, op);
            if (better > 0)
            {
                best.DecRef();
                bestKey.DecRef();
                (best, bestKey) = (item.NewRef(), itemKey);
                return 0;
            }

            itemKey.DecRef();
            return better;
        });
        bestKey.XDecRef();
        if (status < 0)
        {
            return Drop(best, PyRef.Null);
        }

        if (!best.IsNull)
        {
            return best;
        }

        return !fallback.IsNull
            ? fallback.NewRef()
            : _api.Raise("ValueError", Behaviour.Messages27 ? $"{name}() arg is an empty sequence" : $"{name}() iterable argument is empty");
    }

    private PyRef Sorted(PyRef args, PyRef kwargs)
    {
        var n = ObjectApi.TupleSize(args);
        PyRef[] a;
        if (Behaviour.SortedTakesCmp)
        {
            // sorted(iterable, cmp=None, key=None, reverse=False)
            if (n > 4)
            {
                return _api.Raise("TypeError", $"sorted() takes at most 4 arguments ({n} given)");
            }

            a = new PyRef[4];
            for (var i = 0; i < n; i++)
            {
                a[i] = ObjectApi.TupleItem(args, i);
            }

            if (!Keywords("sorted", kwargs, ["iterable", "cmp", "key", "reverse"], a, 0))
            {
                return PyRef.Null;
            }

            if (a[0].IsNull)
            {
                return _api.Raise("TypeError", "Required argument 'iterable' (pos 1) not found");
            }
        }
        else
        {
            if (n != 1)
            {
                return _api.Raise("TypeError", $"sorted expected 1 argument, got {n}");
            }

            a = new PyRef[4];
            a[0] = ObjectApi.TupleItem(args, 0);
            foreach (var (k, v) in _api.DictItems(kwargs))
            {
                var text = _api.IsStr(k) ? ObjectApi.StrText(k) : "";
                if (text is not ("key" or "reverse"))
                {
                    return _api.Raise("TypeError", $"'{text}' is an invalid keyword argument for sort()");
                }

                a[text == "key" ? 2 : 3] = v;
            }
        }

        var reverse = 0;
        if (!a[3].IsNull && (reverse = _api.IsTrue(a[3])) < 0)
        {
            return PyRef.Null;
        }

        var items = new List<PyRef>();
        if (_api.ForEach(a[0], item =>
        {
            items.Add(item.NewRef());
            return 0;
        }) < 0)
        {
            return Release(items, PyRef.Null);
        }

        var cmp = a[1].IsNull || _api.IsNone(a[1]) ? PyRef.Null : a[1];
        var key = a[2].IsNull || _api.IsNone(a[2]) ? PyRef.Null : a[2];
        var sorter = new StableSort(_api, cmp, Behaviour.Messages27);
        if (!sorter.Sort(items, key, reverse == 1))
        {
            return Release(items, PyRef.Null);
        }

        return Release(items, _api.NewList([.. items]));
    }

    private static PyRef Release(List<PyRef> owned, PyRef result)
    {
        foreach (var item in owned)
        {
            item.DecRef();
        }

        return result;
    }

    // 2.7's map(function, *iterables): a list; None as the function gives the items (tuples of
    // them for several iterables); shorter iterables are padded with None.
    private PyRef MapList(PyRef args, PyRef kwargs)
    {
        var n = ObjectApi.TupleSize(args);
        if (!NoKeywords("map", kwargs))
        {
            return PyRef.Null;
        }

        if (n < 2)
        {
            return _api.Raise("TypeError", "map() requires at least two args");
        }

        var function = ObjectApi.TupleItem(args, 0);
        var iterators = new List<PyRef>();
        for (var i = 1; i < n; i++)
        {
            var it = _api.GetIter(ObjectApi.TupleItem(args, i));
            if (it.IsNull)
            {
                if (_api.ErrorMatches("TypeError"))
                {
                    _api.ClearError();
                    _api.Raise("TypeError", $"argument {i + 1} to map() must support iteration");
                }

                return Release(iterators, PyRef.Null);
            }

            iterators.Add(it);
        }

        var result = _api.NewList([]);
        while (!result.IsNull)
        {
            var row = new PyRef[iterators.Count];
            var live = 0;
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = _api.IterNext(iterators[i]);
                if (row[i].IsNull)
                {
                    if (_api.ErrorOccurred)
                    {
                        ReleaseRow(row, i);
                        return Release(iterators, Drop(result, PyRef.Null));
                    }

                    row[i] = _api.None;
                }
                else
                {
                    live++;
                }
            }

            if (live == 0)
            {
                ReleaseRow(row, row.Length);
                break;
            }

            var value = _api.IsNone(function)
                ? row.Length == 1 ? row[0].NewRef() : _api.NewTuple(row)
                : _api.Call(function, row);
            ReleaseRow(row, row.Length);
            if (value.IsNull || _api.Append(result, value) < 0)
            {
                value.XDecRef();
                return Release(iterators, Drop(result, PyRef.Null));
            }

            value.DecRef();
        }

        return Release(iterators, result);
    }

    private static void ReleaseRow(PyRef[] row, int count)
    {
        for (var i = 0; i < count; i++)
        {
            row[i].XDecRef();
        }
    }

    // 2.7's filter(function or None, iterable): a str or tuple for a str or tuple, else a list.
    private PyRef FilterList(PyRef args, PyRef kwargs)
    {
        if (!NoKeywords("filter", kwargs))
        {
            return PyRef.Null;
        }

        var n = ObjectApi.TupleSize(args);
        if (n != 2)
        {
            return _api.Raise("TypeError", $"filter expected 2 arguments, got {n}");
        }

        var function = ObjectApi.TupleItem(args, 0);
        var useTruth = _api.IsNone(function) || function == _api.BuiltinType("bool");
        var kept = new List<PyRef>();
        var status = _api.ForEach(ObjectApi.TupleItem(args, 1), item =>
        {
            int truth;
            if (useTruth)
            {
                truth = _api.IsTrue(item);
            }
            else
            {
                var r = _api.Call(function, [item]);
                truth = r.IsNull ? -1 : _api.IsTrue(r);
                r.XDecRef();
            }

            if (truth > 0)
            {
                kept.Add(item.NewRef());
            }

            return truth < 0 ? -1 : 0;
        });
        if (status < 0)
        {
            return Release(kept, PyRef.Null);
        }

        var source = ObjectApi.TupleItem(args, 1);
        if (_api.IsStr(source))
        {
            var text = string.Concat(kept.Select(ObjectApi.StrText));
            return Release(kept, Text(text));
        }

        return Release(kept, _api.IsTuple(source) ? _api.NewTuple([.. kept]) : _api.NewList([.. kept]));
    }

    // 2.7's zip(*iterables): a list of tuples, as long as the shortest.
    private PyRef ZipList(PyRef args, PyRef kwargs)
    {
        if (_api.DictCount(kwargs) > 0)
        {
            return _api.Raise("TypeError", "zip() does not take keyword arguments");
        }

        var n = ObjectApi.TupleSize(args);
        var iterators = new List<PyRef>();
        for (var i = 0; i < n; i++)
        {
            var it = _api.GetIter(ObjectApi.TupleItem(args, i));
            if (it.IsNull)
            {
                if (_api.ErrorMatches("TypeError"))
                {
                    _api.ClearError();
                    _api.Raise("TypeError", $"zip argument #{i + 1} must support iteration");
                }

                return Release(iterators, PyRef.Null);
            }

            iterators.Add(it);
        }

        var result = _api.NewList([]);
        while (!result.IsNull && n > 0)
        {
            var row = new PyRef[n];
            for (var i = 0; i < n; i++)
            {
                row[i] = _api.IterNext(iterators[i]);
                if (row[i].IsNull)
                {
                    ReleaseRow(row, i);
                    return Release(iterators, _api.ErrorOccurred ? Drop(result, PyRef.Null) : result);
                }
            }

            var tuple = _api.NewTuple(row);
            ReleaseRow(row, n);
            if (tuple.IsNull || _api.Append(result, tuple) < 0)
            {
                tuple.XDecRef();
                return Release(iterators, Drop(result, PyRef.Null));
            }

            tuple.DecRef();
        }

        return Release(iterators, result);
    }
}
