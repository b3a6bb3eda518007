using System.Runtime.InteropServices;
using Refheap.Objects;
using Refheap.Objects.Native.Function;
using Refheap.Objects.Native.Methods;
using Refheap.Objects.Native.List;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Weak;

/// <summary>
/// What WeakValueDictionary, WeakKeyDictionary and WeakSet share, as Lib/weakref.py and
/// Lib/_weakrefset.py build them: the data (a dict or set holding weak references), one
/// removal callback that those weak references call when their referent dies, and the
/// pending removals of CPython's <c>_IterationGuard</c>.
/// </summary>
/// <remarks>
/// <para>
/// The removal callback is a function bound to a weak reference to the container (CPython's
/// <c>remove(wr, selfref=ref(self))</c>): every weak reference in the data owns the callback,
/// the callback only weakly references the container, so the container, its data and its
/// callbacks never form a cycle, and once the container died the callback does nothing.
/// </para>
/// <para>
/// Iteration guard: while a generator of the container runs (<see cref="WeakIteratorType"/>),
/// <c>Iterating</c> is non-zero and the callback appends to the pending removals instead of
/// mutating the data under the generator's feet; when the last generator finishes, the pending
/// removals are committed. CPython also commits them at the start of most operations — even
/// while iterating, which then makes the running generator fail with "dictionary changed size
/// during iteration", as it does here.
/// </para>
/// </remarks>
internal abstract unsafe class WeakContainerType : TypeDescriptor
{
    private static readonly NativeCallable s_removeBody = RemoveBody;

    private readonly string _module;
    private bool _methodsInstalled;
    private PyObject* _removeTemplate;

    /// <summary>Creates the descriptor of a class defined in Python module <paramref name="module"/>.</summary>
    protected WeakContainerType(Heap heap, string name, string module)
        : base(heap, name)
    {
        _module = module;
        Behaviour = WeakModuleBehaviour.For(heap.Profile);
    }

    /// <summary>A method implemented in C#: <paramref name="self"/> is the container; <paramref name="args"/> as bound by its <see cref="MethodSignature"/> (borrowed; null for a defaulted parameter).</summary>
    protected delegate PyRef MethodBody(PyObject* self, PyObject*[] args);

    /// <summary>How the profile's weakref module behaves.</summary>
    public WeakModuleBehaviour Behaviour { get; }

    /// <inheritdoc/>
    public override string QualifiedName => _module + "." + Name;

    /// <inheritdoc/>
    public override bool IsGc => true;

    // Computed once: Marshal.OffsetOf is reflection, far too slow for every dealloc that asks.
    private static readonly int s_weakListOffset = (int)Marshal.OffsetOf<PyWeakContainerObject>(nameof(PyWeakContainerObject.WeakList));

    /// <inheritdoc/>
    public override int WeakListOffset => s_weakListOffset;

    /// <summary>The kind of generator <c>iter(container)</c> gives.</summary>
    public abstract WeakIterationKind DefaultIteration { get; }

    /// <inheritdoc/>
    public override PyRef Iter(PyObject* self) => Heap.Types.WeakContainers.Iterator.New(self, DefaultIteration);

    /// <summary>The removal callback's name in CPython's source (<c>remove</c> or <c>_remove</c>).</summary>
    protected abstract string RemoveName { get; }

    /// <summary>Whether the data is a set (WeakSet) rather than a dict.</summary>
    public abstract bool DataIsSet { get; }

    /// <summary>The methods the class defines, for its type dict.</summary>
    protected abstract List<(MethodSignature Signature, MethodBody Body)> Methods();

    /// <summary>A new empty data object (<c>self.data</c>).</summary>
    protected abstract PyRef NewData();

    /// <summary>
    /// The removal callback's work for a weak reference <paramref name="wr"/> (borrowed) whose
    /// referent died, the container being alive: defer it while iterating, else remove the
    /// entry. 0, or -1 with the error set.
    /// </summary>
    protected abstract int OnReferentDied(PyObject* self, PyObject* wr);

    /// <summary>Commits the pending removals (the list is not empty); 0 or -1.</summary>
    protected abstract int CommitPendingRemovals(PyObject* self);

    /// <summary><c>self.data</c>, borrowed; null once the collector cleared the container.</summary>
    public static PyObject* Data(PyObject* self) => ((PyWeakContainerObject*)self)->Data;

    /// <summary><c>self._remove</c>, borrowed.</summary>
    protected static PyObject* RemoveCallback(PyObject* self) => ((PyWeakContainerObject*)self)->Remove;

    /// <summary>Whether removals are being deferred (<c>self._iterating</c> is not empty).</summary>
    protected static bool IsIterating(PyObject* self) => ((PyWeakContainerObject*)self)->Iterating > 0;

    /// <summary><c>len(self._pending_removals)</c>.</summary>
    protected static nint PendingCount(PyObject* self)
    {
        var pending = ((PyWeakContainerObject*)self)->PendingRemovals;
        return pending == null ? 0 : ListType.Size(pending);
    }

    /// <summary>A new container: a new reference, or null with MemoryError set.</summary>
    public PyRef New()
    {
        if (!EnsureMethods())
        {
            return PyRef.Null;
        }

        var o = Heap.AllocObject(this, (nuint)sizeof(PyWeakContainerObject));
        if (o == null)
        {
            return PyRef.Null;
        }

        var c = (PyWeakContainerObject*)o;
        var data = NewData();
        var pending = data.IsNull ? PyRef.Null : Heap.NewList();
        var selfRef = pending.IsNull ? PyRef.Null : Heap.NewWeakReference(o, null);
        var remove = selfRef.IsNull ? PyRef.Null : Heap.Types.NativeFunction.DescriptorGet(_removeTemplate, selfRef.Ptr, null);
        selfRef.XDecRef();
        c->Data = data.Ptr;
        c->PendingRemovals = pending.Ptr;
        c->Remove = remove.Ptr;
        if (remove.IsNull)
        {
            Heap.DecRef(o);
            return PyRef.Null;
        }

        Heap.Gc.Track(o);
        return new PyRef(o);
    }

    private bool EnsureMethods()
    {
        if (_methodsInstalled)
        {
            return true;
        }

        _removeTemplate = TypeDictMethods.MakeImmortalFunction(Heap, RemoveName, s_removeBody, isMethod: true);
        if (_removeTemplate == null)
        {
            return false;
        }

        var methods = Methods().Select(m => (m.Signature.Name, Wrap(m.Signature, m.Body))).ToList();
        _methodsInstalled = TypeDictMethods.Install(this, methods);
        return _methodsInstalled;
    }

    private NativeCallable Wrap(MethodSignature signature, MethodBody body) =>
        (heap, self, args, kwargs) =>
        {
            if (self == null || !Heap.IsInstance(self, this))
            {
                return heap.RaiseTypeError($"descriptor '{signature.Name}' requires a '{Name}' object");
            }

            if (!signature.TryBind(heap, args, kwargs, out var bound) || IsCleared(self))
            {
                return PyRef.Null;
            }

            return body(self, bound);
        };

    /// <summary>
    /// The removal callback (CPython's <c>remove(wr, selfref=ref(self))</c>): bound to a weak
    /// reference to the container, called with the dead weak reference.
    /// </summary>
    private static PyRef RemoveBody(Heap heap, PyObject* selfRef, PyObject* args, PyObject* kwargs)
    {
        if (TupleType.Size(args) != 1 || (kwargs != null && heap.Types.Dict.Count(kwargs) != 0))
        {
            return heap.RaiseTypeError("remove() takes exactly one argument");
        }

        var container = selfRef == null ? null : WeakReferenceType.Referent(selfRef);
        if (container == null || Data(container) == null)
        {
            return heap.None;
        }

        // self = selfref(): a strong reference for the duration of the call.
        Heap.IncRef(container);
        var status = ((WeakContainerType)container->Type->Descriptor).OnReferentDied(container, TupleType.Item(args, 0));
        Heap.DecRef(container);
        return status < 0 ? PyRef.Null : heap.None;
    }

    /// <summary><c>if self._pending_removals: self._commit_removals()</c>; 0 or -1.</summary>
    public int CommitRemovals(PyObject* self) => PendingCount(self) > 0 ? CommitPendingRemovals(self) : 0;

    /// <summary><c>_IterationGuard.__enter__</c>: removals are deferred until the matching <see cref="LeaveGuard"/>.</summary>
    public static void EnterGuard(PyObject* self) => ((PyWeakContainerObject*)self)->Iterating++;

    /// <summary><c>_IterationGuard.__exit__</c>: when no guard is left, the pending removals are committed. 0 or -1.</summary>
    public int LeaveGuard(PyObject* self)
    {
        var c = (PyWeakContainerObject*)self;
        if (--c->Iterating > 0 || c->Data == null)
        {
            return 0;
        }

        return CommitRemovals(self);
    }

    /// <summary><c>self._pending_removals.append(item)</c>; 0 or -1.</summary>
    protected int AppendPending(PyObject* self, PyObject* item) =>
        Heap.Types.List.Append(((PyWeakContainerObject*)self)->PendingRemovals, item);

    /// <summary><c>self._pending_removals.pop()</c>: the last one, a new reference, or null when empty.</summary>
    protected PyRef PopPending(PyObject* self)
    {
        var pending = ((PyWeakContainerObject*)self)->PendingRemovals;
        var n = pending == null ? 0 : ListType.Size(pending);
        if (n == 0)
        {
            return PyRef.Null;
        }

        var item = ListType.Items(pending)[n - 1];
        ListType.Items(pending)[n - 1] = null;

        // Shrinking keeps the items below n - 1; it fails only if the allocator cannot shrink, when the size stays as it was.
        if (Heap.Types.List.Resize(pending, n - 1) < 0)
        {
            Heap.ClearError();
            ((PyVarObject*)pending)->Size = n - 1;
        }

        return new PyRef(item);
    }

    /// <summary>Keeps only the pending removals for which <paramref name="keep"/> says 1; 0, or -1 when it fails.</summary>
    protected int FilterPending(PyObject* self, Func<nint, int> keep)
    {
        var pending = ((PyWeakContainerObject*)self)->PendingRemovals;
        var kept = Heap.NewList();
        if (kept.IsNull)
        {
            return -1;
        }

        for (nint i = 0; i < ListType.Size(pending); i++)
        {
            var item = ListType.Items(pending)[i];
            var r = keep((nint)item);
            if (r < 0 || (r == 1 && Heap.Types.List.Append(kept.Ptr, item) < 0))
            {
                kept.DecRef();
                return -1;
            }
        }

        Heap.SetRef(ref ((PyWeakContainerObject*)self)->PendingRemovals, kept.Ptr);
        return 0;
    }

    /// <summary>Whether the collector cleared the container; raises AttributeError for <c>self.data</c> if so.</summary>
    protected bool IsCleared(PyObject* self)
    {
        if (Data(self) != null)
        {
            return false;
        }

        Heap.Raise(Heap.Types.Exceptions.AttributeError, $"'{Name}' object has no attribute 'data'");
        return true;
    }

    /// <summary>A generator of <paramref name="kind"/> over the container: a new reference.</summary>
    protected PyRef NewIterator(PyObject* self, WeakIterationKind kind) => Heap.Types.WeakContainers.Iterator.New(self, kind);

    /// <summary><c>ref(o)</c>: the shared callback-less weak reference, new, or null with TypeError.</summary>
    protected PyRef WeakRefTo(PyObject* o) => Heap.NewWeakReference(o, null);

    /// <summary><c>ref(o, self._remove)</c>: new, or null with TypeError.</summary>
    protected PyRef WeakRefWithRemoval(PyObject* self, PyObject* o) => Heap.NewWeakReference(o, RemoveCallback(self));

    /// <summary><c>ref(o)</c> for a membership test: null with no error when <paramref name="o"/> cannot be weakly referenced (<c>except TypeError: return False</c>).</summary>
    protected PyRef WeakRefOrNothing(PyObject* o)
    {
        var wr = WeakRefTo(o);
        if (wr.IsNull && Heap.ErrorMatches(Heap.Types.Exceptions.TypeError))
        {
            Heap.ClearError();
        }

        return wr;
    }

    /// <summary>A list of the data's entries as <paramref name="select"/> maps them (new references, or null to leave one out).</summary>
    protected PyRef ListOf(PyObject* self, DictEntrySelector select)
    {
        var data = Data(self);
        var list = Heap.NewList();
        if (list.IsNull)
        {
            return list;
        }

        nint pos = 0;
        while (Heap.Types.Dict.Next(data, ref pos, out var key, out var value))
        {
            var item = select(key, value);
            if (item.IsNull)
            {
                if (Heap.ErrorOccurred)
                {
                    list.DecRef();
                    return PyRef.Null;
                }

                continue;
            }

            var r = Heap.Types.List.Append(list.Ptr, item.Ptr);
            item.DecRef();
            if (r < 0)
            {
                list.DecRef();
                return PyRef.Null;
            }
        }

        return list;
    }

    /// <summary>Maps a dict entry (borrowed key and value) to a list item: a new reference, or null to skip it (or on error).</summary>
    protected delegate PyRef DictEntrySelector(PyObject* key, PyObject* value);

    /// <summary>The referent of a weak reference as a new reference, or null when it died.</summary>
    protected static PyRef Deref(PyObject* wr)
    {
        var o = WeakReferenceType.Referent(wr);
        return o == null ? PyRef.Null : new PyRef(o).NewRef();
    }

    /// <summary><c>repr()</c> of the mappings: 2.7 <c>&lt;WeakValueDictionary at 140...&gt;</c> (id in decimal), 3.x <c>&lt;WeakValueDictionary at 0x7f...&gt;</c>.</summary>
    protected PyRef MappingRepr(PyObject* self) =>
        Heap.NewString(Behaviour.ClassicMappings ? $"<{Name} at {(nint)self}>" : $"<{Name} at 0x{(nint)self:x}>");

    /// <summary>
    /// Attribute lookup; for 2.7's UserDict-based mappings (old-style instances) a missing
    /// attribute reads "WeakValueDictionary instance has no attribute 'a'".
    /// </summary>
    protected PyRef ClassicGetAttr(PyObject* self, PyObject* name)
    {
        var r = Heap.GenericGetAttr(self, name);
        if (r.IsNull && Behaviour.ClassicMappings && Heap.ErrorMatches(Heap.Types.Exceptions.AttributeError))
        {
            Heap.ClearError();
            Heap.Raise(Heap.Types.Exceptions.AttributeError, $"{Name} instance has no attribute '{Objects.Native.Str.StrType.AsString(name)}'");
        }

        return r;
    }

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)sizeof(PyWeakContainerObject);

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        Heap.Gc.Untrack(self);
        Heap.ClearWeakReferences(self);
        Clear(self);
        Heap.FreeObject(self, this, SizeOf(self));
    }

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var c = (PyWeakContainerObject*)self;
        int r;
        if (c->Data != null && (r = visit(c->Data, arg)) != 0)
        {
            return r;
        }

        if (c->Remove != null && (r = visit(c->Remove, arg)) != 0)
        {
            return r;
        }

        return c->PendingRemovals != null ? visit(c->PendingRemovals, arg) : 0;
    }

    /// <inheritdoc/>
    public override void Clear(PyObject* self)
    {
        var c = (PyWeakContainerObject*)self;
        Heap.ClearRef(ref c->Data);
        Heap.ClearRef(ref c->Remove);
        Heap.ClearRef(ref c->PendingRemovals);
    }

    /// <inheritdoc/>
    public override long Hash(PyObject* self)
    {
        Heap.RaiseTypeError($"unhashable type: '{Name}'");
        return -1;
    }

    /// <inheritdoc/>
    public override int IsTrue(PyObject* self)
    {
        var n = Length(self);
        return n < 0 ? -1 : n != 0 ? 1 : 0;
    }

    /// <inheritdoc/>
    /// <remarks>Calling the class: an empty container, filled from one optional argument through its <c>update</c> (dicts) or <c>add</c> (WeakSet).</remarks>
    public override PyRef Construct(PyObject* args, PyObject* kwargs)
    {
        var n = Objects.Native.Tuple.TupleType.Size(args);
        if (n > 1 || (kwargs != null && Heap.Types.Dict.Count(kwargs) > 0))
        {
            return Heap.Raise(Heap.Types.Exceptions.NotImplementedError, $"Refheap does not support {Name}() with these arguments");
        }

        var container = New();
        if (container.IsNull || n == 0)
        {
            return container;
        }

        var source = Objects.Native.Tuple.TupleType.Item(args, 0);
        var update = Heap.GetAttr(container.Ptr, "update");
        if (!update.IsNull)
        {
            var r = Heap.Call(update.Ptr, args, null);
            update.DecRef();
            r.XDecRef();
            if (r.IsNull)
            {
                container.DecRef();
                return PyRef.Null;
            }

            return container;
        }

        Heap.ClearError();
        var add = Heap.GetAttr(container.Ptr, "add");
        var status = add.IsNull ? -1 : Heap.ForEach(source, item =>
        {
            var one = Heap.NewTuple(new PyRef((PyObject*)item));
            var r = one.IsNull ? PyRef.Null : Heap.Call(add.Ptr, one.Ptr, null);
            one.XDecRef();
            r.XDecRef();
            return r.IsNull ? -1 : 0;
        });
        add.XDecRef();
        if (status < 0)
        {
            container.DecRef();
            return PyRef.Null;
        }

        return container;
    }
}
