using Refheap.Objects.Native.Instance;

namespace Refheap.Objects.Native.Set;

/// <summary>
/// The in-place set algebra CPython's set methods are built on (set_intersection,
/// set_difference_update_internal, set_symmetric_difference_update, set_isdisjoint,
/// set_swap_bodies): they walk the same table in the same order and leave the same layout,
/// so a later repr or iteration comes out as CPython's.
/// </summary>
internal sealed unsafe partial class SetType
{
    /// <summary>
    /// A new set for a result computed from <paramref name="self"/>, holding the items of
    /// <paramref name="iterableOrNull"/>: 2.7 makes it of <paramref name="self"/>'s own class
    /// (make_new_set(Py_TYPE(so)), a subclass instance without <c>__init__</c>), 3.x of this
    /// base type (make_new_set_basetype). A new reference, or null with the error set.
    /// </summary>
    public PyRef NewLike(PyObject* self, PyObject* iterableOrNull)
    {
        if (_linear || self->Type == TypeObject || self->Type->Descriptor is not InstanceType subclass)
        {
            return New(iterableOrNull);
        }

        // A zeroed instance block is a valid empty set (PySetObject).
        var o = subclass.Allocate();
        if (!o.IsNull && iterableOrNull != null && Update(o.Ptr, iterableOrNull) < 0)
        {
            o.DecRef();
            return PyRef.Null;
        }

        return o;
    }

    /// <summary>
    /// set_intersection: a new set of <paramref name="s"/>'s base type holding the keys of
    /// <paramref name="s"/> also in <paramref name="other"/> (a new reference, or null with the
    /// error set). Against a set, the smaller one is walked; anything else is iterated.
    /// </summary>
    public PyRef Intersection(PyObject* s, PyObject* other)
    {
        if (s == other)
        {
            return NewLike(s, s);
        }

        var result = NewLike(s, null);
        if (result.IsNull)
        {
            return result;
        }

        var so = Set(s);
        if (IsAnySet(other))
        {
            var walked = Set(other);
            if (walked->Used > so->Used)
            {
                var smaller = so;
                so = walked;
                walked = smaller;
            }

            nint pos = 0;
            while (NextEntry(walked, ref pos, out var key, out var hash))
            {
                Heap.IncRef(key);
                var r = ContainsEntry(so, key, hash);
                r = r == 1 ? AddEntry(Set(result.Ptr), key, hash) : r;
                Heap.DecRef(key);
                if (r < 0)
                {
                    result.DecRef();
                    return PyRef.Null;
                }
            }

            return result;
        }

        var status = Heap.ForEach(other, k =>
        {
            var key = (PyObject*)k;
            var hash = HashOf(key);
            if (hash == -1)
            {
                return -1;
            }

            var r = ContainsEntry(so, key, hash);
            return r == 1 ? AddEntry(Set(result.Ptr), key, hash) : r;
        });
        if (status < 0)
        {
            result.DecRef();
            return PyRef.Null;
        }

        return result;
    }

    /// <summary>
    /// set_difference: a new set of <paramref name="s"/>'s base type holding its keys not in
    /// <paramref name="other"/> (a new reference, or null with the error set). Against a set or
    /// an exact dict (3.x: one not a quarter of <paramref name="s"/>'s size or less), the keys are
    /// added to a new set; otherwise <paramref name="s"/> is copied and the other's keys discarded.
    /// </summary>
    public PyRef Difference(PyObject* s, PyObject* other)
    {
        var dicts = Heap.Types.Dict;
        var isDict = other->Type == dicts.TypeObject;
        var so = Set(s);
        if ((!IsAnySet(other) && !isDict) || (_linear && (so->Used >> 2) > (isDict ? dicts.Count(other) : Set(other)->Used)))
        {
            var copy = NewLike(s, s);
            if (!copy.IsNull && DifferenceUpdate(copy.Ptr, other) < 0)
            {
                copy.DecRef();
                return PyRef.Null;
            }

            return copy;
        }

        var result = NewLike(s, null);
        if (result.IsNull)
        {
            return result;
        }

        nint pos = 0;
        while (NextEntry(so, ref pos, out var key, out var hash))
        {
            Heap.IncRef(key);
            var r = isDict ? dicts.Contains(other, key) : ContainsEntry(Set(other), key, hash);
            r = r == 0 ? AddEntry(Set(result.Ptr), key, hash) : Math.Min(r, 0);
            Heap.DecRef(key);
            if (r < 0)
            {
                result.DecRef();
                return PyRef.Null;
            }
        }

        return result;
    }

    /// <summary>
    /// set_difference_update_internal: removes from <paramref name="s"/> every key of
    /// <paramref name="other"/>, then rebuilds the table when too many slots are dummies (2.7:
    /// a fifth of the mask, 3.x: a quarter): 0, or -1 with the error set.
    /// </summary>
    public int DifferenceUpdate(PyObject* s, PyObject* other)
    {
        if (s == other)
        {
            ClearContents(s);
            return 0;
        }

        var so = Set(s);
        if (IsAnySet(other))
        {
            // 3.x first intersects when other is 8 times larger: the same keys are discarded
            // and discarding order leaves the same dummies, so other is walked directly.
            Heap.IncRef(other);
            nint pos = 0;
            var status = 0;
            while (status == 0 && NextEntry(Set(other), ref pos, out var key, out var hash))
            {
                Heap.IncRef(key);
                status = DiscardEntry(so, key, hash) < 0 ? -1 : 0;
                Heap.DecRef(key);
            }

            Heap.DecRef(other);
            if (status < 0)
            {
                return -1;
            }
        }
        else if (Heap.ForEach(other, key => Discard(s, (PyObject*)key) < 0 ? -1 : 0) < 0)
        {
            return -1;
        }

        var dummies = so->Fill - so->Used;
        var keep = _linear ? (nuint)dummies <= (nuint)so->Mask / 4 : dummies * 5 < so->Mask;
        if (keep)
        {
            return 0;
        }

        var minUsed = so->Used > 50000 ? so->Used * 2 : so->Used * 4;
        return _linear ? LinearResize(so, minUsed) : ClassicResize(so, minUsed);
    }

    /// <summary>
    /// set_symmetric_difference_update: each key of <paramref name="other"/> is removed from
    /// <paramref name="s"/> when there and added when not. An exact dict's keys are taken in
    /// its order; any other non-set is first made into a set. 0, or -1 with the error set.
    /// </summary>
    public int SymmetricDifferenceUpdate(PyObject* s, PyObject* other)
    {
        if (s == other)
        {
            ClearContents(s);
            return 0;
        }

        var so = Set(s);
        var dicts = Heap.Types.Dict;
        if (other->Type == dicts.TypeObject)
        {
            nint dictPos = 0;
            while (dicts.Next(other, ref dictPos, out var key, out _))
            {
                Heap.IncRef(key);
                var hash = HashOf(key);
                var r = hash == -1 ? -1 : Toggle(so, key, hash);
                Heap.DecRef(key);
                if (r < 0)
                {
                    return -1;
                }
            }

            return 0;
        }

        var otherSet = IsAnySet(other) ? new PyRef(other).NewRef() : Heap.Types.Set.New(other);
        if (otherSet.IsNull)
        {
            return -1;
        }

        nint pos = 0;
        var status = 0;
        while (status == 0 && NextEntry(Set(otherSet.Ptr), ref pos, out var key, out var hash))
        {
            Heap.IncRef(key);
            status = Toggle(so, key, hash);
            Heap.DecRef(key);
        }

        otherSet.DecRef();
        return status;
    }

    /// <summary>set_isdisjoint: 1 when <paramref name="s"/> and <paramref name="other"/> share no key, 0 when they do, -1 with the error set.</summary>
    public int IsDisjoint(PyObject* s, PyObject* other)
    {
        var so = Set(s);
        if (s == other)
        {
            return so->Used == 0 ? 1 : 0;
        }

        // 3.x walks the smaller table only for exact sets and frozensets, 2.7 for subclasses too.
        var walkTable = _linear
            ? other->Type == Heap.Types.Set.TypeObject || other->Type == Heap.Types.FrozenSet.TypeObject
            : IsAnySet(other);
        if (walkTable)
        {
            var walked = Set(other);
            if (walked->Used > so->Used)
            {
                var smaller = so;
                so = walked;
                walked = smaller;
            }

            nint pos = 0;
            while (NextEntry(walked, ref pos, out var key, out var hash))
            {
                Heap.IncRef(key);
                var r = ContainsEntry(so, key, hash);
                Heap.DecRef(key);
                if (r != 0)
                {
                    return r < 0 ? -1 : 0;
                }
            }

            return 1;
        }

        var found = Heap.ForEach(other, key => Contains(s, (PyObject*)key) switch
        {
            0 => 0,
            1 => 1,
            _ => -1,
        });
        return found switch
        {
            0 => 1,
            1 => 0,
            _ => -1,
        };
    }

    /// <summary>
    /// set_swap_bodies: exchanges the tables and counts of two sets (an inline table's slots
    /// move with it). The hashes are swapped only between two frozensets, else both forgotten.
    /// </summary>
    public void SwapBodies(PyObject* a, PyObject* b)
    {
        var x = Set(a);
        var y = Set(b);
        (x->Fill, y->Fill) = (y->Fill, x->Fill);
        (x->Used, y->Used) = (y->Used, x->Used);
        (x->Mask, y->Mask) = (y->Mask, x->Mask);
        var xSmall = PySetObject.SmallTable(x);
        var ySmall = PySetObject.SmallTable(y);
        var xTable = x->Table == xSmall ? ySmall : x->Table;
        x->Table = y->Table == ySmall ? xSmall : y->Table;
        y->Table = xTable;
        if (x->Table == xSmall || y->Table == ySmall)
        {
            var tmp = stackalloc SetEntry[PySetObject.MinSize];
            var bytes = sizeof(SetEntry) * PySetObject.MinSize;
            Buffer.MemoryCopy(xSmall, tmp, bytes, bytes);
            Buffer.MemoryCopy(ySmall, xSmall, bytes, bytes);
            Buffer.MemoryCopy(tmp, ySmall, bytes, bytes);
        }

        var frozen = Heap.Types.FrozenSet;
        if (Heap.IsInstance(a, frozen) && Heap.IsInstance(b, frozen))
        {
            (x->Hash, y->Hash) = (y->Hash, x->Hash);
        }
        else
        {
            x->Hash = -1;
            y->Hash = -1;
        }
    }

    /// <summary>One step of the symmetric difference: removes the key when present, else adds it (0, or -1 with the error set).</summary>
    private int Toggle(PySetObject* so, PyObject* key, long hash)
    {
        var r = DiscardEntry(so, key, hash);
        return r == 0 ? AddEntry(so, key, hash) : Math.Min(r, 0);
    }

    /// <summary>set_add_entry with a known hash (takes a new reference): 0, or -1 with the error set.</summary>
    private int AddEntry(PySetObject* so, PyObject* key, long hash) =>
        _linear ? LinearAdd(so, key, hash) : ClassicAdd(so, key, hash);

    /// <summary>set_discard_entry with a known hash: 1 removed, 0 missing, -1 with the error set.</summary>
    private int DiscardEntry(PySetObject* so, PyObject* key, long hash) =>
        _linear ? LinearDiscard(so, key, hash) : ClassicDiscard(so, key, hash);
}
