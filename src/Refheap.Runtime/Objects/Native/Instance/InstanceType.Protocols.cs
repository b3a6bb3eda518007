using Refheap.Objects.Native.Exceptions;
using Refheap.Objects.Native.Object;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects.Native.Instance;

internal sealed unsafe partial class InstanceType
{
    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        if (Heap.TryCallSpecial(self, "__repr__", out var result))
        {
            return CheckText(result, "__repr__");
        }

        // Inherited from the built-in base: an exception subclass reprs as MyError('bad').
        return Layout.SolidBase == Heap.Types.Object ? base.Repr(self) : Layout.SolidBase.Repr(self);
    }

    /// <inheritdoc/>
    public override PyRef Str(PyObject* self)
    {
        if (Heap.TryCallSpecial(self, "__str__", out var result))
        {
            return CheckText(result, "__str__");
        }

        return InheritedStr(self);
    }

    /// <summary>
    /// str() without a <c>__str__</c> of the class's own: object.__str__ is repr(self), through
    /// the class's __repr__ (a list subclass's own too); a built-in base may have a str of its
    /// own (BaseException_str, 2.7's float_str). New reference or null.
    /// </summary>
    internal PyRef InheritedStr(PyObject* self) => BaseHasOwnStr ? Layout.SolidBase.Str(self) : Repr(self);

    /// <summary>Whether the solid base defines str() apart from repr() (its descriptor overrides <see cref="TypeDescriptor.Str"/>).</summary>
    private bool BaseHasOwnStr => _baseHasOwnStr ??=
        Layout.SolidBase.GetType().GetMethod(nameof(Str), [typeof(PyObject*)])!.DeclaringType != typeof(TypeDescriptor);

    /// <summary>What repr() and str() check a __repr__/__str__ result for: a str, else TypeError (steals <paramref name="result"/>).</summary>
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

    // The protocols below follow the class's special methods, else the built-in base's
    // (a dict or list subclass behaves as a dict or list), else object's default.

    /// <inheritdoc/>
    public override PyRef Subscript(PyObject* self, PyObject* key)
    {
        if (CallSpecial(self, "__getitem__", out var result, (nint)key))
        {
            return result;
        }

        if (!Layout.SolidBaseIsObject)
        {
            return Layout.SolidBase.Subscript(self, key);
        }

        return Heap.Profile.IntPromotesToLong
            ? Heap.RaiseTypeError($"'{Name}' object does not support indexing")
            : base.Subscript(self, key);
    }

    /// <inheritdoc/>
    public override int SetItem(PyObject* self, PyObject* key, PyObject* value)
    {
        var found = value == null
            ? CallSpecial(self, "__delitem__", out var result, (nint)key)
            : CallSpecial(self, "__setitem__", out result, (nint)key, (nint)value);
        if (found)
        {
            result.XDecRef();
            return result.IsNull ? -1 : 0;
        }

        if (ClassDefines(self, value == null ? "__setitem__" : "__delitem__"))
        {
            // Both share one slot (slot_mp_ass_subscript), which calls the method the operation
            // names: a class with only one of them has no other.
            Heap.Raise(Heap.Types.Exceptions.AttributeError, value == null ? "__delitem__" : "__setitem__");
            return -1;
        }

        return Layout.SolidBaseIsObject ? base.SetItem(self, key, value) : Layout.SolidBase.SetItem(self, key, value);
    }

    /// <summary>
    /// What <c>__len__</c> returned, as a length: 3.x takes an int only (PyNumber_AsSsize_t),
    /// 2.7 also truncates a float (PyInt_AsSsize_t). -1 with TypeError or OverflowError set
    /// when it is none; a negative length is returned less one, for the caller's ValueError.
    /// </summary>
    private long LengthResult(PyObject* r)
    {
        var legacy = Heap.Profile.Wording == ErrorWording.Cpython27;
        if (legacy && Heap.IsFloat(r))
        {
            var d = Math.Truncate(Heap.AsDouble(r));
            if (d >= long.MinValue && d <= long.MaxValue)
            {
                return d < 0 ? (long)d - 1 : (long)d;
            }
        }
        else if (!Heap.IsInt(r))
        {
            Heap.RaiseTypeError(legacy ? "an integer is required" : $"'{Heap.TypeNameOf(r)}' object cannot be interpreted as an integer");
            return -1;
        }

        if (!Heap.TryAsLong(r, out var n))
        {
            Heap.RaiseOverflowError(legacy ? "long int too large to convert to int" : "cannot fit 'int' into an index-sized integer");
            return -1;
        }

        return n < 0 ? n - 1 : n;
    }

    /// <inheritdoc/>
    public override nint Length(PyObject* self)
    {
        if (CallSpecial(self, "__len__", out var result))
        {
            if (result.IsNull)
            {
                return -1;
            }

            var n = LengthResult(result.Ptr);
            result.DecRef();
            if (n < -1)
            {
                Heap.Raise(Heap.Types.Exceptions.ValueError, "__len__() should return >= 0");
                return -1;
            }

            return (nint)n;
        }

        return Layout.SolidBaseIsObject ? base.Length(self) : Layout.SolidBase.Length(self);
    }

    /// <inheritdoc/>
    /// <remarks>The class's <c>__bool__</c> (3.x) / <c>__nonzero__</c> (2.7), else its <c>__len__</c>, else the built-in base's truth.</remarks>
    public override int IsTrue(PyObject* self)
    {
        var py27 = Heap.Profile.Wording == ErrorWording.Cpython27;
        var name = py27 ? "__nonzero__" : "__bool__";
        if (CallSpecial(self, name, out var result))
        {
            if (result.IsNull)
            {
                return -1;
            }

            var isBool = result.Ptr->Type == Heap.Types.Bool.TypeObject;
            if (isBool || (py27 && Heap.IsInt(result.Ptr)))
            {
                var truth = Heap.IsTrue(result.Ptr);
                result.DecRef();
                return truth;
            }

            var typeName = result.Descriptor.Name;
            result.DecRef();
            Heap.RaiseTypeError(py27 ? $"__nonzero__ should return bool or int, returned {typeName}" : $"__bool__ should return bool, returned {typeName}");
            return -1;
        }

        if (ClassDefines(self, "__len__"))
        {
            var n = Length(self);
            return n < 0 ? -1 : n > 0 ? 1 : 0;
        }

        return Layout.SolidBaseIsObject ? 1 : Layout.SolidBase.IsTrue(self);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The class's <c>__hash__</c>; <c>__hash__ = None</c> makes instances unhashable, and in 3.x
    /// so does a class that defines <c>__eq__</c> without <c>__hash__</c> (type_new sets it to None).
    /// </remarks>
    public override long Hash(PyObject* self)
    {
        var mro = self->Type->Mro;
        var hashName = Heap.InternString("__hash__");
        var eqName = Heap.InternString("__eq__");
        var eqDisablesHash = Heap.Profile.Wording != ErrorWording.Cpython27;
        for (nint i = 0; mro != null && !hashName.IsNull && !eqName.IsNull && i < Tuple.TupleType.Size(mro); i++)
        {
            var cls = (PyTypeObject*)Tuple.TupleType.Item(mro, i);
            if (cls->Descriptor is not InstanceType)
            {
                break;
            }

            var hash = Heap.Types.Dict.GetItem(cls->Dict, hashName.Ptr);
            if (hash == Heap.NoneObject || (hash == null && eqDisablesHash && Heap.Types.Dict.GetItem(cls->Dict, eqName.Ptr) != null))
            {
                Heap.RaiseTypeError($"unhashable type: '{Name}'");
                return -1;
            }

            if (hash != null)
            {
                return CallHash(self);
            }
        }

        return Layout.SolidBaseIsObject ? Heap.IdentityHash(self) : Layout.SolidBase.Hash(self);
    }

    private long CallHash(PyObject* self)
    {
        if (!CallSpecial(self, "__hash__", out var result) || result.IsNull)
        {
            return -1;
        }

        if (!Heap.IsInt(result.Ptr))
        {
            result.DecRef();
            Heap.RaiseTypeError(Heap.Profile.Wording == ErrorWording.Cpython27 ? "__hash__() should return an int" : "__hash__ method should return an integer");
            return -1;
        }

        // An int result is hashed again, so a big one folds to the hash range and -1 becomes -2.
        var h = Heap.Hash(result.Ptr);
        result.DecRef();
        return h;
    }

    private static readonly string[] s_compareNames = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];

    private Iterators.IterationBehaviour Behaviour => Iterators.IterationBehaviour.For(Heap.Profile);

    /// <inheritdoc/>
    /// <remarks>
    /// The class's <c>__lt__</c>, <c>__eq__</c>... (slot_tp_richcompare); 2.7's slot then tries
    /// the other operand's reflected method itself; else the built-in base's comparison, else
    /// identity. 3.x: see <see cref="SlotRichCompare"/>. The order of the two operands' slots is
    /// <see cref="Heap.RichCompare"/>'s.
    /// </remarks>
    public override PyRef RichCompare(PyObject* self, PyObject* other, CompareOp op)
    {
        if (!Behaviour.SlotCompareTriesBothSides)
        {
            return SlotRichCompare(self, other, op);
        }

        if (CallSpecial(self, s_compareNames[(int)op], out var result, (nint)other))
        {
            if (result.IsNull || result.Ptr != Heap.Types.NotImplemented.Singleton)
            {
                return result;
            }

            result.DecRef();
        }

        // 2.7's slot_tp_richcompare also tries the other operand's reflected method when its class defines comparisons.
        if (other->Type->Descriptor is InstanceType otherType
            && otherType.CallSpecial(other, s_compareNames[(int)op.Reflected()], out result, (nint)self))
        {
            return result;
        }

        return Layout.SolidBaseIsObject ? base.RichCompare(self, other, op) : Layout.SolidBase.RichCompare(self, other, op);
    }

    /// <summary>
    /// 3.x: a class none of whose classes defines a comparison inherits its base's slot
    /// (object_richcompare, or the built-in base's comparison); one that defines any gets
    /// slot_tp_richcompare, which looks the operator's method up on the class and calls it,
    /// object's own slot wrapper (<c>object.__eq__</c>) included.
    /// </summary>
    private PyRef SlotRichCompare(PyObject* self, PyObject* other, CompareOp op)
    {
        var solidBase = Layout.SolidBaseIsObject ? null : Layout.SolidBase;
        var name = Heap.InternString(s_compareNames[(int)op]);
        if (name.IsNull)
        {
            return PyRef.Null;
        }

        if (!DefinesComparison(self->Type))
        {
            return solidBase != null ? solidBase.RichCompare(self, other, op) : ObjectMethods.RichCompare(Heap, self, other, op);
        }

        var attr = TypeType.Lookup(self->Type, name.Ptr);
        if (attr != null && IsObjectComparison(attr))
        {
            // The built-in base's own wrapper comes before object's in CPython's MRO.
            return solidBase != null ? solidBase.RichCompare(self, other, op) : CallObjectComparison(attr, self, other);
        }

        return CallSpecial(self, s_compareNames[(int)op], out var result, (nint)other)
            ? result
            : solidBase != null ? solidBase.RichCompare(self, other, op) : ObjectMethods.RichCompare(Heap, self, other, op);
    }

    /// <summary>Whether a class of <paramref name="type"/>'s MRO defines one of the six comparisons (object's own aside).</summary>
    private bool DefinesComparison(PyTypeObject* type)
    {
        foreach (var text in s_compareNames)
        {
            var name = Heap.InternString(text);
            var attr = name.IsNull ? null : TypeType.Lookup(type, name.Ptr);
            if (attr != null && !IsObjectComparison(attr))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsObjectComparison(PyObject* attr) =>
        Heap.Types.NativeFunction.IsNativeFunction(attr) && Heap.Types.NativeFunction.Owner(attr) == Heap.Types.Object;

    /// <summary>
    /// slot_tp_richcompare calling <c>object.__eq__</c>...: 3.12's wrapper descriptors are
    /// method descriptors, so no method-wrapper is made: the descriptor is called with a new
    /// tuple of the instance and the operand, from which it slices the operand's own 1-tuple
    /// (wrapperdescr_call). A new reference or null.
    /// </summary>
    private PyRef CallObjectComparison(PyObject* attr, PyObject* self, PyObject* other)
    {
        var args = Heap.NewTuple(new PyRef(self), new PyRef(other));
        if (args.IsNull)
        {
            return args;
        }

        var result = Heap.Call(attr, args.Ptr, null);
        args.DecRef();
        return result;
    }

    /// <inheritdoc/>
    public override bool IsCallable(PyObject* self)
    {
        var name = Heap.InternString("__call__");
        return !name.IsNull && TypeType.Lookup(self->Type, name.Ptr) != null;
    }

    /// <inheritdoc/>
    public override PyRef Call(PyObject* self, PyObject* args, PyObject* kwargs) =>
        Heap.TryCallSpecialWithArgs(self, "__call__", args, kwargs, out var result)
            ? result
            : Heap.RaiseTypeError($"'{Name}' object is not callable");

    /// <summary>Calls a special method defined by the class with the given arguments; false when the class has none.</summary>
    private bool CallSpecial(PyObject* self, string name, out PyRef result, params ReadOnlySpan<nint> args)
    {
        result = PyRef.Null;
        var nameObj = Heap.InternString(name);
        if (nameObj.IsNull || TypeType.Lookup(self->Type, nameObj.Ptr) == null)
        {
            return false;
        }

        var refs = new PyRef[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            refs[i] = new PyRef((PyObject*)args[i]);
        }

        // 3.x passes the arguments where they are (vectorcall_method): a lent tuple; 2.7's
        // call_method builds a new one.
        var lend = !Heap.Profile.IntPromotesToLong;
        var tuple = lend ? Heap.ArgumentTuples.Rent(refs) : Heap.NewTuple(refs);
        if (tuple.IsNull)
        {
            return true;
        }

        Heap.TryCallSpecialWithArgs(self, name, tuple.Ptr, null, out result);
        if (lend)
        {
            Heap.ArgumentTuples.Return(tuple);
        }
        else
        {
            tuple.DecRef();
        }

        return true;
    }
}
