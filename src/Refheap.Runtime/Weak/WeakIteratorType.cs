using Refheap.Objects;
using Refheap.Objects.Native.Function;
using Refheap.Objects.Native.Methods;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Weak;

/// <summary>
/// The generators of the weak containers (<c>WeakSet.__iter__</c>, <c>WeakValueDictionary.keys</c>,
/// 2.7's <c>iterkeys</c>...): CPython writes them as Python generators whose body is
/// <c>with _IterationGuard(self): for wr in self.data: ... yield ...</c>; this type runs the
/// same steps.
/// </summary>
/// <remarks>
/// <para>
/// States (<see cref="PyWeakIteratorObject.State"/>):
/// <code>
///  NotStarted ──first next()──► Suspended ◄──next()──► Executing
///      │                           │  data exhausted, an error, close() or dealloc
///      └──────── close(), dealloc ─┴──────────────────────► Finished
/// </code>
/// The first step runs the prologue (WeakValueDictionary's generators commit pending removals)
/// and enters the container's iteration guard; finishing leaves it, which commits the removals
/// deferred meanwhile, and only then drops the frame's locals and the container — so an item
/// kept alive by the suspended generator dies after the guard is gone and is removed at once.
/// </para>
/// <para>
/// Each step checks the data's size as CPython's dict and set iterators do: a change raises
/// RuntimeError ("dictionary changed size during iteration", "Set changed size during
/// iteration") and finishes the generator.
/// </para>
/// </remarks>
internal sealed unsafe class WeakIteratorType : TypeDescriptor
{
    private const int NotStarted = 0;
    private const int Suspended = 1;
    private const int Executing = 2;
    private const int Finished = 3;

    private readonly WeakModuleBehaviour _behaviour;
    private bool _methodsInstalled;

    /// <summary>Creates the descriptor.</summary>
    public WeakIteratorType(Heap heap)
        : base(heap, "generator") => _behaviour = WeakModuleBehaviour.For(heap.Profile);

    /// <inheritdoc/>
    public override bool IsGc => true;

    /// <inheritdoc/>
    public override bool IsIterator(PyObject* self) => true;

    /// <inheritdoc/>
    public override PyRef Iter(PyObject* self) => new PyRef(self).NewRef();

    /// <inheritdoc/>
    public override PyRef IterNext(PyObject* self) => Next(self);

    /// <summary>A new, not yet started generator of <paramref name="kind"/> over <paramref name="container"/> (borrowed): a new reference.</summary>
    public PyRef New(PyObject* container, WeakIterationKind kind)
    {
        if (!EnsureMethods())
        {
            return PyRef.Null;
        }

        var o = Heap.AllocObject(this, (nuint)sizeof(PyWeakIteratorObject));
        if (o == null)
        {
            return PyRef.Null;
        }

        var it = (PyWeakIteratorObject*)o;
        Heap.IncRef(container);
        it->Container = container;
        it->Kind = (int)kind;
        it->State = NotStarted;
        Heap.Gc.Track(o);
        return new PyRef(o);
    }

    private bool EnsureMethods()
    {
        if (!_methodsInstalled)
        {
            _methodsInstalled = TypeDictMethods.Install(this,
            [
                (_behaviour.GeneratorNextName, NextMethod),
                ("__iter__", IterMethod),
                ("close", CloseMethod),
            ]);
        }

        return _methodsInstalled;
    }

    /// <summary>
    /// One step (the iterator protocol's tp_iternext): the next item as a new reference; null
    /// with no error set when exhausted, null with the error set when the step failed.
    /// </summary>
    public PyRef Next(PyObject* self)
    {
        var it = (PyWeakIteratorObject*)self;
        switch (it->State)
        {
            case Finished:
                return PyRef.Null;
            case Executing:
                return Heap.RaiseValueError("generator already executing");
        }

        // The step may run code that drops the last outside reference to the generator.
        Heap.IncRef(self);
        try
        {
            var container = it->Container;
            var type = (WeakContainerType)container->Type->Descriptor;
            if (it->State == NotStarted && !Start(it, type))
            {
                return PyRef.Null;
            }

            it->State = Executing;
            var result = Step(it, type);
            if (it->State == Executing)
            {
                it->State = Suspended;
            }

            return result;
        }
        finally
        {
            Heap.DecRef(self);
        }
    }

    /// <summary>The generator body up to its loop: the prologue, then <c>with _IterationGuard(self)</c>. False with the error set (and the generator finished).</summary>
    private bool Start(PyWeakIteratorObject* it, WeakContainerType type)
    {
        var container = it->Container;
        var data = WeakContainerType.Data(container);
        var commitsFirst = (WeakIterationKind)it->Kind is WeakIterationKind.ValueKeys or WeakIterationKind.ValueValues
            or WeakIterationKind.ValueItems or WeakIterationKind.ValueRefs;
        if (data == null || (commitsFirst && type.CommitRemovals(container) < 0))
        {
            if (data == null)
            {
                Heap.Raise(Heap.Types.Exceptions.AttributeError, $"'{type.Name}' object has no attribute 'data'");
            }

            it->State = Finished;
            ReleaseFrame(it);
            return false;
        }

        WeakContainerType.EnterGuard(container);
        it->State = Suspended;
        it->ExpectedSize = type.DataIsSet ? Heap.Types.Set.Count(data) : Heap.Types.Dict.Count(data);
        it->Remaining = it->ExpectedSize;
        it->Position = 0;
        return true;
    }

    /// <summary>Runs the loop until it yields (a new reference) or ends (null; the error set if it failed).</summary>
    private PyRef Step(PyWeakIteratorObject* it, WeakContainerType type)
    {
        while (true)
        {
            var data = WeakContainerType.Data(it->Container);
            if (data == null)
            {
                Heap.Raise(Heap.Types.Exceptions.AttributeError, $"'{type.Name}' object has no attribute 'data'");
                return FinishWithError(it);
            }

            var isSet = type.DataIsSet;
            var size = isSet ? Heap.Types.Set.Count(data) : Heap.Types.Dict.Count(data);
            if (size != it->ExpectedSize)
            {
                it->ExpectedSize = -1;
                Heap.Raise(Heap.Types.Exceptions.RuntimeError, isSet ? "Set changed size during iteration" : "dictionary changed size during iteration");
                return FinishWithError(it);
            }

            PyObject* key;
            PyObject* value = null;
            var more = isSet ? Heap.Types.Set.Next(data, ref it->Position, out key) : Heap.Types.Dict.Next(data, ref it->Position, out key, out value);
            if (!more)
            {
                // Exhausted: null, with the error set only if committing the deferred removals failed.
                Finish(it);
                return PyRef.Null;
            }

            if (!isSet)
            {
                if (it->Remaining <= 0 && _behaviour.DictIteratorChecksKeysChanged)
                {
                    Heap.Raise(Heap.Types.Exceptions.RuntimeError, "dictionary keys changed during iteration");
                    return FinishWithError(it);
                }

                it->Remaining--;
            }

            var result = Produce(it, (WeakIterationKind)it->Kind, key, value);
            if (!result.IsNull || Heap.ErrorOccurred)
            {
                return Heap.ErrorOccurred ? FinishWithError(it) : result;
            }
        }
    }

    /// <summary>
    /// The loop body for one entry (borrowed key and value; for a set, the key is the weak
    /// reference): sets the frame's locals and gives what it yields, or null to go on.
    /// </summary>
    private PyRef Produce(PyWeakIteratorObject* it, WeakIterationKind kind, PyObject* key, PyObject* value)
    {
        switch (kind)
        {
            case WeakIterationKind.ValueKeys:
                // 3.x: for k, wr in data.items(): if wr() is not None: yield k. 2.7: for k in data: yield k.
                if (_behaviour.GeneratorsWalkItems && WeakReferenceType.Referent(value) == null)
                {
                    return PyRef.Null;
                }

                SetLocals(it, key, _behaviour.GeneratorsWalkItems ? value : null, null);
                return new PyRef(key).NewRef();
            case WeakIterationKind.ValueValues:
                return YieldLive(it, null, value, WeakReferenceType.Referent(value));
            case WeakIterationKind.ValueItems:
            {
                // 3.x: for k, wr in data.items(): v = wr(); yield k, v. 2.7: for wr in data.values(): yield wr.key, value.
                var v = WeakReferenceType.Referent(value);
                if (v == null)
                {
                    return PyRef.Null;
                }

                var k = _behaviour.GeneratorsWalkItems || !KeyedReferenceType.IsKeyedReference(value) ? key : KeyedReferenceType.KeyOf(value);
                SetLocals(it, _behaviour.GeneratorsWalkItems ? key : null, value, v);
                return Heap.NewTuple(new PyRef(k), new PyRef(v));
            }

            case WeakIterationKind.ValueRefs:
                // 3.x: yield from data.values() holds no local; 2.7: for wr in ...: yield wr.
                SetLocals(it, null, _behaviour.GeneratorsWalkItems ? null : value, null);
                return new PyRef(value).NewRef();
            case WeakIterationKind.KeyKeys:
                return YieldLive(it, null, key, WeakReferenceType.Referent(key));
            case WeakIterationKind.KeyValues:
                // 3.x: for wr, value in data.items(): if wr() is not None: yield value. 2.7: for value in data.values(): yield value.
                if (_behaviour.GeneratorsWalkItems && WeakReferenceType.Referent(key) == null)
                {
                    return PyRef.Null;
                }

                SetLocals(it, null, _behaviour.GeneratorsWalkItems ? key : null, value);
                return new PyRef(value).NewRef();
            case WeakIterationKind.KeyItems:
            {
                var k = WeakReferenceType.Referent(key);
                if (k == null)
                {
                    return PyRef.Null;
                }

                SetLocals(it, k, key, value);
                return Heap.NewTuple(new PyRef(k), new PyRef(value));
            }

            case WeakIterationKind.KeyRefs:
                SetLocals(it, null, key, null);
                return new PyRef(key).NewRef();
            default:
                return YieldLive(it, null, key, WeakReferenceType.Referent(key));
        }
    }

    /// <summary><c>obj = wr(); if obj is not None: yield obj</c>.</summary>
    private PyRef YieldLive(PyWeakIteratorObject* it, PyObject* key, PyObject* wr, PyObject* obj)
    {
        if (obj == null)
        {
            return PyRef.Null;
        }

        SetLocals(it, key, wr, obj);
        return new PyRef(obj).NewRef();
    }

    /// <summary>Rebinds the frame's locals (borrowed arguments, null for none); the old values are dropped after the new ones are stored.</summary>
    private static void SetLocals(PyWeakIteratorObject* it, PyObject* key, PyObject* wr, PyObject* value)
    {
        Heap.XIncRef(key);
        Heap.XIncRef(wr);
        Heap.XIncRef(value);
        var oldKey = it->Key;
        var oldRef = it->Ref;
        var oldValue = it->Value;
        it->Key = key;
        it->Ref = wr;
        it->Value = value;
        Heap.XDecRef(oldKey);
        Heap.XDecRef(oldRef);
        Heap.XDecRef(oldValue);
    }

    /// <summary>The loop ended: leaves the guard (committing deferred removals), then drops the frame. 0, or -1 with the error set.</summary>
    private int Finish(PyWeakIteratorObject* it)
    {
        it->State = Finished;
        var container = it->Container;
        var status = container == null ? 0 : ((WeakContainerType)container->Type->Descriptor).LeaveGuard(container);
        ReleaseFrame(it);
        return status;
    }

    /// <summary>An exception left the loop: <c>__exit__</c> runs as for a normal end, and the exception propagates.</summary>
    private PyRef FinishWithError(PyWeakIteratorObject* it)
    {
        var error = Heap.FetchError();
        Finish(it);
        if (Heap.ErrorOccurred)
        {
            // An error in __exit__ replaces the one that left the loop, as in Python.
            error.DecRef();
        }
        else
        {
            Heap.RestoreError(error);
        }

        return PyRef.Null;
    }

    private static void ReleaseFrame(PyWeakIteratorObject* it)
    {
        SetLocals(it, null, null, null);
        Heap.ClearRef(ref it->Container);
    }

    /// <summary>
    /// <c>close()</c>: a suspended generator leaves its guard as if GeneratorExit ended the
    /// loop; 0, or -1 with the error set when committing the removals failed.
    /// </summary>
    public int Close(PyObject* self)
    {
        var it = (PyWeakIteratorObject*)self;
        switch (it->State)
        {
            case Suspended:
                return Finish(it);
            case NotStarted:
                it->State = Finished;
                ReleaseFrame(it);
                return 0;
            case Executing:
                Heap.RaiseValueError("generator already executing");
                return -1;
            default:
                return 0;
        }
    }

    private static PyRef NextMethod(Heap heap, PyObject* self, PyObject* args, PyObject* kwargs)
    {
        var type = heap.Types.WeakContainers.Iterator;
        if (NoArguments(heap, args, type._behaviour.GeneratorNextName))
        {
            return PyRef.Null;
        }

        var r = type.Next(self);
        if (r.IsNull && !heap.ErrorOccurred)
        {
            heap.RestoreError(heap.Types.Exceptions.StopIteration.Instantiate(new PyRef(heap.Types.Tuple.Empty)));
        }

        return r;
    }

    private static PyRef IterMethod(Heap heap, PyObject* self, PyObject* args, PyObject* kwargs) =>
        NoArguments(heap, args, "__iter__") ? PyRef.Null : new PyRef(self).NewRef();

    private static PyRef CloseMethod(Heap heap, PyObject* self, PyObject* args, PyObject* kwargs)
    {
        if (NoArguments(heap, args, "close"))
        {
            return PyRef.Null;
        }

        return heap.Types.WeakContainers.Iterator.Close(self) < 0 ? PyRef.Null : heap.None;
    }

    /// <summary>
    /// Raises the arity error of a method that takes no arguments when some were passed; true if
    /// it did. <c>next</c>/<c>__next__</c> and <c>__iter__</c> are slot wrappers ("expected 0
    /// arguments, got 1"); <c>close</c> is a method ("close() takes no arguments (1 given)",
    /// 3.x with the class: "generator.close() ...").
    /// </summary>
    private static bool NoArguments(Heap heap, PyObject* args, string name)
    {
        var n = TupleType.Size(args);
        if (n == 0)
        {
            return false;
        }

        if (name != "close")
        {
            heap.RaiseTypeError($"expected 0 arguments, got {n}");
        }
        else
        {
            var qualified = heap.Profile.Wording == ErrorWording.Cpython27 ? name : "generator." + name;
            heap.RaiseTypeError($"{qualified}() takes no arguments ({n} given)");
        }

        return true;
    }

    /// <summary>What the generator's repr shows: 2.7 the function's name (<c>iterkeys</c>), 3.x its qualified name (<c>WeakValueDictionary.keys</c>).</summary>
    private string FunctionName(WeakIterationKind kind)
    {
        if (!_behaviour.QualifiedGeneratorNames)
        {
            return kind switch
            {
                WeakIterationKind.ValueKeys or WeakIterationKind.KeyKeys => "iterkeys",
                WeakIterationKind.ValueValues or WeakIterationKind.KeyValues => "itervalues",
                WeakIterationKind.ValueItems or WeakIterationKind.KeyItems => "iteritems",
                WeakIterationKind.ValueRefs => "itervaluerefs",
                WeakIterationKind.KeyRefs => "iterkeyrefs",
                _ => "__iter__",
            };
        }

        return kind switch
        {
            WeakIterationKind.ValueKeys => "WeakValueDictionary.keys",
            WeakIterationKind.ValueValues => "WeakValueDictionary.values",
            WeakIterationKind.ValueItems => "WeakValueDictionary.items",
            WeakIterationKind.ValueRefs => "WeakValueDictionary.itervaluerefs",
            WeakIterationKind.KeyKeys => "WeakKeyDictionary.keys",
            WeakIterationKind.KeyValues => "WeakKeyDictionary.values",
            WeakIterationKind.KeyItems => "WeakKeyDictionary.items",
            WeakIterationKind.KeyRefs => "WeakKeyDictionary.iterkeyrefs",
            _ => "WeakSet.__iter__",
        };
    }

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self) =>
        Heap.NewString($"<generator object {FunctionName((WeakIterationKind)((PyWeakIteratorObject*)self)->Kind)} at 0x{(nint)self:x}>");

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)sizeof(PyWeakIteratorObject);

    /// <inheritdoc/>
    /// <remarks>A suspended generator is closed first: its guard is left and the removals it deferred are committed.</remarks>
    public override void Dealloc(PyObject* self)
    {
        Heap.Gc.Untrack(self);
        CloseReportingErrors(self);
        Heap.FreeObject(self, this, SizeOf(self));
    }

    private void CloseReportingErrors(PyObject* self)
    {
        var saved = Heap.FetchError();
        if (Close(self) < 0)
        {
            Heap.WriteUnraisableIn(self);
        }

        var it = (PyWeakIteratorObject*)self;
        if (it->State != Finished)
        {
            // Executing: a step further up the stack is still running; drop the frame anyway.
            it->State = Finished;
            ReleaseFrame(it);
        }

        Heap.RestoreError(saved);
    }

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var it = (PyWeakIteratorObject*)self;
        int r;
        if (it->Container != null && (r = visit(it->Container, arg)) != 0)
        {
            return r;
        }

        if (it->Key != null && (r = visit(it->Key, arg)) != 0)
        {
            return r;
        }

        if (it->Ref != null && (r = visit(it->Ref, arg)) != 0)
        {
            return r;
        }

        return it->Value != null ? visit(it->Value, arg) : 0;
    }

    /// <inheritdoc/>
    /// <remarks>A generator in unreachable garbage is closed, as CPython 3's finalizer closes it.</remarks>
    public override void Clear(PyObject* self) => CloseReportingErrors(self);
}
