using Refheap.Objects.Native.Methods;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Set;

/// <summary>
/// The methods of <c>set</c> (add, discard, remove, pop, clear, update, union, intersection,
/// difference, symmetric_difference, their <c>_update</c> forms, isdisjoint, issubset,
/// issuperset, copy, <c>__contains__</c>, <c>__init__</c>) and of <c>frozenset</c> (those that
/// do not mutate). A new set from union, intersection, difference, symmetric_difference or copy
/// has the base type of <c>self</c> (set or frozenset) in 3.x, and <c>self</c>'s own class in
/// 2.7 (a subclass instance made without <c>__init__</c>), as CPython's do.
/// </summary>
internal static unsafe class SetMethods
{
    /// <summary>The methods of <paramref name="type"/> (set or frozenset), for a heap's profile.</summary>
    public static IEnumerable<BuiltinMethod> Create(SetType type)
    {
        List<BuiltinMethod> methods =
        [
            new("union", ArgumentSpec.VarArgs, (h, self, a) => Union(h, type, self, a.Tuple)),
            new("intersection", ArgumentSpec.VarArgs, (h, self, a) => Intersection(h, type, self, a.Tuple)),
            new("difference", ArgumentSpec.VarArgs, (h, self, a) => Difference(h, type, self, a.Tuple)),
            new("symmetric_difference", ArgumentSpec.One, (h, self, a) => SymmetricDifference(type, self, a[0])),
            new("isdisjoint", ArgumentSpec.One, (h, self, a) => Truth(h, type.IsDisjoint(self, a[0]))),
            new("issubset", ArgumentSpec.One, (h, self, a) => IsSubset(h, self, a[0])),
            new("issuperset", ArgumentSpec.One, (h, self, a) => IsSuperset(h, self, a[0])),
            new("copy", ArgumentSpec.NoArgs, (h, self, _) => Copy(h, type, self)),
            new("__contains__", ArgumentSpec.One, static (h, self, a) => Truth(h, h.Types.Set.Contains(self, a[0]))),
        ];
        if (type.Frozen)
        {
            return methods;
        }

        methods.AddRange(
        [
            new("add", ArgumentSpec.One, static (h, self, a) => Done(h, h.Types.Set.Add(self, a[0]))),
            new("discard", ArgumentSpec.One, static (h, self, a) => Done(h, h.Types.Set.Discard(self, a[0]))),
            new("remove", ArgumentSpec.One, Remove),
            new("pop", ArgumentSpec.NoArgs, static (h, self, _) => Pop(h, self)),
            new("clear", ArgumentSpec.NoArgs, static (h, self, _) =>
            {
                h.Types.Set.ClearContents(self);
                return h.None;
            }),
            new("update", ArgumentSpec.VarArgs, static (h, self, a) => Done(h, UpdateAll(h, self, a.Tuple))),
            new("difference_update", ArgumentSpec.VarArgs, (h, self, a) => Done(h, DifferenceUpdateAll(type, self, a.Tuple))),
            new("intersection_update", ArgumentSpec.VarArgs, (h, self, a) => IntersectionUpdate(h, type, self, a.Tuple)),
            new("symmetric_difference_update", ArgumentSpec.One, (h, self, a) => Done(h, type.SymmetricDifferenceUpdate(self, a[0]))),
            new("__init__", ArgumentSpec.Expect(0, 1).Named("set"), static (h, self, a) =>
            {
                h.Types.Set.ClearContents(self);
                return a[0] == null ? h.None : Done(h, h.Types.Set.Update(self, a[0]));
            }),
        ]);
        return methods;
    }

    private static PyRef Done(Heap heap, int status) => status < 0 ? PyRef.Null : heap.None;

    private static PyRef Truth(Heap heap, int r) => r < 0 ? PyRef.Null : heap.NewBool(r == 1);

    private static int UpdateAll(Heap heap, PyObject* self, PyObject* others)
    {
        for (nint i = 0; i < TupleType.Size(others); i++)
        {
            if (heap.Types.Set.Update(self, TupleType.Item(others, i)) < 0)
            {
                return -1;
            }
        }

        return 0;
    }

    /// <summary>A new set holding the items of <paramref name="self"/>: of its base type <paramref name="type"/>, in 2.7 of its own class.</summary>
    private static PyRef NewLike(SetType type, PyObject* self) => type.NewLike(self, self);

    private static PyRef Copy(Heap heap, SetType type, PyObject* self)
    {
        // frozenset.copy() of an exact frozenset is the frozenset itself.
        if (type.Frozen && self->Type == type.TypeObject)
        {
            return new PyRef(self).NewRef();
        }

        return NewLike(type, self);
    }

    private static PyRef Union(Heap heap, SetType type, PyObject* self, PyObject* others)
    {
        var result = NewLike(type, self);
        if (result.IsNull || UpdateAll(heap, result.Ptr, others) == 0)
        {
            return result;
        }

        result.DecRef();
        return PyRef.Null;
    }

    /// <summary>set_intersection_multi: each argument in turn intersected with the result so far; no argument: a copy.</summary>
    private static PyRef Intersection(Heap heap, SetType type, PyObject* self, PyObject* others)
    {
        if (TupleType.Size(others) == 0)
        {
            return NewLike(type, self);
        }

        var result = new PyRef(self).NewRef();
        for (nint i = 0; i < TupleType.Size(others); i++)
        {
            var next = type.Intersection(result.Ptr, TupleType.Item(others, i));
            result.DecRef();
            if (next.IsNull)
            {
                return next;
            }

            result = next;
        }

        return result;
    }

    /// <summary>set_intersection_update_multi: the intersection is built apart, then <paramref name="self"/> takes its table.</summary>
    private static PyRef IntersectionUpdate(Heap heap, SetType type, PyObject* self, PyObject* others)
    {
        var result = Intersection(heap, type, self, others);
        if (result.IsNull)
        {
            return result;
        }

        type.SwapBodies(self, result.Ptr);
        result.DecRef();
        return heap.None;
    }

    private static int DifferenceUpdateAll(SetType type, PyObject* self, PyObject* others)
    {
        for (nint i = 0; i < TupleType.Size(others); i++)
        {
            if (type.DifferenceUpdate(self, TupleType.Item(others, i)) < 0)
            {
                return -1;
            }
        }

        return 0;
    }

    /// <summary>
    /// <c>a | b</c>, <c>a &amp; b</c>, <c>a - b</c>, <c>a ^ b</c> of two sets or frozensets: a new
    /// set of <paramref name="type"/> (<paramref name="a"/>'s base type) made as union,
    /// intersection, difference and symmetric_difference make it, or null with the error set.
    /// </summary>
    public static PyRef Binary(SetType type, PyObject* a, PyObject* b, ObjectApi.Operator op)
    {
        switch (op)
        {
            case ObjectApi.Operator.And:
                return type.Intersection(a, b);
            case ObjectApi.Operator.Subtract:
                return type.Difference(a, b);
            case ObjectApi.Operator.Xor:
                return SymmetricDifference(type, a, b);
        }

        var result = NewLike(type, a);
        if (!result.IsNull && a != b && type.Update(result.Ptr, b) < 0)
        {
            result.DecRef();
            return PyRef.Null;
        }

        return result;
    }

    /// <summary>
    /// <c>s |= t</c>, <c>s &amp;= t</c>, <c>s -= t</c>, <c>s ^= t</c> of a set <paramref name="self"/>
    /// and a set or frozenset <paramref name="other"/>: the set updated as its methods do, then
    /// returned (a new reference), or null with the error set.
    /// </summary>
    public static PyRef InPlace(Heap heap, SetType type, PyObject* self, PyObject* other, ObjectApi.Operator op)
    {
        if (op == ObjectApi.Operator.And)
        {
            var result = type.Intersection(self, other);
            if (result.IsNull)
            {
                return result;
            }

            type.SwapBodies(self, result.Ptr);
            result.DecRef();
            return new PyRef(self).NewRef();
        }

        var status = op switch
        {
            ObjectApi.Operator.Or => type.Update(self, other),
            ObjectApi.Operator.Subtract => type.DifferenceUpdate(self, other),
            _ => type.SymmetricDifferenceUpdate(self, other),
        };
        return status < 0 ? PyRef.Null : new PyRef(self).NewRef();
    }

    /// <summary>set_symmetric_difference: a new set of <paramref name="other"/>'s keys, then toggled by <paramref name="self"/>'s.</summary>
    private static PyRef SymmetricDifference(SetType type, PyObject* self, PyObject* other)
    {
        var result = type.NewLike(self, other);
        if (!result.IsNull && type.SymmetricDifferenceUpdate(result.Ptr, self) < 0)
        {
            result.DecRef();
            return PyRef.Null;
        }

        return result;
    }

    /// <summary>set_difference_multi: the difference with the first argument, then the rest discarded from it; no argument: a copy.</summary>
    private static PyRef Difference(Heap heap, SetType type, PyObject* self, PyObject* others)
    {
        var n = TupleType.Size(others);
        if (n == 0)
        {
            return NewLike(type, self);
        }

        var result = type.Difference(self, TupleType.Item(others, 0));
        for (nint i = 1; !result.IsNull && i < n; i++)
        {
            if (type.DifferenceUpdate(result.Ptr, TupleType.Item(others, i)) < 0)
            {
                result.DecRef();
                return PyRef.Null;
            }
        }

        return result;
    }

    /// <summary>Whether every item of <paramref name="a"/> is in the set <paramref name="b"/>: 1, 0, or -1.</summary>
    private static int AllIn(Heap heap, PyObject* a, PyObject* b)
    {
        var r = heap.ForEach(a, key => heap.Types.Set.Contains(b, (PyObject*)key) switch
        {
            1 => 0,
            0 => 1,
            _ => -1,
        });
        return r switch
        {
            0 => 1,
            1 => 0,
            _ => -1,
        };
    }

    /// <summary><paramref name="other"/> as a set: itself when it is one (a new reference), else a new set of its items.</summary>
    private static PyRef AsSet(Heap heap, PyObject* other) =>
        heap.IsAnySet(other) ? new PyRef(other).NewRef() : heap.NewSet(other);

    private static PyRef IsSubset(Heap heap, PyObject* self, PyObject* other)
    {
        var b = AsSet(heap, other);
        if (b.IsNull)
        {
            return b;
        }

        var r = heap.Types.Set.Count(self) > heap.Types.Set.Count(b.Ptr) ? 0 : AllIn(heap, self, b.Ptr);
        b.DecRef();
        return Truth(heap, r);
    }

    private static PyRef IsSuperset(Heap heap, PyObject* self, PyObject* other)
    {
        var b = AsSet(heap, other);
        if (b.IsNull)
        {
            return b;
        }

        var r = AllIn(heap, b.Ptr, self);
        b.DecRef();
        return Truth(heap, r);
    }

    private static PyRef Remove(Heap heap, PyObject* self, MethodArgs a)
    {
        var r = heap.Types.Set.Discard(self, a[0]);
        return r < 0 ? PyRef.Null : r == 0 ? heap.RaiseKeyError(new PyRef(a[0])) : heap.None;
    }

    /// <summary><c>s.pop()</c>: the key at CPython's search finger, KeyError when empty.</summary>
    private static PyRef Pop(Heap heap, PyObject* self)
    {
        if (heap.Types.Set.Count(self) == 0)
        {
            var message = heap.NewString("pop from an empty set");
            if (!message.IsNull)
            {
                heap.RaiseKeyError(message);
                message.DecRef();
            }

            return PyRef.Null;
        }

        // The set's reference passes to the caller.
        return new PyRef(heap.Types.Set.Pop(self));
    }
}
