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

    private static CompareOp Reflected(CompareOp op) => op switch
    {
        CompareOp.Lt => CompareOp.Gt,
        CompareOp.Le => CompareOp.Ge,
        CompareOp.Gt => CompareOp.Lt,
        CompareOp.Ge => CompareOp.Le,
        _ => op,
    };

    /// <inheritdoc/>
    /// <remarks>
    /// instance_richcompare: the instance's <c>__eq__</c>, <c>__lt__</c>... with the other
    /// operand, then, when that is a classic instance too, its reflected method; else the
    /// instance's <c>__cmp__</c>; else identity for == and !=.
    /// </remarks>
    public override PyRef RichCompare(PyObject* self, PyObject* other, CompareOp op)
    {
        var r = CallCompare(self, s_compareNames[(int)op], other);
        if (!r.IsNull && r.Ptr == Heap.Types.NotImplemented.Singleton && other->Type->Descriptor is ClassicInstanceType otherType)
        {
            r.DecRef();
            r = otherType.CallCompare(other, s_compareNames[(int)Reflected(op)], self);
        }

        if (r.IsNull || r.Ptr != Heap.Types.NotImplemented.Singleton)
        {
            return r;
        }

        r.DecRef();
        if (ModelCoerceLookup(self) < 0 || (other->Type->Descriptor is ClassicInstanceType otherClassic && otherClassic.ModelCoerceLookup(other) < 0))
        {
            return PyRef.Null;
        }

        r = CallCompare(self, "__cmp__", other);
        if (r.IsNull || r.Ptr == Heap.Types.NotImplemented.Singleton)
        {
            return r.IsNull || op is not (CompareOp.Eq or CompareOp.Ne) ? r : DropAnd(r, base.RichCompare(self, other, op));
        }

        if (!Heap.TryAsLong(r.Ptr, out var c))
        {
            r.DecRef();
            return Heap.RaiseTypeError("comparison did not return an int");
        }

        r.DecRef();
        return Heap.NewBool(op switch
        {
            CompareOp.Lt => c < 0,
            CompareOp.Le => c <= 0,
            CompareOp.Eq => c == 0,
            CompareOp.Ne => c != 0,
            CompareOp.Gt => c > 0,
            _ => c >= 0,
        });
    }

    /// <summary>
    /// instance_compare's PyNumber_CoerceEx: the instance's <c>__coerce__</c> looked up through
    /// getattr and PyErr_ExceptionMatches. Refheap does not call a <c>__coerce__</c> it finds
    /// there; 0, or -1 with the error set.
    /// </summary>
    private int ModelCoerceLookup(PyObject* self)
    {
        var method = FindMethod(self, "__coerce__");
        if (method.IsNull)
        {
            return Heap.ErrorOccurred ? -1 : 0;
        }

        method.DecRef();
        return 0;
    }

    private static PyRef DropAnd(PyRef dropped, PyRef result)
    {
        dropped.DecRef();
        return result;
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
