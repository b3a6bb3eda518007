using Refheap.Objects.Native.Instance;
using Refheap.Objects.Native.Int;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects.Native.Exceptions;

/// <summary>
/// The fields some built-in exception classes add after BaseException's (SystemExit's
/// <c>code</c>, 3.x's StopIteration <c>value</c>, EnvironmentError's / OSError's <c>errno</c>,
/// <c>strerror</c>, <c>filename</c>): each an owned reference or null (read as None), set by
/// the constructor and <c>__init__</c> from the arguments as CPython's do.
/// </summary>
internal sealed unsafe partial class ExceptionType
{
    /// <summary>Which fields the class (or the built-in class it derives from) adds.</summary>
    public ExceptionFieldKind FieldKind { get; }

    /// <summary>The attribute names of the fields, in their order after BaseException's.</summary>
    public string[] FieldNames { get; }

    private static string[] NamesOf(ExceptionFieldKind kind, bool py27) => kind switch
    {
        ExceptionFieldKind.SystemExit => ["code"],
        ExceptionFieldKind.StopIteration => ["value"],
        ExceptionFieldKind.Environment when py27 => ["errno", "strerror", "filename"],
        ExceptionFieldKind.Environment => ["errno", "strerror", "filename", "filename2"],
        _ => [],
    };

    /// <summary>The fields of an instance of this class (or of a user class deriving from it).</summary>
    private static PyObject** FieldSlots(PyObject* self) => (PyObject**)((byte*)self + sizeof(PyBaseExceptionObject));

    private int FieldIndex(PyObject* name)
    {
        for (var i = 0; i < FieldNames.Length; i++)
        {
            if (StrType.EqualsText(name, FieldNames[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The built-in exception class whose layout an exception instance has (its own class, or a user class's solid base).</summary>
    private ExceptionType SolidExceptionOf(PyObject* self) =>
        self->Type->Descriptor as ExceptionType
        ?? ((self->Type->Descriptor as InstanceType)?.Layout.SolidBase as ExceptionType)
        ?? this;

    /// <summary>
    /// Sets the fields from the constructor's or <c>__init__</c>'s arguments (a tuple, borrowed),
    /// as SystemExit_init, StopIteration_init and 2.7's EnvironmentError_init / 3.x's
    /// oserror_init do; 0, or -1 with the error set.
    /// </summary>
    private int SetFields(PyObject* self, PyObject* args)
    {
        var n = TupleType.Size(args);
        var fields = FieldSlots(self);
        switch (FieldKind)
        {
            case ExceptionFieldKind.SystemExit:
                // No argument leaves the code as it is (None); one is the code; more, their tuple.
                if (n > 0)
                {
                    Store(ref fields[0], n == 1 ? TupleType.Item(args, 0) : args);
                }

                return 0;
            case ExceptionFieldKind.StopIteration:
                Store(ref fields[0], n > 0 ? TupleType.Item(args, 0) : Heap.NoneObject);
                return 0;
            case ExceptionFieldKind.Environment:
                return SetEnvironmentFields(self, args, fields);
            default:
                return 0;
        }
    }

    private static void Store(ref PyObject* field, PyObject* value)
    {
        Heap.IncRef(value);
        Heap.SetRef(ref field, value);
    }

    /// <summary>
    /// <c>(errno, strerror[, filename])</c> (3.x also <c>winerror</c>, ignored off Windows, and
    /// <c>filename2</c>): with a filename, <c>args</c> keeps only the first two, so that
    /// <c>errno, strerror = e.args</c> still works. Other argument counts set nothing.
    /// </summary>
    private int SetEnvironmentFields(PyObject* self, PyObject* args, PyObject** fields)
    {
        var py27 = Heap.Profile.Wording == ErrorWording.Cpython27;
        var n = TupleType.Size(args);
        if (n < 2 || n > (py27 ? 3 : 5))
        {
            return 0;
        }

        var filename = n >= 3 ? TupleType.Item(args, 2) : null;
        var truncate = py27 ? n == 3 : filename != null && filename != Heap.NoneObject;
        if (truncate)
        {
            var two = Heap.NewTuple(new PyRef(TupleType.Item(args, 0)), new PyRef(TupleType.Item(args, 1)));
            if (two.IsNull)
            {
                return -1;
            }

            Store(ref fields[2], filename!);
            if (!py27 && n == 5 && TupleType.Item(args, 4) != Heap.NoneObject)
            {
                Store(ref fields[3], TupleType.Item(args, 4));
            }

            Heap.SetRef(ref ((PyBaseExceptionObject*)self)->Args, two.Ptr);
        }

        Store(ref fields[0], TupleType.Item(args, 0));
        Store(ref fields[1], TupleType.Item(args, 1));
        return 0;
    }

    /// <summary>
    /// EnvironmentError's / OSError's <c>str</c>: <c>[Errno N] text: 'file'</c> (3.x: <c>-> 'file2'</c>
    /// when there is a second file name), <c>[Errno N] text</c>, else BaseException's; false for
    /// the last, with nothing made.
    /// </summary>
    private bool TryEnvironmentStr(PyObject* self, out PyRef text)
    {
        text = PyRef.Null;
        var fields = FieldSlots(self);
        if (fields[2] == null && (fields[0] == null || fields[1] == null))
        {
            return false;
        }

        var parts = new List<string>(4);
        for (var i = 0; i < FieldNames.Length; i++)
        {
            var value = fields[i] != null ? fields[i] : Heap.NoneObject;
            if (i >= 2 && fields[i] == null)
            {
                break;
            }

            var s = i < 2 ? Heap.Str(value) : Heap.Repr(value);
            if (s.IsNull)
            {
                return true;
            }

            parts.Add(StrType.AsString(s.Ptr));
            s.DecRef();
        }

        var message = $"[Errno {parts[0]}] {parts[1]}";
        if (parts.Count > 2)
        {
            message += ": " + parts[2] + (parts.Count > 3 ? " -> " + parts[3] : "");
        }

        text = Heap.NewString(message);
        return true;
    }

    /// <summary>3.x's OSError_new: <c>OSError(errno, strerror, ...)</c> with an errno PEP 3151 names is an instance of that subclass.</summary>
    private ExceptionType SubclassForErrno(PyObject* args)
    {
        var n = TupleType.Size(args);
        if (n < 2 || n > 5 || TupleType.Item(args, 0)->Type->Descriptor is not IntType || !Heap.TryAsLong(TupleType.Item(args, 0), out var errno))
        {
            return this;
        }

        var name = errno switch
        {
            11 or 114 or 115 => "BlockingIOError", // EAGAIN (EWOULDBLOCK), EALREADY, EINPROGRESS
            10 => "ChildProcessError", // ECHILD
            32 or 108 => "BrokenPipeError", // EPIPE, ESHUTDOWN
            103 => "ConnectionAbortedError", // ECONNABORTED
            111 => "ConnectionRefusedError", // ECONNREFUSED
            104 => "ConnectionResetError", // ECONNRESET
            17 => "FileExistsError", // EEXIST
            2 => "FileNotFoundError", // ENOENT
            21 => "IsADirectoryError", // EISDIR
            20 => "NotADirectoryError", // ENOTDIR
            4 => "InterruptedError", // EINTR
            1 or 13 => "PermissionError", // EPERM, EACCES
            3 => "ProcessLookupError", // ESRCH
            110 => "TimeoutError", // ETIMEDOUT
            _ => null,
        };
        return name == null ? this : Heap.Types.Exceptions.Find(name) ?? this;
    }

    private static int TraverseFieldsAnd1(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg) => TraverseWithFields(self, visit, arg, 1);

    private static int TraverseFieldsAnd3(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg) => TraverseWithFields(self, visit, arg, 3);

    private static int TraverseFieldsAnd4(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg) => TraverseWithFields(self, visit, arg, 4);

    private static int TraverseWithFields(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg, int count)
    {
        var r = TraverseFields(self, visit, arg);
        var fields = FieldSlots(self);
        for (var i = 0; r == 0 && i < count; i++)
        {
            if (fields[i] != null)
            {
                r = visit(fields[i], arg);
            }
        }

        return r;
    }

    /// <summary>
    /// 2.7's <c>e[i]</c> and <c>e[i:j]</c>: BaseException's sequence methods index its
    /// <c>args</c>; 3.x's exceptions are not subscriptable.
    /// </summary>
    public override PyRef Subscript(PyObject* self, PyObject* key)
    {
        if (Heap.Profile.Wording != ErrorWording.Cpython27)
        {
            return base.Subscript(self, key);
        }

        var args = ((PyBaseExceptionObject*)self)->Args;
        return args == null ? Heap.Types.Tuple.Subscript(Heap.Types.Tuple.Empty, key) : Heap.Types.Tuple.Subscript(args, key);
    }

    /// <inheritdoc/>
    /// <remarks>2.7: iterating an exception walks its <c>args</c> through <c>e[i]</c> (the generic sequence iterator), so <c>errno, strerror = e</c> works.</remarks>
    public override PyRef Iter(PyObject* self) => Heap.Profile.Wording == ErrorWording.Cpython27
        ? Heap.Types.Iterators.Sequence.New(self)
        : base.Iter(self);
}
