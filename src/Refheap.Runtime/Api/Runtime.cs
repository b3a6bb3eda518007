using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Refheap.Memory;
using Refheap.Objects;

namespace Refheap;

/// <summary>
/// A Python heap: CPython's memory manager for one <see cref="Profile"/> — reference
/// counting, the cycle collector, the pymalloc allocator — driven from C#.
/// </summary>
/// <remarks>
/// Every public call takes the runtime lock unless its thread holds it already;
/// <see cref="Enter"/> holds it for a batch (re-entrant). Values come back as <see cref="Handle"/>s owned by the innermost open
/// <see cref="HandleScope"/>. A Python exception raised by an operation is thrown as
/// <see cref="PythonException"/>, leaving the heap intact. Several runtimes may live in one
/// process; they share nothing.
/// <code>
/// using var rt = new Runtime(Profile.Py312);
/// using var scope = rt.OpenScope();
/// var task = rt.Call(rt.DefineClass("Task"));
/// task.SetAttr("name", rt.Str("write the talk"));
/// </code>
/// </remarks>
public sealed partial class Runtime : IDisposable
{
    private readonly Lock _gil = new();

    // Every thread's handle table (guarded by itself), and the calling thread's table for the
    // runtime it used last: one thread-static read finds it, where a ThreadLocal costs more
    // and a second read would be needed to know whether the thread holds the lock.
    private readonly List<HandleTable> _tables = [];
    [ThreadStatic]
    private static HandleTable? t_table;
    private readonly HashSet<PersistentHandle> _persistent = [];
    private bool _disposed;

    /// <summary>Creates a runtime reproducing <paramref name="profile"/> (default: py27, the talk's).</summary>
    public Runtime(Profile? profile = null, RuntimeOptions? options = null)
    {
        Profile = profile ?? Profile.Py27;
        Options = options ?? new RuntimeOptions();
        if (Options.HeapLimit <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "HeapLimit must be positive");
        }

        Heap = new Heap(Profile, Options);
        Api = new ObjectApi(Heap);
        Gc = new GcModule(this);
        RuntimeMetrics.Register(this);
    }

    /// <summary>Whose behaviour this runtime reproduces.</summary>
    public Profile Profile { get; }

    /// <summary>The options it was made with.</summary>
    public RuntimeOptions Options { get; }

    /// <summary>The gc module: collection, thresholds, debug flags, garbage, statistics.</summary>
    public GcModule Gc { get; }

    internal Heap Heap { get; }

    internal ObjectApi Api { get; }

    /// <summary>Takes the runtime lock until the returned scope is disposed.</summary>
    public RuntimeLockScope Enter() => new(_gil, ThreadTable());

    /// <summary>The runtime lock for one call (not taken again when this thread holds it), with the thread's handle table.</summary>
    internal CallLock EnterCall() => new(_gil, ThreadTable());

    /// <summary>The calling thread's handle table.</summary>
    private HandleTable ThreadTable()
    {
        var table = t_table;
        return table != null && table.Owner == this ? table : FindThreadTable();
    }

    // A managed thread id can be reused once its thread has ended: the new thread then takes
    // over the old one's table, whose scopes nobody can close any more and whose lock depth is
    // 0 (a thread that ends holding the lock leaves it held, with or without this table).
    private HandleTable FindThreadTable()
    {
        var id = Environment.CurrentManagedThreadId;
        lock (_tables)
        {
            foreach (var table in _tables)
            {
                if (table.ThreadId == id)
                {
                    return t_table = table;
                }
            }

            var made = new HandleTable(this);
            _tables.Add(made);
            return t_table = made;
        }
    }

    /// <summary>Opens a handle scope: handles made until it closes belong to it.</summary>
    public HandleScope OpenScope()
    {
        using var call = EnterCall();
        ThrowIfDisposed();
        return new HandleScope(call.Table, call.Table.Open());
    }

    internal void CloseScope(HandleTable table, long serial)
    {
        using var call = EnterCall();
        if (!_disposed)
        {
            table.Close(serial);
        }
    }

    /// <summary>Keeps the object of <paramref name="handle"/> alive until the returned handle is disposed.</summary>
    public PersistentHandle Persist(Handle handle)
    {
        using var call = EnterCall();
        var p = new PersistentHandle(this, Resolve(handle).NewRef());
        _persistent.Add(p);
        return p;
    }

    internal void Release(PersistentHandle handle)
    {
        using var call = EnterCall();
        if (_persistent.Remove(handle) && !_disposed)
        {
            handle.Detach().DecRef();
        }
    }

    /// <summary>A new handle (in the current scope) for a borrowed object.</summary>
    internal Handle HandleFor(PyRef borrowed)
    {
        using var call = EnterCall();
        ThrowIfDisposed();
        return Own(borrowed.NewRef(), call.Table);
    }

    /// <summary>Makes a handle of an owned reference, or throws the pending Python error when it is null.</summary>
    internal Handle Own(PyRef owned) => Own(owned, ThreadTable());

    /// <summary>Makes a handle in <paramref name="table"/> (the calling thread's) of an owned reference, or throws the pending Python error when it is null.</summary>
    private Handle Own(PyRef owned, HandleTable table)
    {
        if (owned.IsNull)
        {
            throw PendingException();
        }

        var index = table.Add(owned, out var serial);
        return new Handle(table, index, serial);
    }

    /// <summary>The object behind a handle (borrowed).</summary>
    internal PyRef Resolve(Handle handle)
    {
        ThrowIfDisposed();
        var table = handle.Table;
        if (table == null || table.Owner != this)
        {
            ThrowForeign(handle);
        }

        return table.Get(handle.Index, handle.Serial);
    }

    [DoesNotReturn]
    private static void ThrowForeign(Handle handle) =>
        throw new ArgumentException(handle.IsEmpty ? "the handle is empty" : "the handle belongs to another runtime", nameof(handle));

    /// <summary>
    /// The pending Python error as a <see cref="PythonException"/>; the exception instance goes
    /// into a handle of the current thread's innermost scope, if one is open.
    /// </summary>
    internal PythonException PendingException()
    {
        var (typeName, message, exception) = Heap.TakeError();
        var table = ThreadTable();
        if (exception.IsNull || table.OpenScopes == 0)
        {
            exception.XDecRef();
            return new PythonException(typeName, message);
        }

        var index = table.Add(exception, out var serial);
        return new PythonException(typeName, message) { Exception = new Handle(table, index, serial) };
    }

    /// <summary>Whether a handle of this runtime still refers to a live slot (its scope is open).</summary>
    internal bool IsLive(Handle handle) => handle.Table is { } t && t.Owner == this && t.IsLive(handle.Index, handle.Serial);

    private void Check(int status)
    {
        if (status < 0)
        {
            throw PendingException();
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary><c>None</c>.</summary>
    public Handle None
    {
        get
        {
            using var call = EnterCall();
            ThrowIfDisposed();
            return Own(Heap.None, call.Table);
        }
    }

    /// <summary><c>True</c> or <c>False</c>.</summary>
    public Handle Bool(bool value)
    {
        using var call = EnterCall();
        ThrowIfDisposed();
        return Own(Heap.NewBool(value), call.Table);
    }

    /// <summary>An <c>int</c>; -5 to 256 are shared objects made once, as in CPython.</summary>
    public Handle Int(long value)
    {
        using var call = EnterCall();
        ThrowIfDisposed();
        return Own(Heap.NewInt(value), call.Table);
    }

    /// <summary>An arbitrary-precision <c>int</c> (2.7: <c>long</c> when it does not fit a machine int).</summary>
    public Handle Int(BigInteger value)
    {
        using var call = EnterCall();
        ThrowIfDisposed();
        return Own(Heap.NewInt(value), call.Table);
    }

    /// <summary>A <c>float</c>.</summary>
    public Handle Float(double value)
    {
        using var call = EnterCall();
        ThrowIfDisposed();
        return Own(Heap.NewFloat(value), call.Table);
    }

    /// <summary>A <c>str</c>.</summary>
    public Handle Str(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        using var call = EnterCall();
        ThrowIfDisposed();
        return Own(Heap.NewString(value), call.Table);
    }

    /// <summary>A <c>tuple</c> of the given objects.</summary>
    public Handle Tuple(params ReadOnlySpan<Handle> items)
    {
        using var call = EnterCall();
        ThrowIfDisposed();
        Span<PyRef> refs = items.IsEmpty ? default : items.Length <= StackItems ? stackalloc PyRef[StackItems] : new PyRef[items.Length];
        return Own(Heap.NewTuple(ResolveAll(items, refs)), call.Table);
    }

    /// <summary>A <c>list</c> of the given objects.</summary>
    public Handle List(params ReadOnlySpan<Handle> items)
    {
        using var call = EnterCall();
        ThrowIfDisposed();
        Span<PyRef> refs = items.IsEmpty ? default : items.Length <= StackItems ? stackalloc PyRef[StackItems] : new PyRef[items.Length];
        return Own(Heap.NewList(ResolveAll(items, refs)), call.Table);
    }

    /// <summary>An empty <c>dict</c>.</summary>
    public Handle Dict()
    {
        using var call = EnterCall();
        ThrowIfDisposed();
        return Own(Heap.NewDict(), call.Table);
    }

    /// <summary>An empty <c>set</c>.</summary>
    public Handle Set()
    {
        using var call = EnterCall();
        ThrowIfDisposed();
        return Own(Heap.NewEmptySet(), call.Table);
    }

    // Up to this many handles are resolved into a stack buffer rather than a new array.
    private const int StackItems = 8;

    /// <summary>Resolves <paramref name="items"/> into <paramref name="buffer"/> (at least as long); returns the filled part.</summary>
    private ReadOnlySpan<PyRef> ResolveAll(ReadOnlySpan<Handle> items, Span<PyRef> buffer)
    {
        for (var i = 0; i < items.Length; i++)
        {
            buffer[i] = Resolve(items[i]);
        }

        return buffer[..items.Length];
    }

    /// <summary>
    /// Defines a class (<c>type(name, bases, attributes)</c>) in module <paramref name="module"/>.
    /// Attributes may include <c>__slots__</c>, <c>__init__</c> and <c>__del__</c> made with <see cref="Method"/>.
    /// </summary>
    public Handle DefineClass(string name, IReadOnlyDictionary<string, Handle>? attributes = null, ReadOnlySpan<Handle> bases = default, string module = "__main__")
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        using var call = EnterCall();
        ThrowIfDisposed();
        var attrs = new List<KeyValuePair<string, PyRef>>();
        foreach (var (key, value) in attributes ?? new Dictionary<string, Handle>())
        {
            attrs.Add(new(key, Resolve(value)));
        }

        return Own(Api.DefineClass(name, ResolveAll(bases, new PyRef[bases.Length]), attrs, module), call.Table);
    }

    /// <summary>A heap function whose body is a C# delegate.</summary>
    public Handle Function(string name, PythonCallable body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return NewNative(name, (self, args) => body(args), isMethod: false);
    }

    /// <summary>A method for a class: when read through an instance it binds, and <paramref name="body"/> gets the instance.</summary>
    public Handle Method(string name, PythonMethod body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return NewNative(name, (self, args) => body(self, args), isMethod: true);
    }

    private Handle NewNative(string name, PythonMethod body, bool isMethod)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        using var call = EnterCall();
        ThrowIfDisposed();
        return Own(Api.NewFunction(name, NativeBridge.Wrap(this, name, body), isMethod), call.Table);
    }

    /// <summary>The number of live instances of a user class (its instance counter).</summary>
    public long LiveInstances(Handle cls)
    {
        using var call = EnterCall();
        var n = ObjectApi.LiveInstances(Resolve(cls));
        return n >= 0 ? n : throw new ArgumentException("not a user class", nameof(cls));
    }

    /// <summary><c>getattr(o, name)</c>.</summary>
    public Handle GetAttr(Handle o, string name)
    {
        using var call = EnterCall();
        return Own(Api.GetAttr(Resolve(o), name), call.Table);
    }

    /// <summary><c>hasattr(o, name)</c>.</summary>
    public bool HasAttr(Handle o, string name)
    {
        using var call = EnterCall();
        return Found(Api.GetAttr(Resolve(o), name));
    }

    /// <summary>Whether a lookup found something (dropping it); false on AttributeError, which is cleared; throws any other error.</summary>
    private bool Found(PyRef r)
    {
        if (r.IsNull)
        {
            if (Heap.ErrorMatches(Heap.Types.Exceptions.AttributeError))
            {
                Heap.ClearError();
                return false;
            }

            throw PendingException();
        }

        r.DecRef();
        return true;
    }

    /// <summary><c>setattr(o, name, value)</c>.</summary>
    public void SetAttr(Handle o, string name, Handle value)
    {
        using var call = EnterCall();
        Check(Api.SetAttr(Resolve(o), name, Resolve(value)));
    }

    /// <summary><c>delattr(o, name)</c>.</summary>
    public void DelAttr(Handle o, string name)
    {
        using var call = EnterCall();
        Check(Api.SetAttr(Resolve(o), name, PyRef.Null));
    }

    /// <summary><c>o[key]</c>.</summary>
    public Handle GetItem(Handle o, Handle key)
    {
        using var call = EnterCall();
        return Own(Api.GetItem(Resolve(o), Resolve(key)), call.Table);
    }

    /// <summary><c>o[key] = value</c>.</summary>
    public void SetItem(Handle o, Handle key, Handle value)
    {
        using var call = EnterCall();
        Check(Api.SetItem(Resolve(o), Resolve(key), Resolve(value)));
    }

    /// <summary><c>del o[key]</c>.</summary>
    public void DelItem(Handle o, Handle key)
    {
        using var call = EnterCall();
        Check(Api.SetItem(Resolve(o), Resolve(key), PyRef.Null));
    }

    /// <summary><c>list.append(item)</c>.</summary>
    public void Append(Handle list, Handle item)
    {
        using var call = EnterCall();
        Check(Api.Append(Resolve(list), Resolve(item)));
    }

    /// <summary><c>len(o)</c>.</summary>
    public long Length(Handle o)
    {
        using var call = EnterCall();
        var n = Api.Length(Resolve(o));
        return n >= 0 ? n : throw PendingException();
    }

    /// <summary><c>callable(*args)</c>.</summary>
    public Handle Call(Handle callable, params ReadOnlySpan<Handle> args)
    {
        using var call = EnterCall();
        var target = Resolve(callable);
        Span<PyRef> refs = args.IsEmpty ? default : args.Length <= StackItems ? stackalloc PyRef[StackItems] : new PyRef[args.Length];
        return Own(Api.Call(target, ResolveAll(args, refs)), call.Table);
    }

    /// <summary><c>repr(o)</c>.</summary>
    public string Repr(Handle o)
    {
        using var call = EnterCall();
        return Api.Repr(Resolve(o)) ?? throw PendingException();
    }

    /// <summary><c>str(o)</c>.</summary>
    public string Str(Handle o)
    {
        using var call = EnterCall();
        return Api.Str(Resolve(o)) ?? throw PendingException();
    }

    /// <summary>The value of an int (or bool) that fits 64 bits.</summary>
    /// <exception cref="PythonException">TypeError for a non-int, OverflowError when too big.</exception>
    public long ToInt64(Handle o)
    {
        using var call = EnterCall();
        var r = Resolve(o);
        if (Api.TryAsLong(r, out var v))
        {
            return v;
        }

        throw Api.IsInt(r)
            ? new PythonException("OverflowError", "Python int too large to convert to C long")
            : new PythonException("TypeError", $"an integer is required (got type {r.Descriptor.Name})");
    }

    /// <summary>The value of a float (or int) as a double.</summary>
    public double ToDouble(Handle o)
    {
        using var call = EnterCall();
        return Api.TryAsDouble(Resolve(o), out var v) ? v : throw PendingException();
    }

    /// <summary>The text of a str.</summary>
    /// <exception cref="PythonException">TypeError when the object is not a str.</exception>
    public string ToText(Handle o)
    {
        using var call = EnterCall();
        var r = Resolve(o);
        return Api.AsString(r) ?? throw new PythonException("TypeError", $"expected str, got {r.Descriptor.Name}");
    }

    /// <summary>Whether both handles refer to the same object.</summary>
    public bool Is(Handle a, Handle b)
    {
        using var call = EnterCall();
        return Resolve(a) == Resolve(b);
    }

    /// <summary><c>a == b</c>.</summary>
    public bool AreEqual(Handle a, Handle b)
    {
        using var call = EnterCall();
        var r = Api.RichCompareBool(Resolve(a), Resolve(b), CompareOp.Eq);
        return r >= 0 ? r == 1 : throw PendingException();
    }

    internal nint IdOf(Handle o)
    {
        using var call = EnterCall();
        return Resolve(o).Address;
    }

    internal string TypeNameOf(Handle o)
    {
        using var call = EnterCall();
        return Resolve(o).Descriptor.QualifiedName;
    }

    /// <summary>The current reference count of an object (for teaching and tests; the handle itself holds one).</summary>
    public long RefCount(Handle o)
    {
        using var call = EnterCall();
        return Resolve(o).RefCount;
    }

    /// <summary>Live objects by type and the heap's bytes (see <see cref="Census"/>).</summary>
    public Census TakeCensus()
    {
        using var call = EnterCall();
        ThrowIfDisposed();
        return CensusTaker.Take(Heap);
    }

    /// <summary>The allocator's statistics, as <c>sys._debugmallocstats()</c>.</summary>
    public MemoryStats MemoryStats
    {
        get
        {
            using var call = EnterCall();
            ThrowIfDisposed();
            return Heap.Allocator.GetStats();
        }
    }

    /// <summary>Frees every object still referenced from C# and returns all memory to the OS.</summary>
    /// <exception cref="InvalidOperationException">Called from inside a C# callable the runtime is running (a callback, __del__, a method).</exception>
    public void Dispose()
    {
        using var call = EnterCall();
        if (_disposed)
        {
            return;
        }

        if (Heap.NativeCallDepth > 0 || Heap.Gc.IsCollecting)
        {
            throw new InvalidOperationException("a runtime cannot be disposed from inside a call it is running");
        }

        // weakref.finalize's atexit hook: live finalizers run while every object is still alive.
        RunAtExitFinalizers();

        foreach (var table in _tables)
        {
            table.ReleaseAll();
        }

        foreach (var p in _persistent)
        {
            p.Detach().DecRef();
        }

        _persistent.Clear();
        Heap.Gc.ReleaseLists();
        _disposed = true;
        RuntimeMetrics.Unregister(this);
        foreach (var table in _tables)
        {
            table.Dispose();
        }

        // Other threads' t_table may still name this runtime until they use another: managed memory only.
        if (t_table?.Owner == this)
        {
            t_table = null;
        }
        Heap.Dispose();
    }
}
