using Refheap.Objects.Native.Classic;

namespace Refheap.Objects;

internal sealed unsafe partial class Heap
{
    /// <summary><c>hash(o)</c>; -1 with the error set when unhashable (PyObject_Hash).</summary>
    public long Hash(PyObject* o) => HasStackFor(" while hashing") ? o->Type->Descriptor.Hash(o) : -1;

    /// <summary>The default hash of an object: its address rotated as CPython's _Py_HashPointer does.</summary>
    public long IdentityHash(PyObject* o)
    {
        // Addresses are aligned: rotate the low zero bits away so they do not all share a bucket.
        var y = (ulong)(nint)o;
        var h = (long)((y >> 4) | (y << 60));
        return h == -1 ? -2 : h;
    }

    /// <summary>Identity-based comparison (object's default): == and != by identity, otherwise NotImplemented.</summary>
    public PyRef IdentityCompare(PyObject* a, PyObject* b, CompareOp op) => op switch
    {
        CompareOp.Eq => NewBool(a == b),
        CompareOp.Ne => NewBool(a != b),
        _ => NotImplemented,
    };

    /// <summary>A new reference to <c>Ellipsis</c>.</summary>
    public PyRef Ellipsis => new PyRef(Types.Ellipsis.Singleton).NewRef();

    /// <summary>NotImplemented, as a new reference.</summary>
    public PyRef NotImplemented => new PyRef(Types.NotImplemented.Singleton).NewRef();

    /// <summary>None, as a new reference.</summary>
    public PyRef None => new PyRef(Types.None.Singleton).NewRef();

    /// <summary>The None object, borrowed.</summary>
    public PyObject* NoneObject => Types.None.Singleton;

    /// <summary>True or False, as a new reference.</summary>
    public PyRef NewBool(bool value) => Types.Bool.FromBool(value);

    /// <summary>
    /// Rich comparison with CPython's protocol (do_richcompare): the reflected operation of the
    /// right operand is tried first when its type is a proper subtype of the left's, then the
    /// left's, then the right's; == and != fall back to identity.
    /// </summary>
    public PyRef RichCompare(PyObject* a, PyObject* b, CompareOp op)
    {
        if (!EnterRecursiveCall(Profile.Wording == ErrorWording.Cpython27 ? " in cmp" : " in comparison"))
        {
            return PyRef.Null;
        }

        var r = DoRichCompare(a, b, op);
        LeaveRecursiveCall();
        return r;
    }

    private PyRef DoRichCompare(PyObject* a, PyObject* b, CompareOp op)
    {
        var ta = a->Type;
        var tb = b->Type;
        if (Types.Classic is { } classic && (ta->Descriptor is ClassicInstanceType || tb->Descriptor is ClassicInstanceType))
        {
            return classic.Instance.Compare(a, b, op);
        }

        var reflected = op.Reflected();
        var checkedReflected = false;
        PyRef result;
        if (ta != tb && IsSubtype(tb, ta))
        {
            checkedReflected = true;
            result = tb->Descriptor.RichCompare(b, a, reflected);
            if (result.IsNull || result.Ptr != Types.NotImplemented.Singleton)
            {
                return result;
            }

            result.DecRef();
        }

        result = ta->Descriptor.RichCompare(a, b, op);
        if (result.IsNull || result.Ptr != Types.NotImplemented.Singleton)
        {
            return result;
        }

        result.DecRef();

        // CPython tries the other operand's slot even when both have the same type. 2.7's
        // PyObject_RichCompare first tries a class's slot alone (its same-type shortcut), then
        // try_rich_compare tries both operands' slots again.
        var sameClass = ta == tb && ta->Descriptor is Native.Instance.InstanceType;
        if (sameClass && Profile.IntPromotesToLong)
        {
            result = ta->Descriptor.RichCompare(a, b, op);
            if (result.IsNull || result.Ptr != Types.NotImplemented.Singleton)
            {
                return result;
            }

            result.DecRef();
        }

        if (!checkedReflected && (ta != tb || sameClass))
        {
            result = tb->Descriptor.RichCompare(b, a, reflected);
            if (result.IsNull || result.Ptr != Types.NotImplemented.Singleton)
            {
                return result;
            }

            result.DecRef();
        }

        if (op != CompareOp.Eq && op != CompareOp.Ne && Profile.OrdersUnrelatedTypes)
        {
            var c = DefaultThreeWayCompare(a, b);
            return NewBool(op.Accepts(c));
        }

        return op switch
        {
            CompareOp.Eq => NewBool(a == b),
            CompareOp.Ne => NewBool(a != b),
            _ => RaiseTypeError($"'{OperatorText(op)}' not supported between instances of '{ta->Descriptor.Name}' and '{tb->Descriptor.Name}'"),
        };
    }

    /// <summary>
    /// Rich comparison as a truth value: 1, 0, or -1 with the error set. Identity implies
    /// equality for == and != (PyObject_RichCompareBool's shortcut, which containers rely on).
    /// </summary>
    public int RichCompareBool(PyObject* a, PyObject* b, CompareOp op)
    {
        if (a == b)
        {
            if (op == CompareOp.Eq)
            {
                return 1;
            }

            if (op == CompareOp.Ne)
            {
                return 0;
            }
        }

        if (a->Type == b->Type && a->Type == Types.Int.TypeObject && _recursionDepth < RecursionLimit
            && Types.Int.TryGetValue(a, out var x) && Types.Int.TryGetValue(b, out var y))
        {
            // Two exact ints in a machine word (a dict probe with a fresh int key): int's own
            // comparison runs no code, allocates nothing and answers with a bool singleton, so
            // deciding here is what the generic dispatch would decide. Below the recursion
            // limit, where PyObject_RichCompare would have raised first.
            return CompareLongs(x, y, op) ? 1 : 0;
        }

        var r = RichCompare(a, b, op);
        if (r.IsNull)
        {
            return -1;
        }

        var truth = IsTrue(r.Ptr);
        r.DecRef();
        return truth;
    }

    private static bool CompareLongs(long x, long y, CompareOp op) => op.Holds(x, y);

    /// <summary><c>bool(o)</c>: 1, 0, or -1 on error.</summary>
    public int IsTrue(PyObject* o)
    {
        if (o == Types.Bool.TrueObject)
        {
            return 1;
        }

        if (o == Types.Bool.FalseObject || o == Types.None.Singleton)
        {
            return 0;
        }

        return o->Type->Descriptor.IsTrue(o);
    }

    /// <summary><c>repr(o)</c>: a new reference to a str.</summary>
    public PyRef Repr(PyObject* o)
    {
        if (!EnterRecursiveCall(" while getting the repr of an object"))
        {
            return PyRef.Null;
        }

        var r = o->Type->Descriptor.Repr(o);
        LeaveRecursiveCall();
        return r;
    }

    /// <summary><c>str(o)</c>: a new reference to a str.</summary>
    public PyRef Str(PyObject* o) => o->Type->Descriptor.Str(o);

    /// <summary><c>repr(o)</c> as a .NET string; the error, if any, is turned into a placeholder.</summary>
    public string ReprString(PyObject* o)
    {
        var r = Repr(o);
        if (r.IsNull)
        {
            ClearError();
            return $"<{o->Type->Descriptor.Name} object at 0x{(nint)o:x}>";
        }

        var s = Native.Str.StrType.AsString(r.Ptr);
        r.DecRef();
        return s;
    }

    /// <summary><c>len(o)</c>, or -1 with the error set.</summary>
    public nint Length(PyObject* o) => o->Type->Descriptor.Length(o);

    /// <summary><c>o[key]</c>.</summary>
    public PyRef GetItem(PyObject* o, PyObject* key) => o->Type->Descriptor.Subscript(o, key);

    /// <summary><c>o[key] = value</c>; 0 or -1.</summary>
    public int SetItem(PyObject* o, PyObject* key, PyObject* value) => o->Type->Descriptor.SetItem(o, key, value);

    /// <summary><c>del o[key]</c>; 0 or -1.</summary>
    public int DelItem(PyObject* o, PyObject* key) => o->Type->Descriptor.SetItem(o, key, null);

    /// <summary><c>callable(*args, **kwargs)</c>; <paramref name="args"/> is a tuple, <paramref name="kwargs"/> a dict or null.</summary>
    public PyRef Call(PyObject* callable, PyObject* args, PyObject* kwargs)
    {
        if (!EnterRecursiveCall(" while calling a Python object"))
        {
            return PyRef.Null;
        }

        var r = callable->Type->Descriptor.Call(callable, args, kwargs);
        LeaveRecursiveCall();
        return r;
    }

    /// <summary>Whether type <paramref name="a"/> is <paramref name="b"/> or a subclass of it (by the MRO).</summary>
    public static bool IsSubtype(PyTypeObject* a, PyTypeObject* b)
    {
        if (a == b)
        {
            return true;
        }

        var mro = a->Mro;
        if (mro == null)
        {
            for (var d = a->Descriptor.BaseType; d != null; d = d.BaseType)
            {
                if (d.TypeObject == b)
                {
                    return true;
                }
            }

            return false;
        }

        var n = Native.Tuple.TupleType.Size(mro);
        for (nint i = 0; i < n; i++)
        {
            if (Native.Tuple.TupleType.Item(mro, i) == (PyObject*)b)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>isinstance(o, type)</c> for a descriptor's type.</summary>
    public static bool IsInstance(PyObject* o, TypeDescriptor type) => IsSubtype(o->Type, type.TypeObject);

    /// <summary>
    /// 2.7's default_3way_compare for objects that define no ordering: same type by address;
    /// None before anything; numbers before other types; otherwise by type name, then by
    /// the type objects' addresses.
    /// </summary>
    public int DefaultThreeWayCompare(PyObject* a, PyObject* b)
    {
        if (a->Type == b->Type)
        {
            return ((nint)a).CompareTo((nint)b);
        }

        if (a == NoneObject)
        {
            return -1;
        }

        if (b == NoneObject)
        {
            return 1;
        }

        var an = IsNumberForOrdering(a) ? "" : a->Type->Descriptor.Name;
        var bn = IsNumberForOrdering(b) ? "" : b->Type->Descriptor.Name;
        var c = string.CompareOrdinal(an, bn);
        if (c != 0)
        {
            return c < 0 ? -1 : 1;
        }

        return CompareTypeAddresses(a->Type, b->Type);
    }

    /// <summary>
    /// 2.7's PyNumber_Check as default_3way_compare uses it: ints, longs, floats, every classic
    /// instance (the instance type defines nb_int) and instances of a class defining __int__ or
    /// __float__ order before everything else.
    /// </summary>
    private bool IsNumberForOrdering(PyObject* o) =>
        IsInt(o) || IsFloat(o) || o->Type->Descriptor is Native.Classic.ClassicInstanceType
        || (o->Type->Descriptor is Native.Instance.InstanceType && (LookupSpecial(o->Type, "__int__") || LookupSpecial(o->Type, "__float__")));

    private static string OperatorText(CompareOp op) => op switch
    {
        CompareOp.Lt => "<",
        CompareOp.Le => "<=",
        CompareOp.Eq => "==",
        CompareOp.Ne => "!=",
        CompareOp.Gt => ">",
        _ => ">=",
    };
}
