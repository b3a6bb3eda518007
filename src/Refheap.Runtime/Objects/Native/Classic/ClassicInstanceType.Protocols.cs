using Refheap.Objects.Native.Str;

namespace Refheap.Objects.Native.Classic;

/// <summary>
/// The 2.7 instance slots: each calls the instance's special method, found as any attribute
/// is; where CPython's slot lets the AttributeError of a missing method through (len, [], call,
/// the unary operators), so does this one.
/// </summary>
internal sealed unsafe partial class ClassicInstanceType
{
    /// <summary>The special methods whose absence the 2.7 slot reports as the instance's AttributeError.</summary>
    private static readonly HashSet<string> s_requiredMethods = ["__neg__", "__pos__", "__invert__", "__abs__"];

    /// <summary>Whether a missing <paramref name="name"/> is an AttributeError rather than "not defined" for the operators.</summary>
    public static bool IsRequiredMethod(string name) => s_requiredMethods.Contains(name);

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        var method = FindMethod(self, "__repr__");
        if (method.IsNull)
        {
            return Heap.ErrorOccurred ? method : DefaultRepr(self);
        }

        var r = Heap.Call(method.Ptr, Heap.Types.Tuple.Empty, null);
        method.DecRef();
        return CheckText(r, "__repr__");
    }

    /// <summary>instance_repr without <c>__repr__</c>: <c>&lt;module.Name instance at 0x...&gt;</c>.</summary>
    private PyRef DefaultRepr(PyObject* self) => Heap.NewString($"<{QualifiedClassName(self)} instance at 0x{(nint)self:x}>");

    /// <summary>The instance's class as <c>module.Name</c> (<c>?.Name</c> when the class dict's <c>__module__</c> is not a str).</summary>
    public string QualifiedClassName(PyObject* self)
    {
        var module = Heap.Types.Dict.GetItemString(ClassicClassType.DictOf(ClassOf(self)), "__module__");
        var moduleName = module != null && Heap.IsInstance(module, Heap.Types.Str) ? StrType.AsString(module) : "?";
        return $"{moduleName}.{ClassName(self)}";
    }

    /// <inheritdoc/>
    public override PyRef Str(PyObject* self)
    {
        var method = FindMethod(self, "__str__");
        if (method.IsNull)
        {
            return Heap.ErrorOccurred ? method : Repr(self);
        }

        var r = Heap.Call(method.Ptr, Heap.Types.Tuple.Empty, null);
        method.DecRef();
        return CheckText(r, "__str__");
    }

    private PyRef CheckText(PyRef result, string method)
    {
        if (result.IsNull || Heap.IsInstance(result.Ptr, Heap.Types.Str))
        {
            return result;
        }

        var typeName = result.Descriptor.Name;
        result.DecRef();
        return Heap.RaiseTypeError($"{method} returned non-string (type {typeName})");
    }

    /// <inheritdoc/>
    /// <remarks>instance_hash: <c>__hash__</c>; without it, an instance whose class compares (<c>__eq__</c>, <c>__cmp__</c>) is unhashable.</remarks>
    public override long Hash(PyObject* self)
    {
        var method = FindMethod(self, "__hash__");
        if (method.IsNull)
        {
            if (Heap.ErrorOccurred)
            {
                return -1;
            }

            foreach (var name in (ReadOnlySpan<string>)["__eq__", "__cmp__"])
            {
                var compare = FindMethod(self, name);
                if (!compare.IsNull || Heap.ErrorOccurred)
                {
                    compare.XDecRef();
                    Heap.RaiseTypeError("unhashable instance");
                    return -1;
                }
            }

            return Heap.IdentityHash(self);
        }

        var r = Heap.Call(method.Ptr, Heap.Types.Tuple.Empty, null);
        method.DecRef();
        if (r.IsNull)
        {
            return -1;
        }

        if (!Heap.IsInt(r.Ptr))
        {
            r.DecRef();
            Heap.RaiseTypeError("__hash__() should return an int");
            return -1;
        }

        var h = Heap.Hash(r.Ptr);
        r.DecRef();
        return h;
    }

    private static readonly string[] s_compareNames = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];

    /// <inheritdoc/>
    /// <remarks>
    /// instance_richcompare: the instance's <c>__eq__</c>, <c>__lt__</c>... with the other
    /// operand, then, when that is a classic instance too, its reflected method; NotImplemented
    /// when neither has one. The rest of a comparison (coercion, <c>__cmp__</c>, the default
    /// order) is <see cref="Compare"/>'s.
    /// </remarks>
    public override PyRef RichCompare(PyObject* self, PyObject* other, CompareOp op)
    {
        var r = CallCompare(self, s_compareNames[(int)op], other);
        if (!r.IsNull && r.Ptr == Heap.Types.NotImplemented.Singleton && other->Type->Descriptor is ClassicInstanceType otherType)
        {
            r.DecRef();
            r = otherType.CallCompare(other, s_compareNames[(int)op.Reflected()], self);
        }

        return r;
    }

    /// <summary>
    /// 2.7's PyObject_RichCompare of <paramref name="v"/> and <paramref name="w"/>, one of them a
    /// classic instance: try_rich_compare (a classic operand's <see cref="RichCompare"/>, a
    /// new-style class's method for the operator, in CPython's order; the built-in types have
    /// no rich comparison with an instance), then instance_compare (coercion through
    /// <c>__coerce__</c>, then each instance's <c>__cmp__</c>), then the default order. A new
    /// reference or null.
    /// </summary>
    public PyRef Compare(PyObject* v, PyObject* w, CompareOp op)
    {
        var swapped = op.Reflected();
        var r = RichSlot(v, w, op);
        if (!r.IsNull && r.Ptr == Heap.Types.NotImplemented.Singleton)
        {
            r.DecRef();
            r = RichSlot(w, v, swapped);
        }

        if (r.IsNull || r.Ptr != Heap.Types.NotImplemented.Singleton)
        {
            return r;
        }

        r.DecRef();
        var c = InstanceCompare(v, w);
        if (c <= -2)
        {
            return PyRef.Null;
        }

        if (c >= 2)
        {
            c = Heap.DefaultThreeWayCompare(v, w);
        }

        return Heap.NewBool(op.Accepts(c));
    }

    // A classic instance's rich comparison slot, or a new-style class's method for the
    // operator (its slot_tp_richcompare); the built-in types' give up on an instance.
    private PyRef RichSlot(PyObject* a, PyObject* b, CompareOp op)
    {
        if (a->Type->Descriptor is ClassicInstanceType)
        {
            return RichCompare(a, b, op);
        }

        var name = Heap.InternString(s_compareNames[(int)op]);
        if (name.IsNull)
        {
            return name;
        }

        if (a->Type->Descriptor is not Instance.InstanceType || Type.TypeType.Lookup(a->Type, name.Ptr) == null)
        {
            return Heap.NotImplemented;
        }

        var args = Heap.NewTuple(new PyRef(b));
        if (args.IsNull)
        {
            return args;
        }

        Heap.TryCallSpecialWithArgs(a, s_compareNames[(int)op], args.Ptr, null, out var r);
        args.DecRef();
        return r;
    }

    /// <summary>
    /// instance_compare: -1, 0 or 1; 2 when neither instance decides; -2 with the error set.
    /// PyNumber_CoerceEx first (each instance's <c>__coerce__</c>, the left one's first: a
    /// built-in type cannot coerce an instance, and a new-style class's <c>__coerce__</c> is not
    /// asked): values with no instance left are compared as
    /// PyObject_Compare does; then the left instance's <c>__cmp__</c>, then the right one's (negated).
    /// </summary>
    private int InstanceCompare(PyObject* v, PyObject* w)
    {
        var coerced = Coerce(v, w, out var cv, out var cw);
        if (coerced < 0)
        {
            return -2;
        }

        if (coerced == 0 && cv.Ptr->Type->Descriptor is not ClassicInstanceType && cw.Ptr->Type->Descriptor is not ClassicInstanceType)
        {
            var order = CompareCoerced(cv.Ptr, cw.Ptr);
            cv.DecRef();
            cw.DecRef();
            return order;
        }

        if (coerced != 0)
        {
            cv = new PyRef(v).NewRef();
            cw = new PyRef(w).NewRef();
        }

        var c = 2;
        if (cv.Ptr->Type->Descriptor is ClassicInstanceType)
        {
            c = HalfCompare(cv.Ptr, cw.Ptr);
        }

        if (c == 2 && cw.Ptr->Type->Descriptor is ClassicInstanceType)
        {
            c = HalfCompare(cw.Ptr, cv.Ptr);
            c = c is >= -1 and <= 1 ? -c : c;
        }

        cv.DecRef();
        cw.DecRef();
        return c;
    }

    /// <summary>
    /// PyNumber_CoerceEx for a pair with an instance: 0 with the coerced values (new
    /// references), 1 when nothing coerced them, -1 with the error set.
    /// </summary>
    private int Coerce(PyObject* v, PyObject* w, out PyRef cv, out PyRef cw)
    {
        cv = cw = PyRef.Null;
        if (v->Type->Descriptor is ClassicInstanceType)
        {
            var res = CallCoerce(v, w, out cv, out cw);
            if (res <= 0)
            {
                return res;
            }
        }

        if (w->Type->Descriptor is ClassicInstanceType)
        {
            var res = CallCoerce(w, v, out cw, out cv);
            if (res <= 0)
            {
                return res;
            }
        }

        return 1;
    }

    /// <summary>
    /// instance_coerce: the instance's <c>__coerce__</c> through getattr (a miss matched against
    /// AttributeError), called with the other operand: 0 with the pair it returned (new
    /// references), 1 when it has none or returned None or NotImplemented, -1 with the error set.
    /// </summary>
    private int CallCoerce(PyObject* self, PyObject* other, out PyRef selfValue, out PyRef otherValue)
    {
        selfValue = otherValue = PyRef.Null;
        var method = FindMethod(self, "__coerce__");
        if (method.IsNull)
        {
            return Heap.ErrorOccurred ? -1 : 1;
        }

        var args = Heap.NewTuple(new PyRef(other));
        var r = args.IsNull ? args : Heap.Call(method.Ptr, args.Ptr, null);
        args.XDecRef();
        method.DecRef();
        if (r.IsNull)
        {
            return -1;
        }

        if (r.Ptr == Heap.NoneObject || r.Ptr == Heap.Types.NotImplemented.Singleton)
        {
            r.DecRef();
            return 1;
        }

        if (r.Ptr->Type != Heap.Types.Tuple.TypeObject || Tuple.TupleType.Size(r.Ptr) != 2)
        {
            r.DecRef();
            Heap.RaiseTypeError("coercion should return None or 2-tuple");
            return -1;
        }

        selfValue = new PyRef(Tuple.TupleType.Item(r.Ptr, 0)).NewRef();
        otherValue = new PyRef(Tuple.TupleType.Item(r.Ptr, 1)).NewRef();
        r.DecRef();
        return 0;
    }

    /// <summary>half_cmp: the instance's <c>__cmp__</c> (through getattr) with the other operand: -1, 0, 1; 2 without one (or NotImplemented); -2 with the error set.</summary>
    private int HalfCompare(PyObject* self, PyObject* other)
    {
        var r = CallCompare(self, "__cmp__", other);
        if (r.IsNull)
        {
            return -2;
        }

        if (r.Ptr == Heap.Types.NotImplemented.Singleton)
        {
            r.DecRef();
            return 2;
        }

        var ok = Heap.TryAsLong(r.Ptr, out var c);
        r.DecRef();
        if (!ok)
        {
            Heap.RaiseTypeError("comparison did not return an int");
            return -2;
        }

        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }

    /// <summary>
    /// 2.7's PyObject_Compare (do_cmp) when <paramref name="v"/> or <paramref name="w"/> is a
    /// classic instance: two instances go to instance_compare first; then the rich comparisons
    /// ==, &lt;, &gt; without the three-way fallback (try_rich_to_3way_compare), then
    /// instance_compare, then the default order. -1, 0, 1, or -2 with the error set.
    /// </summary>
    public int ThreeWayCompare(PyObject* v, PyObject* w)
    {
        int c;
        if (v->Type == w->Type)
        {
            c = InstanceCompare(v, w);
            if (c != 2)
            {
                return c;
            }
        }

        foreach (var (op, outcome) in (ReadOnlySpan<(CompareOp, int)>)[(CompareOp.Eq, 0), (CompareOp.Lt, -1), (CompareOp.Gt, 1)])
        {
            var r = RichSlot(v, w, op);
            if (!r.IsNull && r.Ptr == Heap.Types.NotImplemented.Singleton)
            {
                r.DecRef();
                r = RichSlot(w, v, op.Reflected());
            }

            if (r.IsNull)
            {
                return -2;
            }

            if (r.Ptr == Heap.Types.NotImplemented.Singleton)
            {
                r.DecRef();
                continue;
            }

            var truth = Heap.IsTrue(r.Ptr);
            r.DecRef();
            if (truth != 0)
            {
                return truth < 0 ? -2 : outcome;
            }
        }

        c = InstanceCompare(v, w);
        return c < 2 ? c : Heap.DefaultThreeWayCompare(v, w);
    }

    /// <summary>PyObject_Compare of two coerced values (no instance among them): -1, 0, 1, or -2 with the error set.</summary>
    private int CompareCoerced(PyObject* a, PyObject* b)
    {
        foreach (var (op, result) in (ReadOnlySpan<(CompareOp, int)>)[(CompareOp.Eq, 0), (CompareOp.Lt, -1), (CompareOp.Gt, 1)])
        {
            var r = Heap.RichCompareBool(a, b, op);
            if (r != 0)
            {
                return r < 0 ? -2 : result;
            }
        }

        var order = Heap.DefaultThreeWayCompare(a, b);
        return order < 0 ? -1 : order > 0 ? 1 : 0;
    }

    /// <summary>Calls the instance's <paramref name="name"/> with <paramref name="other"/>; NotImplemented (new reference) when it has none.</summary>
    private PyRef CallCompare(PyObject* self, string name, PyObject* other)
    {
        // half_richcompare looks the rich methods up without an error (instance_getattr2);
        // half_cmp's __cmp__ goes through getattr and PyErr_ExceptionMatches.
        var method = FindMethod(self, name, matchesError: name == "__cmp__");
        if (method.IsNull)
        {
            return Heap.ErrorOccurred ? method : Heap.NotImplemented;
        }

        var args = Heap.NewTuple(new PyRef(other));
        var r = args.IsNull ? args : Heap.Call(method.Ptr, args.Ptr, null);
        args.XDecRef();
        method.DecRef();
        return r;
    }

    /// <inheritdoc/>
    public override nint Length(PyObject* self)
    {
        var r = CallMethod(self, "__len__");
        return r.IsNull ? -1 : LengthResult(r);
    }

    /// <summary>Checks a <c>__len__</c> result (stolen): a non-negative int.</summary>
    private nint LengthResult(PyRef r)
    {
        var ok = Heap.TryAsLong(r.Ptr, out var n) && Heap.IsInt(r.Ptr);
        r.DecRef();
        if (!ok)
        {
            Heap.RaiseTypeError("an integer is required");
            return -1;
        }

        if (n < 0)
        {
            Heap.Raise(Heap.Types.Exceptions.ValueError, "__len__() should return >= 0");
            return -1;
        }

        return (nint)n;
    }

    /// <inheritdoc/>
    /// <remarks>instance_nonzero: <c>__nonzero__</c>, else <c>__len__</c> (its result checked as <c>__nonzero__</c>'s), else true.</remarks>
    public override int IsTrue(PyObject* self)
    {
        var method = FindMethod(self, "__nonzero__");
        if (method.IsNull && !Heap.ErrorOccurred)
        {
            method = FindMethod(self, "__len__");
        }

        if (method.IsNull)
        {
            return Heap.ErrorOccurred ? -1 : 1;
        }

        var r = Heap.Call(method.Ptr, Heap.Types.Tuple.Empty, null);
        method.DecRef();
        if (r.IsNull)
        {
            return -1;
        }

        if (!Heap.IsInt(r.Ptr) || !Heap.TryAsLong(r.Ptr, out var value))
        {
            r.DecRef();
            Heap.RaiseTypeError("__nonzero__ should return an int");
            return -1;
        }

        r.DecRef();
        if (value < 0)
        {
            Heap.Raise(Heap.Types.Exceptions.ValueError, "__nonzero__ should return >= 0");
            return -1;
        }

        return value > 0 ? 1 : 0;
    }

    /// <inheritdoc/>
    public override PyRef Subscript(PyObject* self, PyObject* key) => CallMethod(self, "__getitem__", new PyRef(key));

    /// <inheritdoc/>
    public override int SetItem(PyObject* self, PyObject* key, PyObject* value)
    {
        var r = value == null
            ? CallMethod(self, "__delitem__", new PyRef(key))
            : CallMethod(self, "__setitem__", new PyRef(key), new PyRef(value));
        r.XDecRef();
        return r.IsNull ? -1 : 0;
    }

    /// <inheritdoc/>
    /// <remarks>instance_getiter: <c>__iter__</c>, else iteration through <c>__getitem__</c>.</remarks>
    public override PyRef Iter(PyObject* self)
    {
        var method = FindMethod(self, "__iter__");
        if (!method.IsNull)
        {
            var r = Heap.Call(method.Ptr, Heap.Types.Tuple.Empty, null);
            method.DecRef();
            if (r.IsNull || r.Descriptor.IsIterator(r.Ptr))
            {
                return r;
            }

            var name = r.Descriptor.Name;
            r.DecRef();
            return Heap.RaiseTypeError($"__iter__ returned non-iterator of type '{name}'");
        }

        if (Heap.ErrorOccurred)
        {
            return method;
        }

        var getItem = FindMethod(self, "__getitem__");
        if (getItem.IsNull)
        {
            return Heap.ErrorOccurred ? getItem : Heap.RaiseTypeError("iteration over non-sequence");
        }

        getItem.DecRef();
        return Heap.Types.Iterators.Sequence.New(self);
    }

    /// <inheritdoc/>
    public override bool IsIterator(PyObject* self)
    {
        var method = FindMethod(self, "next");
        Heap.ClearError();
        var found = !method.IsNull;
        method.XDecRef();
        return found;
    }

    /// <inheritdoc/>
    public override PyRef IterNext(PyObject* self) => CallMethod(self, "next");

    /// <inheritdoc/>
    public override int Contains(PyObject* self, PyObject* item)
    {
        var method = FindMethod(self, "__contains__");
        if (method.IsNull)
        {
            return Heap.ErrorOccurred ? -1 : Heap.ContainsByIteration(self, item);
        }

        var args = Heap.NewTuple(new PyRef(item));
        var r = args.IsNull ? args : Heap.Call(method.Ptr, args.Ptr, null);
        args.XDecRef();
        method.DecRef();
        if (r.IsNull)
        {
            return -1;
        }

        var truth = Heap.IsTrue(r.Ptr);
        r.DecRef();
        return truth;
    }

    /// <inheritdoc/>
    public override bool IsCallable(PyObject* self)
    {
        var method = FindMethod(self, "__call__");
        Heap.ClearError();
        var found = !method.IsNull;
        method.XDecRef();
        return found;
    }

    /// <inheritdoc/>
    public override PyRef Call(PyObject* self, PyObject* args, PyObject* kwargs)
    {
        var method = FindMethod(self, "__call__");
        if (method.IsNull)
        {
            return Heap.ErrorOccurred ? method : Heap.Raise(Heap.Types.Exceptions.AttributeError, $"{ClassName(self)} instance has no __call__ method");
        }

        var r = Heap.Call(method.Ptr, args, kwargs);
        method.DecRef();
        return r;
    }
}
