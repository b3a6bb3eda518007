using Refheap.Objects.Native.List;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects;

/// <summary>The facade's part for 2.7's list-making <c>zip</c>.</summary>
internal sealed unsafe partial class ObjectApi
{
    /// <summary>
    /// 2.7's <c>zip(*iterables)</c> (builtin_zip), <paramref name="args"/> the tuple of
    /// iterables (borrowed): a new list of tuples, or null with the error set. As CPython: the
    /// list is made at the shortest length hint (10 when an argument gives none), the iterators
    /// are held in a tuple, each row is a new tuple — the one started when an iterator ends is
    /// dropped — and the list is cut back to the rows made.
    /// </summary>
    public PyRef Py27Zip(PyRef args)
    {
        var n = TupleType.Size(args.Ptr);
        if (n == 0)
        {
            return Heap.Types.List.New(0);
        }

        nint length = -1;
        for (nint i = 0; i < n; i++)
        {
            var hint = Heap.LengthHint(TupleType.Item(args.Ptr, i), -2);
            if (hint == -1)
            {
                return PyRef.Null;
            }

            if (hint < 0)
            {
                length = -1;
                break;
            }

            if (length < 0 || hint < length)
            {
                length = hint;
            }
        }

        length = length < 0 ? 10 : length;
        var result = Heap.Types.List.New(length);
        if (result.IsNull)
        {
            return result;
        }

        var iterators = Heap.Types.Tuple.New(n);
        if (iterators.IsNull)
        {
            result.DecRef();
            return iterators;
        }

        for (nint i = 0; i < n; i++)
        {
            var it = Heap.GetIter(TupleType.Item(args.Ptr, i));
            if (it.IsNull)
            {
                if (Heap.ErrorMatches(Heap.Types.Exceptions.TypeError))
                {
                    Heap.ClearError();
                    Heap.RaiseTypeError($"zip argument #{i + 1} must support iteration");
                }

                iterators.DecRef();
                result.DecRef();
                return PyRef.Null;
            }

            TupleType.Items(iterators.Ptr)[i] = it.Ptr;
        }

        nint rows = 0;
        while (true)
        {
            var row = Heap.Types.Tuple.New(n);
            if (row.IsNull)
            {
                iterators.DecRef();
                result.DecRef();
                return row;
            }

            for (nint j = 0; j < n; j++)
            {
                var item = Heap.IterNext(TupleType.Item(iterators.Ptr, j));
                if (item.IsNull)
                {
                    var failed = Heap.ErrorOccurred;
                    row.DecRef();
                    iterators.DecRef();
                    if (failed)
                    {
                        result.DecRef();
                        return PyRef.Null;
                    }

                    // The list is too big: cut it back to the rows made.
                    if (rows < length && Heap.Types.List.Resize(result.Ptr, rows) < 0)
                    {
                        result.DecRef();
                        return PyRef.Null;
                    }

                    return result;
                }

                TupleType.Items(row.Ptr)[j] = item.Ptr;
            }

            if (rows < length)
            {
                ListType.Items(result.Ptr)[rows++] = row.Ptr;
                continue;
            }

            var status = Heap.Types.List.Append(result.Ptr, row.Ptr);
            row.DecRef();
            rows++;
            if (status < 0)
            {
                iterators.DecRef();
                result.DecRef();
                return PyRef.Null;
            }
        }
    }
}
