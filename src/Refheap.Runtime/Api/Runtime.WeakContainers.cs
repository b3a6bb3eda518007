using Refheap.Objects;

namespace Refheap;

public sealed partial class Runtime
{
    /// <summary>
    /// <c>weakref.WeakValueDictionary()</c>: a mapping that holds its values weakly; an entry
    /// goes when its value dies. Items through <see cref="GetItem"/>, <see cref="SetItem"/>,
    /// <see cref="DelItem"/>, <see cref="Length"/>; <c>get</c>, <c>pop</c>, <c>setdefault</c>,
    /// <c>keys</c>, <c>values</c>, <c>items</c>, <c>valuerefs</c>, <c>__contains__</c>,
    /// <c>__iter__</c>... through <see cref="GetAttr(Handle, string)"/> (docs/api.md, "Weak references").
    /// </summary>
    public Handle WeakValueDictionary()
    {
        using var call = EnterCall();
        ThrowIfDisposed();
        return Own(Heap.NewWeakValueDictionary(), call.Table);
    }

    /// <summary>
    /// <c>weakref.WeakKeyDictionary()</c>: a mapping that holds its keys weakly; an entry goes
    /// when its key dies. Same access as <see cref="WeakValueDictionary"/> (<c>keyrefs</c> for
    /// the weak references to the keys).
    /// </summary>
    public Handle WeakKeyDictionary()
    {
        using var call = EnterCall();
        ThrowIfDisposed();
        return Own(Heap.NewWeakKeyDictionary(), call.Table);
    }

    /// <summary>
    /// <c>weakref.WeakSet()</c>: a set that holds its items weakly; an item goes when it dies.
    /// <see cref="Length"/>; <c>add</c>, <c>discard</c>, <c>remove</c>, <c>__contains__</c>,
    /// <c>__iter__</c>, <c>clear</c> through <see cref="GetAttr(Handle, string)"/>.
    /// </summary>
    public Handle WeakSet()
    {
        using var call = EnterCall();
        ThrowIfDisposed();
        return Own(Heap.NewWeakSet(), call.Table);
    }

    /// <summary>
    /// <c>weakref.finalize(obj, func, *args)</c>: calls <c>func(*args)</c> once — when
    /// <paramref name="obj"/> dies, when the finalizer is called, or when the runtime is
    /// disposed (if its <c>atexit</c> is still true) — unless it was detached. The runtime keeps
    /// it alive until then. Attributes <c>alive</c>, <c>atexit</c> (settable); methods
    /// <c>detach()</c>, <c>peek()</c>; calling it runs func and returns its result (None after).
    /// </summary>
    /// <exception cref="PythonException">
    /// TypeError when <paramref name="obj"/> cannot be weakly referenced; on py27, AttributeError
    /// (<c>'module' object has no attribute 'finalize'</c>): 2.7 has no weakref.finalize.
    /// </exception>
    public Handle Finalize(Handle obj, Handle func, params ReadOnlySpan<Handle> args)
    {
        using var call = EnterCall();
        var target = Resolve(obj);
        var callable = Resolve(func);
        var tuple = Heap.NewTuple(ResolveAll(args, new PyRef[args.Length]));
        if (tuple.IsNull)
        {
            throw PendingException();
        }

        try
        {
            return Own(Heap.NewFinalizer(target, callable, tuple), call.Table);
        }
        finally
        {
            tuple.DecRef();
        }
    }

    /// <summary>
    /// Runs the live finalizers whose <c>atexit</c> is true, newest first, as CPython does at
    /// interpreter shutdown (<c>weakref.finalize._exitfunc</c>); afterwards no finalizer calls
    /// its function. <see cref="Dispose"/> should call it first, while every object still lives.
    /// </summary>
    internal void RunAtExitFinalizers()
    {
        using var call = EnterCall();
        ThrowIfDisposed();
        Heap.RunAtExitFinalizers();
    }
}
