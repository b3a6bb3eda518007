using System.Text;
using Refheap.Objects.Native.Str;

namespace Refheap.Objects.Native.Tuple;

/// <summary>
/// A struct sequence (CPython's structseq, such as <c>sys.version_info</c>): laid out as a
/// tuple — <see cref="PyVarObject"/>, then the item pointers — so that
/// <see cref="TupleType"/>'s item readers apply, with each item also a named, read-only field.
/// 3.x's is a tuple subclass with a GC header (never tracked: it holds atoms); 2.7's derives
/// from object, has no GC header, and still indexes, slices, iterates, hashes and compares as
/// the tuple of its items.
/// </summary>
internal sealed unsafe class StructSequenceType : TypeDescriptor
{
    private readonly string _qualifiedName;
    private readonly string[] _fields;

    /// <summary>Creates the type <paramref name="qualifiedName"/> (<c>module.name</c>) with the named <paramref name="fields"/>.</summary>
    public StructSequenceType(Heap heap, string qualifiedName, string[] fields)
        : base(heap, qualifiedName[(qualifiedName.LastIndexOf('.') + 1)..])
    {
        _qualifiedName = qualifiedName;
        _fields = fields;
    }

    private bool Py27 => Heap.Profile.Wording == ErrorWording.Cpython27;

    /// <inheritdoc/>
    public override string QualifiedName => _qualifiedName;

    /// <inheritdoc/>
    public override bool IsGc => !Py27;

    internal override void Initialize() => BaseType = Py27 ? Heap.Types.Object : Heap.Types.Tuple;

    /// <summary>A new instance of the items (each gets a new reference); one per field.</summary>
    public PyRef New(ReadOnlySpan<PyRef> items)
    {
        if (items.Length != _fields.Length)
        {
            throw new ArgumentException($"{_qualifiedName} takes {_fields.Length} items, not {items.Length}", nameof(items));
        }

        var o = Heap.AllocObject(this, TupleType.AllocationSize(items.Length));
        if (o == null)
        {
            return PyRef.Null;
        }

        // Invariant: every item slot is filled before the object is seen; it is never tracked.
        ((PyVarObject*)o)->Size = items.Length;
        var slots = TupleType.Items(o);
        for (var i = 0; i < items.Length; i++)
        {
            slots[i] = items[i].NewRef().Ptr;
        }

        return new PyRef(o);
    }

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => TupleType.AllocationSize(TupleType.Size(self));

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        var items = TupleType.Items(self);
        for (var i = TupleType.Size(self) - 1; i >= 0; i--)
        {
            Heap.XDecRef(items[i]);
        }

        Heap.FreeObject(self, this, SizeOf(self));
    }

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg) => Heap.Types.Tuple.Traverse(self, visit, arg);

    /// <inheritdoc/>
    public override PyRef Construct(PyObject* args, PyObject* kwargs) => Heap.RaiseTypeError($"cannot create '{_qualifiedName}' instances");

    /// <inheritdoc/>
    public override nint Length(PyObject* self) => TupleType.Size(self);

    /// <inheritdoc/>
    public override PyRef Iter(PyObject* self) => Heap.Types.Iterators.Tuple.New(self);

    /// <inheritdoc/>
    public override int Contains(PyObject* self, PyObject* item) => Heap.Types.Tuple.Contains(self, item);

    /// <inheritdoc/>
    public override int IsTrue(PyObject* self) => TupleType.Size(self) != 0 ? 1 : 0;

    /// <inheritdoc/>
    public override PyRef Subscript(PyObject* self, PyObject* key) => Heap.Types.Tuple.Subscript(self, key);

    /// <inheritdoc/>
    public override long Hash(PyObject* self) => Heap.Types.Tuple.Hash(self);

    /// <inheritdoc/>
    /// <remarks>As the tuple of its items, against a tuple or another struct sequence (2.7's structseq_richcompare).</remarks>
    public override PyRef RichCompare(PyObject* self, PyObject* other, CompareOp op) =>
        Heap.IsInstance(other, Heap.Types.Tuple) || other->Type->Descriptor is StructSequenceType
            ? Heap.CompareSequences(TupleType.Items(self), TupleType.Size(self), TupleType.Items(other), TupleType.Size(other), op)
            : Heap.NotImplemented;

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        var sb = new StringBuilder(_qualifiedName).Append('(');
        for (var i = 0; i < _fields.Length; i++)
        {
            sb.Append(i == 0 ? "" : ", ").Append(_fields[i]).Append('=');
            if (!Heap.AppendRepr(sb, TupleType.Item(self, i)))
            {
                return PyRef.Null;
            }
        }

        return Heap.NewString(sb.Append(')').ToString());
    }

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        var text = StrType.AsString(name);
        var field = Array.IndexOf(_fields, text);
        if (field >= 0)
        {
            return new PyRef(TupleType.Item(self, field)).NewRef();
        }

        return base.GetAttr(self, name);
    }

    /// <summary>
    /// Puts the class attributes <c>n_sequence_fields</c>, <c>n_fields</c> and
    /// <c>n_unnamed_fields</c> into the type's dict, once the built-in types are complete.
    /// </summary>
    internal void InstallFieldCounts()
    {
        foreach (var (name, value) in new[] { ("n_sequence_fields", _fields.Length), ("n_fields", _fields.Length), ("n_unnamed_fields", 0) })
        {
            var v = Heap.NewInt(value);
            if (v.IsNull || Heap.Types.Dict.SetItemString(TypeObject->Dict, name, v.Ptr) < 0)
            {
                throw new OutOfMemoryException("the heap limit is too small to hold the built-in types");
            }

            v.DecRef();
        }
    }

    /// <inheritdoc/>
    public override int SetAttr(PyObject* self, PyObject* name, PyObject* value)
    {
        if (Array.IndexOf(_fields, StrType.AsString(name)) < 0)
        {
            return base.SetAttr(self, name, value);
        }

        // A field is a read-only member: 2.7 says so with a TypeError, 3.x with an AttributeError.
        Heap.Raise(Py27 ? Heap.Types.Exceptions.TypeError : Heap.Types.Exceptions.AttributeError, "readonly attribute");
        return -1;
    }
}
