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

        if (a[1].IsNull)
        {
            return _api.GetIter(a[0]);
        }

        return _api.IsCallable(a[0])
            ? _api.NewCallableIterator(a[0], a[1])
            : _api.Raise("TypeError", Behaviour.Messages27 ? "iter(v, w): v must be callable" : "iter(object, sentinel): object must be callable");
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
        var done = false;
        while (!total.IsNull && !done)
        {
            if (Behaviour.CompensatedFloatSum && _api.IsExactFloat(total))
            {
                total = SumFloats(it, total, out done);
                continue;
            }

            var item = _api.IterNext(it);
            if (item.IsNull)
            {
                if (_api.ErrorOccurred)
                {
                    total = Drop(total, PyRef.Null);
                }

                break;
            }

            var next = AddValues(total, item);
            item.DecRef();
            total.DecRef();
            total = next;
        }

        return Drop(it, total);
    }

    // 3.12's float loop of sum: floats (and ints that fit a long) are added with Neumaier's
    // compensation until the iterator ends or an item of another type comes, which is then
    // added the ordinary way. Takes and returns the owned total; done when the iterator ended.
    private PyRef SumFloats(PyRef it, PyRef total, out bool done)
    {
        done = false;
        var sum = ObjectApi.FloatValue(total);
        var c = 0.0;
        total.DecRef();
        while (true)
        {
            var item = _api.IterNext(it);
            if (item.IsNull)
            {
                done = true;
                return _api.ErrorOccurred ? PyRef.Null : _api.NewFloat(Compensated(sum, c));
            }

            if (_api.IsExactFloat(item))
            {
                var x = ObjectApi.FloatValue(item);
                var t = sum + x;
                c += Math.Abs(sum) >= Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
                sum = t;
                item.DecRef();
                continue;
            }

            if (_api.IsInt(item) && _api.TryAsLong(item, out var n))
            {
                sum += n;
                item.DecRef();
                continue;
            }

            var partial = _api.NewFloat(Compensated(sum, c));
            var next = partial.IsNull ? partial : AddValues(partial, item);

            partial.XDecRef();
            item.DecRef();
            return next;
        }
    }

    // a + b as the language does it (PyNumber_Add): __add__/__radd__ of classes, concatenation.
    private PyRef AddValues(PyRef a, PyRef b) => _api.BinaryOperation(a, b, ObjectApi.Operator.Add);

    private static double Compensated(double sum, double c) => c != 0 && double.IsFinite(c) ? sum + c : sum;

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
            var itemKey = key.IsNull ? item.NewRef() : _api.CallVector(key, [item]);
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

    // sorted(iterable, ...): list(iterable), then that list's sort with the other arguments, as CPython does.
    private PyRef Sorted(PyRef args, PyRef kwargs)
    {
        var n = ObjectApi.TupleSize(args);
        if (n == 0 && Behaviour.SortedTakesCmp && _api.DictItems(kwargs).Select(i => ObjectApi.StrText(i.Key)).FirstOrDefault(k => k is not ("cmp" or "key" or "reverse")) is { } unknown)
        {
            // 2.7's sorted takes its sequence by position only.
            return _api.Raise("TypeError", $"'{unknown}' is an invalid keyword argument for this function");
        }

        if (n == 0 || (!Behaviour.SortedTakesCmp && n > 1))
        {
            return _api.Raise("TypeError", Behaviour.SortedTakesCmp
                ? "Required argument 'iterable' (pos 1) not found"
                : $"sorted expected 1 argument, got {n}");
        }

        var list = _api.ListFromIterable(ObjectApi.TupleItem(args, 0));
        if (list.IsNull)
        {
            return list;
        }

        var rest = new PyRef[n - 1];
        for (var i = 1; i < n; i++)
        {
            rest[i - 1] = ObjectApi.TupleItem(args, i);
        }

        var sortArgs = _api.NewTuple(rest);
        var sort = sortArgs.IsNull ? sortArgs : _api.GetAttr(list, _api.InternedName("sort"));
        var r = sort.IsNull ? sort : _api.Call(sort, sortArgs, kwargs);
        sort.XDecRef();
        sortArgs.XDecRef();
        if (r.IsNull)
        {
            return Drop(list, PyRef.Null);
        }

        r.DecRef();
        return list;
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

    // 2.7's zip(*iterables): a list of tuples, as long as the shortest (builtin_zip).
    private PyRef ZipList(PyRef args, PyRef kwargs) =>
        _api.DictCount(kwargs) > 0 ? _api.Raise("TypeError", "zip() takes no keyword arguments") : _api.Py27Zip(args);
}
