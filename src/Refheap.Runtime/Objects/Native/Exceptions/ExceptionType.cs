using Refheap.Runtime.Objects.Native.Str;
using Refheap.Runtime.Objects.Native.Tuple;

namespace Refheap.Runtime.Objects.Native.Exceptions;

/// <summary>One built-in exception class (BaseException and every subclass share this descriptor type).</summary>
internal sealed unsafe class ExceptionType : TypeDescriptor
{
    /// <summary>Creates the descriptor for the built-in exception <paramref name="name"/> deriving from <paramref name="baseType"/>.</summary>
    public ExceptionType(Heap heap, string name, ExceptionType? baseType)
        : base(heap, name) => ExceptionBase = baseType;

    /// <summary>The base exception class, or null for BaseException.</summary>
    public ExceptionType? ExceptionBase { get; }

    /// <inheritdoc/>
    public override bool IsGc => true;

    /// <inheritdoc/>
    public override nuint BaseInstanceSize => (nuint)sizeof(PyBaseExceptionObject);

    /// <inheritdoc/>
    internal override void Initialize() => BaseType = ExceptionBase ?? (TypeDescriptor)Heap.Types.Object;

    /// <summary>A new instance with <paramref name="args"/> (a tuple, borrowed) as its arguments.</summary>
    public PyRef Instantiate(PyRef args)
    {
        var o = Heap.AllocObject(this, (nuint)sizeof(PyBaseExceptionObject));
        if (o == null)
        {
            return PyRef.Null;
        }

        ((PyBaseExceptionObject*)o)->Args = args.NewRef().Ptr;
        Heap.Gc.Track(o);
        return new PyRef(o);
    }

    /// <inheritdoc/>
    public override PyRef Construct(PyObject* args, PyObject* kwargs) => Instantiate(new PyRef(args));

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)sizeof(PyBaseExceptionObject);

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        Heap.Gc.Untrack(self);
        ReleaseContents(self);
        Heap.FreeObject(self, this, SizeOf(self));
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
    }

    /// <inheritdoc/>
    public override delegate*<PyObject*, delegate*<PyObject*, void*, int>, void*, int> TraverseFunction => &TraverseFields;

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg) => TraverseFields(self, visit, arg);

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
        if (n == 1 && !Heap.Profile.IntPromotesToLong)
        {
            return Heap.NewString($"{name}({Heap.ReprString(TupleType.Item(args, 0))})");
        }

        return Heap.NewString(n == 0 ? $"{name}()" : name + Heap.ReprString(args));
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
