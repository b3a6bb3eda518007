using Refheap.Objects.Native.Instance;
using Refheap.Objects.Native.Int;
using Refheap.Objects.Native.List;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects;

/// <summary>
/// The operators the evaluator runs (PyNumber_*, PyObject_RichCompare, PyObject_IsTrue,
/// PySequence_* and slicing), with the dispatch CPython does: a user class's special method
/// (<c>__add__</c>, reflected <c>__radd__</c>, <c>__eq__</c>, <c>__bool__</c>/<c>__nonzero__</c>,
/// <c>__len__</c>, <c>__neg__</c>...), then the built-in types' own behaviour.
/// </summary>
internal sealed unsafe partial class ObjectApi
{
    /// <summary>The binary operators, in the order of the syntax tree's operator enum.</summary>
    public enum Operator
    {
        /// <summary><c>+</c>.</summary>
        Add,

        /// <summary><c>-</c>.</summary>
        Subtract,

        /// <summary><c>*</c>.</summary>
        Multiply,

        /// <summary><c>@</c> (unsupported).</summary>
        MatrixMultiply,

        /// <summary><c>/</c> as true division.</summary>
        TrueDivide,

        /// <summary><c>%</c>.</summary>
        Remainder,

        /// <summary><c>**</c>.</summary>
        Power,

        /// <summary><c>&lt;&lt;</c>.</summary>
        LeftShift,

        /// <summary><c>&gt;&gt;</c>.</summary>
        RightShift,

        /// <summary><c>|</c>.</summary>
        Or,

        /// <summary><c>^</c>.</summary>
        Xor,

        /// <summary><c>&amp;</c>.</summary>
        And,

        /// <summary><c>//</c>.</summary>
        FloorDivide,

        /// <summary>2.7's <c>/</c> without <c>from __future__ import division</c>.</summary>
        ClassicDivide,
    }

    private static readonly string[] s_symbols = ["+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//", "/"];
    private static readonly string[] s_methods = ["add", "sub", "mul", "matmul", "truediv", "mod", "pow", "lshift", "rshift", "or", "xor", "and", "floordiv", "div"];

    /// <summary>Whether <paramref name="o"/> is an instance of a user class (its type is a heap type): read from the type's flags, the hot path of every operator.</summary>
    private static bool IsUserInstance(PyObject* o) => (o->Type->Flags & TypeFlags.HeapType) != 0;

    /// <summary>Whether <paramref name="o"/> is a built-in object or an instance of a class (not a class made by a Python metaclass).</summary>
    private static bool IsPlainOrClassInstance(PyObject* o) => !IsUserInstance(o) || o->Type->Descriptor is Native.Instance.InstanceType;

    /// <summary>Whether <paramref name="o"/> is exactly an int, long, bool or float (the numeric fast path).</summary>
    private bool IsPlainNumber(PyObject* o)
    {
        var t = o->Type;
        var types = Heap.Types;
        return t == types.Int.TypeObject || t == types.Float.TypeObject || t == types.Bool.TypeObject || (types.Long != null && t == types.Long.TypeObject);
    }

    /// <summary><c>a op b</c>: new reference or null with the error set.</summary>
    public PyRef BinaryOperation(PyRef a, PyRef b, Operator op)
    {
        if (Weak.WeakReferenceType.IsWeakProxy(a.Ptr) || Weak.WeakReferenceType.IsWeakProxy(b.Ptr))
        {
            // The proxy's number slots: UNWRAP both operands, then the operation itself.
            var x = Weak.WeakReferenceType.Unwrap(a.Ptr);
            var y = x == null ? null : Weak.WeakReferenceType.Unwrap(b.Ptr);
            return y == null ? PyRef.Null : BinaryOperation(new PyRef(x), new PyRef(y), op);
        }

        if (op <= Operator.Subtract && TryIntAddSubtract(a.Ptr, b.Ptr, op, out var sum))
        {
            return sum;
        }

        if (IsUserInstance(a.Ptr) || IsUserInstance(b.Ptr))
        {
            var special = SpecialBinary(a.Ptr, b.Ptr, op);
            if (special.IsNull || special.Ptr != Heap.Types.NotImplemented.Singleton)
            {
                return special;
            }

            special.DecRef();
        }

        return BuiltinBinary(a.Ptr, b.Ptr, op);
    }

    /// <summary>
    /// <c>a + b</c> or <c>a - b</c> of two exact ints whose result fits a machine word, without
    /// the general dispatch: the same int the number protocol makes (Heap.Binary's small-int
    /// path ends in the same <c>Int.New</c>). False for anything else, which takes that path.
    /// </summary>
    private bool TryIntAddSubtract(PyObject* a, PyObject* b, Operator op, out PyRef result)
    {
        result = PyRef.Null;
        var ints = Heap.Types.Int;
        if (a->Type != ints.TypeObject || b->Type != ints.TypeObject || !ints.TryGetValue(a, out var x) || !ints.TryGetValue(b, out var y))
        {
            return false;
        }

        long r;
        if (op == Operator.Add ? !IntMath.TryAdd(x, y, out r) : !IntMath.TrySubtract(x, y, out r))
        {
            return false;
        }

        result = ints.New(r);
        return true;
    }

    /// <summary><c>a op= b</c>: lists extend and repeat in place; a class's <c>__iadd__</c> &amp; co are tried first.</summary>
    public PyRef InPlaceOperation(PyRef a, PyRef b, Operator op)
    {
        if (IsUserInstance(a.Ptr))
        {
            var name = "__i" + s_methods[(int)op] + "__";
            if (CallSpecial1(a.Ptr, name, b.Ptr, out var r))
            {
                if (r.IsNull || r.Ptr != Heap.Types.NotImplemented.Singleton)
                {
                    return r;
                }

                r.DecRef();
            }
        }

        // list_inplace_concat and list_inplace_repeat: a list subclass reaches them through the
        // __iadd__/__imul__ it inherits from list; an exact list, which has no number slots,
        // only after the right operand's reflected method (binary_iop1, then the sequence slot).
        var isList = a.Ptr->Type == Heap.Types.List.TypeObject;
        if ((isList || (IsUserInstance(a.Ptr) && Heap.IsInstance(a.Ptr, Heap.Types.List)))
            && op is Operator.Add or Operator.Multiply && !(isList && ReflectedFirst(b.Ptr, op)))
        {
            if (op == Operator.Add)
            {
                return Heap.ExtendList(a.Ptr, b.Ptr) < 0 ? PyRef.Null : a.NewRef();
            }

            if (op == Operator.Multiply && Heap.IsInt(b.Ptr))
            {
                var repeated = Repeat(a.Ptr, b.Ptr);
                if (repeated.IsNull)
                {
                    return repeated;
                }

                var status = ListSlicing.Replace(Heap, a.Ptr, 0, ListType.Size(a.Ptr), repeated.Ptr);
                repeated.DecRef();
                return status < 0 ? PyRef.Null : a.NewRef();
            }
        }

        // The exact-type test first keeps `i -= 1` from walking int's bases.
        var aIsSet = a.Ptr->Type == Heap.Types.Set.TypeObject || (IsUserInstance(a.Ptr) && Heap.IsInstance(a.Ptr, Heap.Types.Set));
        if (aIsSet && op is Operator.Or or Operator.And or Operator.Subtract or Operator.Xor && Heap.IsAnySet(b.Ptr))
        {
            // set_ior, set_iand, set_isub, set_ixor: the set itself is updated.
            return Native.Set.SetMethods.InPlace(Heap, Heap.Types.Set, a.Ptr, b.Ptr, op);
        }

        if (op == Operator.Or && Heap.Profile.DictUnionOperators && Heap.Types.Dict.IsDict(a.Ptr))
        {
            // dict_ior: any mapping or iterable of pairs, as d.update(x) takes.
            return Heap.Types.Dict.Update(a.Ptr, b.Ptr) < 0 ? PyRef.Null : a.NewRef();
        }

        var result = BinaryOperation(a, b, op);
        if (result.IsNull && Heap.ErrorMatches(Heap.Types.Exceptions.TypeError))
        {
            NameInPlaceOperator(op);
        }

        return result;
    }

    /// <summary>
    /// Whether the right operand of an exact list's <c>+=</c> or <c>*=</c> has the reflected
    /// method (<c>__radd__</c>, <c>__rmul__</c>) its number slot calls before the list's
    /// sequence slot; a classic instance's coercion is left to the binary path.
    /// </summary>
    private bool ReflectedFirst(PyObject* b, Operator op)
    {
        if (!IsUserInstance(b))
        {
            return false;
        }

        var name = Heap.InternString("__r" + s_methods[(int)op] + "__");
        return b->Type->Descriptor is Native.Classic.ClassicInstanceType || name.IsNull || Native.Type.TypeType.Lookup(b->Type, name.Ptr) != null;
    }

    /// <summary>
    /// binary_iop's TypeError names the augmented operator (<c>-=</c>, <c>**=</c>) where the
    /// binary operation it fell back to named its own: renames the pending error's.
    /// </summary>
    private void NameInPlaceOperator(Operator op)
    {
        const string Head = "unsupported operand type(s) for ";
        var symbol = s_symbols[(int)op];
        var (_, message, exception) = Heap.TakeError();
        // 2.7's in-place power goes through ternary_op, which keeps "** or pow()".
        var binary = op == Operator.Power && message.StartsWith(Head + "** or pow(): ", StringComparison.Ordinal) ? "** or pow()" : symbol;
        if (message.StartsWith(Head + binary + ": ", StringComparison.Ordinal) && !(binary != symbol && Heap.Profile.IntPromotesToLong))
        {
            exception.DecRef();
            Heap.RaiseTypeError(Head + symbol + "=" + message[(Head.Length + binary.Length)..]);
            return;
        }

        Heap.RestoreError(exception);
    }

    /// <summary>
    /// <c>pow(a, b, m)</c> when <paramref name="a"/> is an instance of a class with
    /// <c>__pow__</c> (slot_nb_power's ternary form calls only the first operand's): true with
    /// its result (NotImplemented becomes CPython's TypeError); false for anything else.
    /// </summary>
    public bool TryTernaryPower(PyRef a, PyRef b, PyRef m, out PyRef result)
    {
        result = PyRef.Null;
        if (!IsUserInstance(a.Ptr))
        {
            return false;
        }

        var args = Heap.NewTuple([b, m]);
        if (args.IsNull)
        {
            return true;
        }

        var found = Heap.TryCallSpecialWithArgs(a.Ptr, "__pow__", args.Ptr, null, out result);
        args.DecRef();
        if (found && !result.IsNull && result.Ptr == Heap.Types.NotImplemented.Singleton)
        {
            result.DecRef();
            found = false;
        }

        if (!found)
        {
            result = Heap.RaiseTypeError($"unsupported operand type(s) for ** or pow(): '{a.Descriptor.Name}', '{b.Descriptor.Name}', '{m.Descriptor.Name}'");
        }

        return true;
    }

    private bool CallSpecial1(PyObject* self, string name, PyObject* arg, out PyRef result)
    {
        // 3.x's slots pass the argument where it is (vectorcall_method): a lent tuple. 2.7's
        // call_method builds its tuple only once the method is found.
        var lend = !Heap.Profile.IntPromotesToLong;
        if (!lend && self->Type->Descriptor is not Native.Classic.ClassicInstanceType)
        {
            var nameObj = Heap.InternString(name);
            if (!nameObj.IsNull && Native.Type.TypeType.Lookup(self->Type, nameObj.Ptr) == null)
            {
                result = PyRef.Null;
                return false;
            }
        }

        var args = lend ? Heap.ArgumentTuples.Rent([new PyRef(arg)]) : Heap.NewTuple(new PyRef(arg));
        if (args.IsNull)
        {
            result = PyRef.Null;
            return true;
        }

        var found = Heap.TryCallSpecialWithArgs(self, name, args.Ptr, null, out result);
        if (lend)
        {
            Heap.ArgumentTuples.Return(args);
        }
        else
        {
            args.DecRef();
        }

        return found;
    }

    private PyRef SpecialBinary(PyObject* a, PyObject* b, Operator op)
    {
        var m = s_methods[(int)op];
        if (op == Operator.TrueDivide && Heap.Profile.IntPromotesToLong)
        {
            m = "truediv";
        }

        var name = "__" + m + "__";
        var reflected = "__r" + m + "__";
        var reflectFirst = a->Type != b->Type && IsUserInstance(b) && Heap.IsSubtype(b->Type, a->Type);
        PyRef r;
        if (reflectFirst && CallSpecial1(b, reflected, a, out r))
        {
            if (r.IsNull || r.Ptr != Heap.Types.NotImplemented.Singleton)
            {
                return r;
            }

            r.DecRef();
        }

        if (IsUserInstance(a) && CallSpecial1(a, name, b, out r))
        {
            if (r.IsNull || r.Ptr != Heap.Types.NotImplemented.Singleton)
            {
                return r;
            }

            r.DecRef();
        }

        if (!reflectFirst && a->Type != b->Type && IsUserInstance(b) && CallSpecial1(b, reflected, a, out r))
        {
            return r;
        }

        return Heap.NotImplemented;
    }

    private PyRef BuiltinBinary(PyObject* a, PyObject* b, Operator op)
    {
        var types = Heap.Types;
        if (IsPlainNumber(a) && IsPlainNumber(b))
        {
            return NumberBinary(a, b, op);
        }

        switch (op)
        {
            case Operator.Add:
                if ((a->Type == b->Type && a->Type == types.Str.TypeObject) || (Heap.IsInstance(a, types.List) && Heap.IsInstance(b, types.List)) || TupleConcatenates(a, b))
                {
                    return Concat(a, b);
                }

                if (IsSequence(a))
                {
                    return ConcatError(a, b);
                }

                break;
            case Operator.Multiply:
                if (IsSequence(a) && Heap.IsInt(b))
                {
                    return Repeat(a, b);
                }

                if (IsSequence(b) && Heap.IsInt(a))
                {
                    return Repeat(b, a);
                }

                if (IsSequence(a) || IsSequence(b))
                {
                    return Heap.RaiseTypeError($"can't multiply sequence by non-int of type '{(IsSequence(a) ? b : a)->Type->Descriptor.Name}'");
                }

                break;
            case Operator.Or or Operator.And or Operator.Subtract or Operator.Xor when Heap.IsAnySet(a) && Heap.IsAnySet(b):
                return SetOperation(a, b, op);
            case Operator.Or or Operator.And or Operator.Subtract or Operator.Xor when Native.Dict.DictViewOperators.IsSetLike(Heap, a) || Native.Dict.DictViewOperators.IsSetLike(Heap, b):
                return Native.Dict.DictViewOperators.Binary(Heap, a, b, op);
            case Operator.Or when Heap.Profile.DictUnionOperators && types.Dict.IsDict(a) && types.Dict.IsDict(b):
                return DictUnion(a, b);
        }

        return NumberBinary(a, b, op);
    }

    /// <summary>3.9+'s <c>a | b</c> of two dicts (dict_or): a plain dict copied from <paramref name="a"/>, updated with <paramref name="b"/>.</summary>
    private PyRef DictUnion(PyObject* a, PyObject* b)
    {
        var merged = Heap.Types.Dict.Copy(a);
        if (!merged.IsNull && Heap.Types.Dict.Merge(merged.Ptr, b) < 0)
        {
            merged.DecRef();
            return PyRef.Null;
        }

        return merged;
    }

    private PyRef NumberBinary(PyObject* a, PyObject* b, Operator op) =>
        op switch
        {
            Operator.Add => Heap.Add(a, b),
            Operator.Subtract => Heap.Subtract(a, b),
            Operator.Multiply => Heap.Multiply(a, b),
            Operator.TrueDivide => Heap.TrueDivide(a, b),
            Operator.ClassicDivide => Heap.Divide(a, b),
            Operator.Remainder => Heap.Remainder(a, b),
            Operator.Power => Heap.Power(a, b),
            Operator.LeftShift => Heap.LeftShift(a, b),
            Operator.RightShift => Heap.RightShift(a, b),
            Operator.Or => Heap.Or(a, b),
            Operator.Xor => Heap.Xor(a, b),
            Operator.And => Heap.And(a, b),
            Operator.FloorDivide => Heap.FloorDivide(a, b),
            _ => Heap.RaiseTypeError($"unsupported operand type(s) for {s_symbols[(int)op]}: '{a->Type->Descriptor.Name}' and '{b->Type->Descriptor.Name}'"),
        };

    private bool IsSequence(PyObject* o) =>
        Heap.IsInstance(o, Heap.Types.Str) || Heap.IsInstance(o, Heap.Types.List) || Heap.IsInstance(o, Heap.Types.Tuple)
        || o->Type->Descriptor is Native.Tuple.StructSequenceType;

    /// <summary>
    /// Whether <c>a + b</c> makes a tuple of both: two tuples, a struct sequence (laid out as a
    /// tuple) and a tuple, or in 3.x (where struct sequences are tuples) any two of them.
    /// </summary>
    private bool TupleConcatenates(PyObject* a, PyObject* b)
    {
        var tuple = Heap.Types.Tuple.TypeObject;
        bool TupleLaidOut(PyObject* o) => o->Type == tuple || o->Type->Descriptor is Native.Tuple.StructSequenceType;
        return TupleLaidOut(a) && (b->Type == tuple || (!Heap.Profile.IntPromotesToLong && TupleLaidOut(b)));
    }

    private PyRef ConcatError(PyObject* a, PyObject* b)
    {
        // The messages name the built-in sequence type, whatever subclass a is.
        var an = Heap.IsInstance(a, Heap.Types.Str) ? Heap.Types.Str.Name : Heap.IsInstance(a, Heap.Types.List) ? Heap.Types.List.Name : Heap.Types.Tuple.Name;
        var bn = Heap.TypeNameOf(b);
        if (Heap.Profile.IntPromotesToLong && Heap.IsInstance(a, Heap.Types.Str))
        {
            return Heap.RaiseTypeError($"cannot concatenate '{an}' and '{bn}' objects");
        }

        return Heap.RaiseTypeError($"can only concatenate {an} (not \"{bn}\") to {an}");
    }

    private PyRef Concat(PyObject* a, PyObject* b)
    {
        if (a->Type == Heap.Types.Str.TypeObject)
        {
            var sa = StrType.AsSpan(a);
            var sb = StrType.AsSpan(b);
            if ((long)sa.Length + sb.Length > int.MaxValue / 2)
            {
                Heap.SetNoMemory();
                return PyRef.Null;
            }

            return Heap.NewString(string.Concat(sa, sb));
        }

        // list_concat: any two lists (subclasses too) make a plain list.
        var isList = Heap.IsInstance(a, Heap.Types.List);
        var na = isList ? ListType.Size(a) : TupleType.Size(a);
        var nb = isList ? ListType.Size(b) : TupleType.Size(b);
        var result = isList ? Heap.Types.List.New(na + nb) : Heap.Types.Tuple.New(na + nb);
        if (result.IsNull)
        {
            return result;
        }

        var dst = isList ? ListType.Items(result.Ptr) : TupleType.Items(result.Ptr);
        var srcA = isList ? ListType.Items(a) : TupleType.Items(a);
        var srcB = isList ? ListType.Items(b) : TupleType.Items(b);
        for (nint i = 0; i < na; i++)
        {
            Heap.IncRef(srcA[i]);
            dst[i] = srcA[i];
        }

        for (nint i = 0; i < nb; i++)
        {
            Heap.IncRef(srcB[i]);
            dst[na + i] = srcB[i];
        }

        return result;
    }

    private PyRef Repeat(PyObject* seq, PyObject* count)
    {
        if (!Heap.TryAsLong(count, out var n))
        {
            return Heap.RaiseOverflowError("cannot fit 'int' into an index-sized integer");
        }

        if (n < 0)
        {
            n = 0;
        }

        if (Heap.IsInstance(seq, Heap.Types.Str))
        {
            var s = StrType.AsSpan(seq);
            if (s.Length != 0 && n > (int.MaxValue / 2) / s.Length)
            {
                Heap.SetNoMemory();
                return PyRef.Null;
            }

            var sb = new System.Text.StringBuilder(s.Length * (int)n);
            for (long i = 0; i < n; i++)
            {
                sb.Append(s);
            }

            return Heap.NewString(sb.ToString());
        }

        var isList = Heap.IsInstance(seq, Heap.Types.List);
        var len = isList ? ListType.Size(seq) : TupleType.Size(seq);
        if (len != 0 && n > nint.MaxValue / 8 / len)
        {
            Heap.SetNoMemory();
            return PyRef.Null;
        }

        var total = (nint)(len * n);
        var result = isList ? Heap.Types.List.New(total) : Heap.Types.Tuple.New(total);
        if (result.IsNull)
        {
            return result;
        }

        var dst = isList ? ListType.Items(result.Ptr) : TupleType.Items(result.Ptr);
        var src = isList ? ListType.Items(seq) : TupleType.Items(seq);
        for (nint i = 0; i < total; i++)
        {
            var item = src[i % len];
            Heap.IncRef(item);
            dst[i] = item;
        }

        return result;
    }

    /// <summary>set_or, set_and, set_sub, set_xor: a new set of <paramref name="a"/>'s base type, made as the set methods make it.</summary>
    private PyRef SetOperation(PyObject* a, PyObject* b, Operator op)
    {
        var type = Heap.IsInstance(a, Heap.Types.FrozenSet) ? Heap.Types.FrozenSet : Heap.Types.Set;
        return Native.Set.SetMethods.Binary(type, a, b, op);
    }

    /// <summary><c>-a</c>, <c>+a</c>, <c>~a</c> (a class's <c>__neg__</c>, <c>__pos__</c>, <c>__invert__</c> first).</summary>
    public PyRef UnaryOperation(PyRef a, char op)
    {
        if (Weak.WeakReferenceType.IsWeakProxy(a.Ptr))
        {
            var target = Weak.WeakReferenceType.Unwrap(a.Ptr);
            return target == null ? PyRef.Null : UnaryOperation(new PyRef(target), op);
        }

        if (IsUserInstance(a.Ptr) && Heap.TryCallSpecial(a.Ptr, op switch { '-' => "__neg__", '+' => "__pos__", _ => "__invert__" }, out var r))
        {
            return r;
        }

        return op switch
        {
            '-' => Heap.Negative(a.Ptr),
            '+' => Heap.Positive(a.Ptr),
            _ => Heap.Invert(a.Ptr),
        };
    }

    /// <summary><c>bool(o)</c> with a class's <c>__bool__</c> (3.x) / <c>__nonzero__</c> (2.7), then <c>__len__</c>: 1, 0, or -1.</summary>
    public int Truth(PyRef o)
    {
        var p = o.Ptr;
        if (!IsUserInstance(p))
        {
            return Heap.IsTrue(p);
        }

        if (Heap.TryCallSpecial(p, Heap.Profile.IntPromotesToLong ? "__nonzero__" : "__bool__", out var r))
        {
            if (r.IsNull)
            {
                return -1;
            }

            var isBool = r.Ptr->Type == Heap.Types.Bool.TypeObject || (Heap.Profile.IntPromotesToLong && Heap.IsInt(r.Ptr));
            if (!isBool)
            {
                var name = r.Descriptor.Name;
                r.DecRef();
                Heap.RaiseTypeError(Heap.Profile.IntPromotesToLong
                    ? $"__nonzero__ should return bool or int, returned {name}"
                    : $"__bool__ should return bool, returned {name}");
                return -1;
            }

            var truth = Heap.IsTrue(r.Ptr);
            r.DecRef();
            return truth;
        }

        var lenName = Heap.InternString("__len__");
        if (!lenName.IsNull && Native.Type.TypeType.Lookup(p->Type, lenName.Ptr) != null)
        {
            var n = Heap.Length(p);
            return n < 0 ? -1 : n > 0 ? 1 : 0;
        }

        return Heap.IsTrue(p);
    }

    private static readonly string[] s_compareMethods = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];

    /// <summary>Rich comparison with a class's <c>__eq__</c>/<c>__lt__</c>/... (reflected as CPython does); new reference or null.</summary>
    public PyRef Compare(PyRef a, PyRef b, CompareOp op)
    {
        if (IsPlainNumber(a.Ptr) && IsPlainNumber(b.Ptr))
        {
            // int/float against int/float: the numeric comparison alone (nothing to recurse into).
            return Heap.CompareNumbers(a.Ptr, b.Ptr, op);
        }

        // 3.x: do_richcompare over the two types' slots (InstanceType.RichCompare is a class's
        // slot_tp_richcompare), each tried once; 2.7's two instances of one class likewise.
        var sameClass = a.Ptr->Type == b.Ptr->Type && a.Ptr->Type->Descriptor is Native.Instance.InstanceType;
        if ((!Heap.Profile.IntPromotesToLong && IsPlainOrClassInstance(a.Ptr) && IsPlainOrClassInstance(b.Ptr)) || sameClass)
        {
            return Heap.RichCompare(a.Ptr, b.Ptr, op);
        }

        // A 2.7 classic instance against another or a built-in object compares as
        // instance_richcompare and instance_compare do (ClassicInstanceType.RichCompare): the
        // rich methods looked up without an error, no argument tuple before one is found.
        var classic = a.Ptr->Type->Descriptor is Native.Classic.ClassicInstanceType || b.Ptr->Type->Descriptor is Native.Classic.ClassicInstanceType;
        if (!classic && (IsUserInstance(a.Ptr) || IsUserInstance(b.Ptr)))
        {
            var reflected = op.Reflected();
            var reflectFirst = a.Ptr->Type != b.Ptr->Type && IsUserInstance(b.Ptr) && Heap.IsSubtype(b.Ptr->Type, a.Ptr->Type);
            PyRef r;
            if (reflectFirst && CallSpecial1(b.Ptr, s_compareMethods[(int)reflected], a.Ptr, out r))
            {
                if (r.IsNull || r.Ptr != Heap.Types.NotImplemented.Singleton)
                {
                    return r;
                }

                r.DecRef();
            }

            if (IsUserInstance(a.Ptr) && CallSpecial1(a.Ptr, s_compareMethods[(int)op], b.Ptr, out r))
            {
                if (r.IsNull || r.Ptr != Heap.Types.NotImplemented.Singleton)
                {
                    return r;
                }

                r.DecRef();
            }

            if (!reflectFirst && IsUserInstance(b.Ptr) && CallSpecial1(b.Ptr, s_compareMethods[(int)reflected], a.Ptr, out r))
            {
                if (r.IsNull || r.Ptr != Heap.Types.NotImplemented.Singleton)
                {
                    return r;
                }

                r.DecRef();
            }

            if (op == CompareOp.Ne && IsUserInstance(a.Ptr) && !Heap.Profile.IntPromotesToLong)
            {
                // 3.x object.__ne__ inverts __eq__.
                var eq = Compare(a, b, CompareOp.Eq);
                if (eq.IsNull)
                {
                    return eq;
                }

                var t = Truth(eq);
                eq.DecRef();
                return t < 0 ? PyRef.Null : Heap.NewBool(t == 0);
            }
        }

        return Heap.RichCompare(a.Ptr, b.Ptr, op);
    }

    // ---- slicing ----------------------------------------------------------------------------

    /// <summary>
    /// <c>o[lower:upper:step]</c> (parts may be null: left out): a new reference or null. An
    /// exact str, list or tuple is sliced directly; anything else gets a slice object through
    /// its subscript (<c>__getitem__(slice(...))</c>), as CPython 3 does; 2.7's <c>o[i:j]</c>
    /// of an instance may reach <c>__getslice__</c> instead (InstanceType.SimpleSlicing.cs).
    /// </summary>
    public PyRef GetSlice(PyRef o, PyRef lower, PyRef upper, PyRef step)
    {
        var p = o.Ptr;
        var t = p->Type;
        var types = Heap.Types;
        if (t == types.List.TypeObject || t == types.Tuple.TypeObject || t == types.Str.TypeObject)
        {
            var length = t == types.Str.TypeObject ? StrType.LengthOf(p) : ((PyVarObject*)p)->Size;
            if (!types.Slice.TryIndices(lower.Ptr, upper.Ptr, step.Ptr, length, out var s))
            {
                return PyRef.Null;
            }

            return t == types.List.TypeObject ? ListSlicing.Get(Heap, p, s)
                : t == types.Tuple.TypeObject ? types.Tuple.GetSlice(p, s)
                : types.Str.GetSlice(p, s);
        }

        if (step.Ptr == null && t->Descriptor is Native.Classic.ClassicInstanceType classic)
        {
            return classic.GetSimpleSlice(p, lower.Ptr, upper.Ptr);
        }

        if (step.Ptr == null && Heap.Profile.SimpleSliceMethods && t->Descriptor is Native.Instance.InstanceType instance
            && instance.TryGetSimpleSlice(p, lower.Ptr, upper.Ptr, out var simple))
        {
            return simple;
        }

        var slice = types.Slice.New(lower.Ptr, upper.Ptr, step.Ptr);
        if (slice.IsNull)
        {
            return slice;
        }

        var r = Heap.GetItem(p, slice.Ptr);
        slice.DecRef();
        return r;
    }

    /// <summary>
    /// <c>o[lower:upper:step] = value</c>, or <c>del o[lower:upper:step]</c> when
    /// <paramref name="value"/> is null; 0 or -1 with the error set. An exact list is assigned
    /// directly; anything else gets a slice object through <c>__setitem__</c>/<c>__delitem__</c>.
    /// </summary>
    public int SetSlice(PyRef o, PyRef lower, PyRef upper, PyRef step, PyRef value)
    {
        var p = o.Ptr;
        var slices = Heap.Types.Slice;
        if (p->Type == Heap.Types.List.TypeObject)
        {
            return slices.TryIndices(lower.Ptr, upper.Ptr, step.Ptr, ListType.Size(p), out var s)
                ? ListSlicing.Assign(Heap, p, s, value.Ptr)
                : -1;
        }

        if (step.Ptr == null && p->Type->Descriptor is Native.Classic.ClassicInstanceType classic)
        {
            return classic.SetSimpleSlice(p, lower.Ptr, upper.Ptr, value.Ptr);
        }

        if (step.Ptr == null && Heap.Profile.SimpleSliceMethods && p->Type->Descriptor is Native.Instance.InstanceType instance
            && instance.TrySetSimpleSlice(p, lower.Ptr, upper.Ptr, value.Ptr, out var status))
        {
            return status;
        }

        var slice = slices.New(lower.Ptr, upper.Ptr, step.Ptr);
        if (slice.IsNull)
        {
            return -1;
        }

        var r = Heap.SetItem(p, slice.Ptr, value.Ptr);
        slice.DecRef();
        return r;
    }

    /// <summary>A user object's <c>__index__</c>: false when it has none; else the int (new reference) or null with the error set.</summary>
    public bool TryIndexSpecial(PyRef o, out PyRef value) => Heap.TryIndexSpecial(o.Ptr, out value);

    /// <summary>A new slice object (parts may be null: None); new reference or null with MemoryError set.</summary>
    public PyRef NewSlice(PyRef lower, PyRef upper, PyRef step) => Heap.Types.Slice.New(lower.Ptr, upper.Ptr, step.Ptr);
}
