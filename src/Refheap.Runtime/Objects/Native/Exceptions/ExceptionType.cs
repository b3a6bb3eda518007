using System.Runtime.InteropServices;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Exceptions;

/// <summary>One built-in exception class (BaseException and every subclass share this descriptor type).</summary>
internal sealed unsafe partial class ExceptionType : TypeDescriptor
{
    private static readonly int s_dictOffset = (int)Marshal.OffsetOf<PyBaseExceptionObject>(nameof(PyBaseExceptionObject.Dict));

    /// <summary>Creates the descriptor for the built-in exception <paramref name="name"/> deriving from <paramref name="baseType"/>.</summary>
    public ExceptionType(Heap heap, string name, ExceptionType? baseType, ExceptionFieldKind fields = ExceptionFieldKind.None)
        : base(heap, name)
    {
        ExceptionBase = baseType;
        FieldKind = fields != ExceptionFieldKind.None ? fields : baseType?.FieldKind ?? ExceptionFieldKind.None;
        FieldNames = NamesOf(FieldKind, heap.Profile.Wording == ErrorWording.Cpython27);
    }

    /// <summary>The base exception class, or null for BaseException.</summary>
    public ExceptionType? ExceptionBase { get; }

    /// <inheritdoc/>
    public override bool IsGc => true;

    /// <inheritdoc/>
    public override nuint BaseInstanceSize => (nuint)(sizeof(PyBaseExceptionObject) + (sizeof(nint) * FieldNames.Length));

    /// <inheritdoc/>
    public override int InstanceDictOffset => s_dictOffset;

    /// <inheritdoc/>
    internal override void Initialize() => BaseType = ExceptionBase ?? (TypeDescriptor)Heap.Types.Object;

    /// <summary>A new instance with <paramref name="args"/> (a tuple, borrowed) as its arguments.</summary>
    public PyRef Instantiate(PyRef args)
    {
        var o = Heap.AllocObject(this, BaseInstanceSize);
        if (o == null)
        {
            return PyRef.Null;
        }

        ((PyBaseExceptionObject*)o)->Args = args.NewRef().Ptr;
        if (Heap.Profile.Wording == ErrorWording.Cpython27)
        {
            // BaseException_new's '' then BaseException_init's only argument.
            var message = TupleType.Size(args.Ptr) == 1 ? TupleType.Item(args.Ptr, 0) : Heap.Types.Str.Empty;
            Heap.IncRef(message);
            ((PyBaseExceptionObject*)o)->Message = message;
        }

        Heap.Gc.Track(o);
        if (FieldNames.Length != 0 && SetFields(o, args.Ptr) < 0)
        {
            Heap.DecRef(o);
            return PyRef.Null;
        }

        return new PyRef(o);
    }

    /// <inheritdoc/>
    /// <remarks>3.x's <c>OSError(errno, strerror, ...)</c> makes the subclass its errno names (PEP 3151).</remarks>
    public override PyRef Construct(PyObject* args, PyObject* kwargs) =>
        RefusedKeywords(this, kwargs) ? PyRef.Null : (this == Heap.Types.Exceptions.OSError ? SubclassForErrno(args) : this).Instantiate(new PyRef(args));

    /// <summary>
    /// _PyArg_NoKeywords of BaseException.__init__: true, with TypeError set, when
    /// <paramref name="kwargs"/> holds any. The type's tp_name is <c>exceptions.X</c> for a 2.7 built-in.
    /// </summary>
    private bool RefusedKeywords(TypeDescriptor type, PyObject* kwargs)
    {
        if (kwargs == null || Heap.Types.Dict.Count(kwargs) == 0)
        {
            return false;
        }

        if (Heap.Profile.Wording == ErrorWording.Cpython27)
        {
            Heap.RaiseTypeError($"{(type is ExceptionType ? "exceptions." : "")}{type.Name} does not take keyword arguments");
        }
        else
        {
            Heap.RaiseTypeError($"{type.Name}() takes no keyword arguments");
        }

        return true;
    }

    /// <summary>
    /// Sets the arguments of a new instance of a user subclass (BaseException.__new__):
    /// 3.x keeps the call's arguments; 2.7 starts with <c>()</c> and a <c>''</c> message,
    /// which BaseException.__init__ replaces. <paramref name="args"/> is borrowed.
    /// </summary>
    public void InitializeArgs(PyObject* self, PyObject* args)
    {
        var e = (PyBaseExceptionObject*)self;
        if (Heap.Profile.Wording == ErrorWording.Cpython27)
        {
            args = Heap.Types.Tuple.Empty;
            Heap.IncRef(Heap.Types.Str.Empty);
            Heap.SetRef(ref e->Message, Heap.Types.Str.Empty);
        }

        Heap.IncRef(args);
        Heap.SetRef(ref e->Args, args);
    }

    /// <summary>
    /// BaseException.__init__: the positional arguments become <c>args</c> (2.7: a single one
    /// also the <c>message</c>); keyword arguments are a TypeError. 0, or -1 with the error set.
    /// </summary>
    public int Init(PyObject* self, PyObject* args, PyObject* kwargs)
    {
        var py27 = Heap.Profile.Wording == ErrorWording.Cpython27;
        if (RefusedKeywords(self->Type->Descriptor, kwargs))
        {
            return -1;
        }

        var e = (PyBaseExceptionObject*)self;
        Heap.IncRef(args);
        Heap.SetRef(ref e->Args, args);
        if (py27 && TupleType.Size(args) == 1)
        {
            var message = TupleType.Item(args, 0);
            Heap.IncRef(message);
            Heap.SetRef(ref e->Message, message);
        }

        var solid = SolidExceptionOf(self);
        return solid.FieldNames.Length == 0 ? 0 : solid.SetFields(self, args);
    }

    /// <summary>
    /// 3.x's setters of <c>__cause__</c> (which also suppresses the context), <c>__context__</c>
    /// and <c>__suppress_context__</c>. The flag is kept as the cause itself: set means a cause
    /// is stored, None standing for "no cause, context suppressed"; so a context can be
    /// suppressed only without a cause or with one, not un-suppressed under a real cause.
    /// </summary>
    private bool TrySetChainAttribute(PyBaseExceptionObject* e, PyObject* name, PyObject* value, out int status)
    {
        status = 0;
        var cause = StrType.EqualsText(name, "__cause__");
        if (cause || StrType.EqualsText(name, "__context__"))
        {
            if (value == null)
            {
                Heap.RaiseTypeError($"{StrType.AsString(name)} may not be deleted");
                status = -1;
                return true;
            }

            if (value != Heap.NoneObject && !Heap.IsInstance(value, Heap.Types.Exceptions.BaseException))
            {
                Heap.RaiseTypeError($"exception {(cause ? "cause" : "context")} must be None or derive from BaseException");
                status = -1;
                return true;
            }

            // A cause of None is kept (it suppresses the context); a context of None is none.
            var stored = !cause && value == Heap.NoneObject ? null : value;
            Heap.XIncRef(stored);
            Heap.SetRef(ref cause ? ref e->Cause : ref e->Context, stored);
            return true;
        }

        if (!StrType.EqualsText(name, "__suppress_context__"))
        {
            return false;
        }

        var suppress = value == null ? 0 : Heap.IsTrue(value);
        if (suppress < 0)
        {
            status = -1;
        }
        else if (suppress == 1 && e->Cause == null)
        {
            Heap.IncRef(Heap.NoneObject);
            e->Cause = Heap.NoneObject;
        }
        else if (suppress == 0 && e->Cause == Heap.NoneObject)
        {
            Heap.ClearRef(ref e->Cause);
        }
        else if (suppress == 0 && e->Cause != null)
        {
            Heap.Raise(Heap.Types.Exceptions.NotImplementedError, "Refheap does not support showing the context of an exception with a cause (__suppress_context__ = False)");
            status = -1;
        }

        return true;
    }

    /// <summary>
    /// Reads an attribute that BaseException defines as a data descriptor on every instance
    /// (<c>args</c>), which wins over the instance dict; false when <paramref name="name"/> is not one.
    /// </summary>
    public bool TryGetBaseAttribute(PyObject* self, PyObject* name, out PyRef result)
    {
        result = PyRef.Null;
        if (!Heap.Profile.IntPromotesToLong)
        {
            // 3.x's __traceback__, __context__ and __cause__ (None when unset).
            var e = (PyBaseExceptionObject*)self;
            PyObject** slot = StrType.EqualsText(name, "__traceback__") ? &e->Traceback
                : StrType.EqualsText(name, "__context__") ? &e->Context
                : StrType.EqualsText(name, "__cause__") ? &e->Cause
                : null;
            if (slot != null)
            {
                result = new PyRef(*slot != null ? *slot : Heap.NoneObject).NewRef();
                return true;
            }

            if (StrType.EqualsText(name, "__suppress_context__"))
            {
                // Set with a cause (None included: `raise ... from None`), as PyException_SetCause sets it.
                result = Heap.NewBool(e->Cause != null);
                return true;
            }

        }

        var field = FieldIndex(name);
        if (field >= 0)
        {
            var value = FieldSlots(self)[field];
            result = new PyRef(value != null ? value : Heap.NoneObject).NewRef();
            return true;
        }

        if (Heap.Profile.Wording == ErrorWording.Cpython27 && StrType.EqualsText(name, "message"))
        {
            result = GetMessage(self);
            return true;
        }

        if (!StrType.EqualsText(name, "args"))
        {
            return false;
        }

        var args = ((PyBaseExceptionObject*)self)->Args;
        result = new PyRef(args != null ? args : Heap.Types.Tuple.Empty).NewRef();
        return true;
    }

    /// <summary>
    /// Stores (or deletes: value null) an attribute BaseException defines; false when
    /// <paramref name="name"/> is not one. <paramref name="status"/> is 0 or -1 with the error set.
    /// </summary>
    public bool TrySetBaseAttribute(PyObject* self, PyObject* name, PyObject* value, out int status)
    {
        status = 0;
        if (!Heap.Profile.IntPromotesToLong && StrType.EqualsText(name, "__traceback__"))
        {
            // e.__traceback__ = None (or a traceback) replaces what the exception keeps alive.
            var e = (PyBaseExceptionObject*)self;
            var tb = value == null || value == Heap.NoneObject ? null : value;
            Heap.XIncRef(tb);
            Heap.SetRef(ref e->Traceback, tb);
            return true;
        }

        if (!Heap.Profile.IntPromotesToLong && TrySetChainAttribute((PyBaseExceptionObject*)self, name, value, out status))
        {
            return true;
        }

        if (Heap.Profile.Wording == ErrorWording.Cpython27 && StrType.EqualsText(name, "message"))
        {
            status = SetMessage(self, value);
            return true;
        }

        var field = FieldIndex(name);
        if (field >= 0)
        {
            // A member of the class (T_OBJECT): assigning replaces it, deleting leaves None.
            Heap.XIncRef(value);
            Heap.SetRef(ref FieldSlots(self)[field], value);
            return true;
        }

        if (!StrType.EqualsText(name, "args"))
        {
            return false;
        }

        // BaseException_set_args: the value becomes a tuple; deleting is refused.
        if (value == null)
        {
            Heap.RaiseTypeError("args may not be deleted");
            status = -1;
            return true;
        }

        PyRef tuple;
        if (value->Type->Descriptor == Heap.Types.Tuple)
        {
            tuple = new PyRef(value).NewRef();
        }
        else if (value->Type->Descriptor == Heap.Types.List)
        {
            var n = Native.List.ListType.Size(value);
            tuple = Heap.Types.Tuple.New(n);
            for (nint i = 0; !tuple.IsNull && i < n; i++)
            {
                var item = Native.List.ListType.Items(value)[i];
                Heap.IncRef(item);
                TupleType.Items(tuple.Ptr)[i] = item;
            }
        }
        else
        {
            tuple = Heap.RaiseTypeError($"'{value->Type->Descriptor.Name}' object is not iterable");
        }

        if (tuple.IsNull)
        {
            status = -1;
            return true;
        }

        Heap.SetRef(ref ((PyBaseExceptionObject*)self)->Args, tuple.Ptr);
        return true;
    }

    /// <summary>
    /// 2.7's <c>message</c> getter: one stored in the instance dict (by assignment) wins, else
    /// the field (the deprecation warning it gives is ignored by default, so it is not shown).
    /// </summary>
    private PyRef GetMessage(PyObject* self)
    {
        var e = (PyBaseExceptionObject*)self;
        var stored = e->Dict == null ? null : Heap.Types.Dict.GetItemString(e->Dict, "message");
        if (stored != null)
        {
            return new PyRef(stored).NewRef();
        }

        return e->Message == null
            ? Heap.Raise(Heap.Types.Exceptions.AttributeError, "message attribute was deleted")
            : new PyRef(e->Message).NewRef();
    }

    /// <summary>2.7's <c>message</c> setter: assignment goes to the instance dict; deletion also drops the field.</summary>
    private int SetMessage(PyObject* self, PyObject* value)
    {
        var e = (PyBaseExceptionObject*)self;
        if (value == null)
        {
            if (e->Dict != null && Heap.Types.Dict.GetItemString(e->Dict, "message") != null)
            {
                var key = Heap.InternString("message"); // interned: borrowed
                if (key.IsNull || Heap.Types.Dict.DelItem(e->Dict, key.Ptr) < 0)
                {
                    return -1;
                }
            }

            Heap.ClearRef(ref e->Message);
            return 0;
        }

        if (e->Dict == null)
        {
            var dict = Heap.NewDict();
            if (dict.IsNull)
            {
                return -1;
            }

            e->Dict = dict.Ptr;
        }

        return Heap.Types.Dict.SetItemString(e->Dict, "message", value);
    }

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        if (TryGetBaseAttribute(self, name, out var result))
        {
            return result;
        }

        var e = (PyBaseExceptionObject*)self;
        if (StrType.EqualsText(name, "__dict__"))
        {
            if (e->Dict == null)
            {
                var dict = Heap.NewDict();
                if (dict.IsNull)
                {
                    return dict;
                }

                e->Dict = dict.Ptr;
            }

            return new PyRef(e->Dict).NewRef();
        }

        if (e->Dict != null)
        {
            var value = Heap.Types.Dict.GetItem(e->Dict, name);
            if (value != null)
            {
                return new PyRef(value).NewRef();
            }

            if (Heap.ErrorOccurred)
            {
                return PyRef.Null;
            }
        }

        return Heap.GenericGetAttr(self, name);
    }

    /// <inheritdoc/>
    public override int SetAttr(PyObject* self, PyObject* name, PyObject* value)
    {
        if (TrySetBaseAttribute(self, name, value, out var status))
        {
            return status;
        }

        // Exceptions keep other attributes in their own dict, made on the first store.
        var e = (PyBaseExceptionObject*)self;
        if (value == null)
        {
            if (e->Dict == null || Heap.Types.Dict.DelItem(e->Dict, name) < 0)
            {
                if (e->Dict == null || Heap.ErrorMatches(Heap.Types.Exceptions.KeyError))
                {
                    Heap.ClearError();
                    Heap.RaiseNoAttribute(self, name);
                }

                return -1;
            }

            return 0;
        }

        if (e->Dict == null)
        {
            var dict = Heap.NewDict();
            if (dict.IsNull)
            {
                return -1;
            }

            e->Dict = dict.Ptr;
        }

        return Heap.Types.Dict.SetItem(e->Dict, name, value);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// CPython's BaseException is 40 bytes in 2.7 (dict, args, message) and 72 in 3.12 (dict,
    /// args, notes, traceback, context, cause, suppress_context); Refheap's keeps the six
    /// fields the two profiles use.
    /// </remarks>
    /// <remarks>A class with fields adds a word per field (3.12's OSError also its <c>written</c> count).</remarks>
    public override nint ReportedSizeAdjustment =>
        (Heap.Profile.Wording == ErrorWording.Cpython27 ? 40 : 72)
        + (sizeof(nint) * FieldNames.Length)
        + (FieldKind == ExceptionFieldKind.Environment && Heap.Profile.Wording != ErrorWording.Cpython27 ? sizeof(nint) : 0)
        - (nint)BaseInstanceSize;

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)((nint)BaseInstanceSize + ReportedSizeAdjustment);

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        Heap.Gc.Untrack(self);
        ReleaseContents(self);
        Heap.FreeObject(self, this, BaseInstanceSize);
    }

    /// <inheritdoc/>
    public override void ReleaseContents(PyObject* self)
    {
        var e = (PyBaseExceptionObject*)self;
        Heap.ClearRef(ref e->Dict);
        Heap.ClearRef(ref e->Args);
        Heap.ClearRef(ref e->Traceback);
        Heap.ClearRef(ref e->Context);
        Heap.ClearRef(ref e->Cause);
        Heap.ClearRef(ref e->Message);
        var fields = FieldSlots(self);
        for (var i = 0; i < FieldNames.Length; i++)
        {
            Heap.ClearRef(ref fields[i]);
        }
    }

    /// <inheritdoc/>
    public override delegate*<PyObject*, delegate*<PyObject*, void*, int>, void*, int> TraverseFunction => FieldNames.Length switch
    {
        0 => &TraverseFields,
        1 => &TraverseFieldsAnd1,
        3 => &TraverseFieldsAnd3,
        _ => &TraverseFieldsAnd4,
    };

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg) => TraverseFunction(self, visit, arg);

    private static int TraverseFields(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var e = (PyBaseExceptionObject*)self;
        int r;
        if (e->Dict != null && (r = visit(e->Dict, arg)) != 0)
        {
            return r;
        }

        if (e->Args != null && (r = visit(e->Args, arg)) != 0)
        {
            return r;
        }

        if (e->Message != null && (r = visit(e->Message, arg)) != 0)
        {
            return r;
        }

        if (e->Traceback != null && (r = visit(e->Traceback, arg)) != 0)
        {
            return r;
        }

        if (e->Context != null && (r = visit(e->Context, arg)) != 0)
        {
            return r;
        }

        return e->Cause != null ? visit(e->Cause, arg) : 0;
    }

    /// <inheritdoc/>
    public override void Clear(PyObject* self) => ReleaseContents(self);

    /// <inheritdoc/>
    public override PyRef Str(PyObject* self)
    {
        if (FieldKind == ExceptionFieldKind.Environment && TryEnvironmentStr(self, out var text))
        {
            return text;
        }

        var args = ((PyBaseExceptionObject*)self)->Args;
        var n = args == null ? 0 : TupleType.Size(args);
        return n switch
        {
            0 => Heap.NewString(""),

            // KeyError shows its key as repr, so that KeyError('') is not an empty message.
            1 when IsKeyError(self) => Heap.Repr(TupleType.Item(args, 0)),
            1 => Heap.Str(TupleType.Item(args, 0)),
            _ => Heap.Repr(args),
        };
    }

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        var args = ((PyBaseExceptionObject*)self)->Args;
        var n = args == null ? 0 : TupleType.Size(args);
        var name = self->Type->Descriptor.Name;
        if (n == 0)
        {
            return Heap.NewString($"{name}()");
        }

        // BaseException_repr: 3.x shows one argument bare; 2.7 shows the args tuple. An error
        // in an argument's repr propagates.
        var argsRepr = Heap.Repr(n == 1 && !Heap.Profile.IntPromotesToLong ? TupleType.Item(args, 0) : args);
        if (argsRepr.IsNull)
        {
            return argsRepr;
        }

        var text = StrType.AsString(argsRepr.Ptr);
        argsRepr.DecRef();
        return Heap.NewString(n == 1 && !Heap.Profile.IntPromotesToLong ? $"{name}({text})" : name + text);
    }

    private bool IsKeyError(PyObject* self) => Heap.IsInstance(self, Heap.Types.Exceptions.KeyError);

    /// <summary>The message of an exception instance as <c>str(e)</c> gives it (errors turned into a placeholder).</summary>
    public static string MessageOf(Heap heap, PyObject* e)
    {
        var s = heap.Str(e);
        if (s.IsNull)
        {
            heap.ClearError();
            return "<exception str() failed>";
        }

        var text = StrType.AsString(s.Ptr);
        s.DecRef();
        return text;
    }

    /// <summary>The arguments tuple (borrowed) of an exception instance.</summary>
    public static PyObject* ArgsOf(PyObject* e) => ((PyBaseExceptionObject*)e)->Args;
}
