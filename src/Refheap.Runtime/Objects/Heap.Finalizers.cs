using System.Runtime.InteropServices;
using Refheap.Objects.Native.Descriptor;
using Refheap.Objects.Native.Instance;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects;

internal sealed unsafe partial class Heap
{
    /// <summary>Whether instances of the type have a <c>__del__</c>.</summary>
    public static bool HasFinalizer(PyTypeObject* type) => (type->Flags & TypeFlags.HasFinalizer) != 0;

    /// <summary>
    /// Runs <c>__del__</c> from deallocation (PyObject_CallFinalizerFromDealloc). The object is
    /// tracked again and given a temporary reference for the call; true when the finalizer
    /// resurrected it (stored a reference somewhere), in which case the caller stops
    /// deallocating. In 3.12 an object is finalized at most once (PEP 442).
    /// </summary>
    public bool RunFinalizerFromDealloc(PyObject* self)
    {
        // A 2.7 instance without fields has no GC header: nothing to track or mark.
        var collectable = global::Refheap.Gc.Collector.IsGcObject(self);
        if (!Profile.LegacyFinalizers && collectable && global::Refheap.Gc.Collector.IsFinalized(self))
        {
            return false;
        }

        self->RefCount = 1;
        if (collectable)
        {
            Gc.Track(self);
            if (!Profile.LegacyFinalizers)
            {
                global::Refheap.Gc.Collector.SetFinalized(self);
            }
        }

        CallFinalizer(self);
        if (--self->RefCount != 0)
        {
            return true;
        }

        if (collectable)
        {
            Gc.Untrack(self);
        }

        return false;
    }

    /// <summary>
    /// Set when a 2.7 program has ended and its modules are cleared: CPython 2.7 collects
    /// nothing after that, so what is left (the cycles of class definitions, say) is never
    /// finalized there; Refheap frees it without running <c>__del__</c> or weak reference
    /// callbacks, so that no output follows what CPython prints.
    /// </summary>
    public bool FinalizersSilenced { get; set; }

    /// <summary>Calls <c>__del__</c>; an exception it raises is reported as unraisable, never propagated.</summary>
    public void CallFinalizer(PyObject* self)
    {
        if (FinalizersSilenced)
        {
            return;
        }

        if (self->Type->Descriptor is Native.Generator.GeneratorType generator)
        {
            generator.Finalize(self);
            return;
        }

        var saved = FetchError();
        if (TryCallSpecial(self, "__del__", out var result))
        {
            if (result.IsNull)
            {
                WriteUnraisable(self, "__del__");
            }
            else
            {
                result.DecRef();
            }
        }

        RestoreError(saved);
    }

    /// <summary>Reports the pending exception as CPython's "Exception ignored in" does, then clears it.</summary>
    public void WriteUnraisable(PyObject* context, string what)
    {
        var e = FetchError();
        if (e.IsNull)
        {
            return;
        }

        // 3.x names the function (<function C.__del__ at 0x...>); 2.7 the bound method.
        var name = context == null || Profile.IntPromotesToLong ? PyRef.Null : InternString(what);
        var function = name.IsNull || context->Type->Mro == null ? null : TypeType.Lookup(context->Type, name.Ptr);
        WriteUnraisable(e, context == null ? what
            : function != null ? ReprString(function)
            : $"<bound method {(context->Type->Descriptor is Native.Classic.ClassicInstanceType ? Native.Classic.ClassicInstanceType.ClassName(context) : context->Type->Descriptor.Name)}.{what} of {ReprString(context)}>");
    }

    /// <summary>Reports the pending exception as raised in <paramref name="callable"/> (a weakref callback, a gc callback), then clears it.</summary>
    public void WriteUnraisableIn(PyObject* callable)
    {
        var e = FetchError();
        if (!e.IsNull)
        {
            WriteUnraisable(e, ReprString(callable));
        }
    }

    /// <summary>
    /// 3.x: formats an unraisable exception (borrowed) as an uncaught one is printed — its
    /// traceback, then its last line — which the front end knows how to do (source lines,
    /// markers); null prints only the header and the last line.
    /// </summary>
    public Func<PyRef, string>? UnraisableTraceback { get; set; }

    /// <summary>Prints an exception taken out of the indicator (stolen) as CPython's PyErr_WriteUnraisable does.</summary>
    private void WriteUnraisable(PyRef e, string contextText)
    {
        var message = Native.Exceptions.ExceptionType.MessageOf(this, e.Ptr);
        var typeName = e.Descriptor.Name;
        if (Profile.IntPromotesToLong)
        {
            // 2.7's PyErr_WriteUnraisable prints the exception's repr: ValueError('boom',).
            UnraisableWriter.WriteLine($"Exception {typeName}: {ReprString(e.Ptr)} in {contextText} ignored");
        }
        else
        {
            UnraisableWriter.WriteLine($"Exception ignored in: {contextText}");
            if (UnraisableTraceback is { } format)
            {
                UnraisableWriter.Write(format(e));
            }
            else
            {
                UnraisableWriter.WriteLine("Traceback (most recent call last):");
                UnraisableWriter.WriteLine(message.Length == 0 ? typeName : $"{typeName}: {message}");
            }
        }

        e.DecRef();
    }

    /// <summary>
    /// Clears the weak references to an object that is being deallocated and runs their
    /// callbacks (Weak/); until an object has a weak reference its list slot is null.
    /// </summary>
    public void ClearWeakReferences(PyObject* self)
    {
        var offset = self->Type->Descriptor.WeakListOffset;
        if (offset == 0)
        {
            return;
        }

        ClearWeakList(self, (PyObject**)((byte*)self + offset));
    }

    /// <summary>Clears the weak-reference list at <paramref name="list"/> of a dying object (no-op when empty).</summary>
    public void ClearWeakList(PyObject* self, PyObject** list)
    {
        if (*list != null)
        {
            Weak.WeakReferenceLists.ClearAll(this, list);
        }
    }
}
