using System.Runtime.InteropServices;
using Refheap.Objects.Native.Str;

namespace Refheap.Objects.Native.Module;

/// <summary><c>module</c>: attribute access reads and writes its dict; tracked (its functions' globals point back at the dict).</summary>
internal sealed unsafe class ModuleType : TypeDescriptor
{
    /// <summary>Creates the descriptor.</summary>
    public ModuleType(Heap heap)
        : base(heap, "module")
    {
        _block = heap.Profile.Layouts.BlockSize(heap.Profile.Layouts.ModuleSize, sizeof(PyModuleObject));
    }

    // CPython's block size less the GC header: never fewer bytes than PyModuleObject.
    private readonly nuint _block;

    /// <inheritdoc/>
    public override bool IsGc => true;

    // Computed once: Marshal.OffsetOf is reflection, far too slow for every dealloc that asks.
    private static readonly int s_weakListOffset = (int)Marshal.OffsetOf<PyModuleObject>(nameof(PyModuleObject.WeakList));

    /// <inheritdoc/>
    /// <remarks>3.x modules can be weakly referenced, 2.7's cannot (<see cref="BuiltinLayouts.ModulesWeakReferenceable"/>).</remarks>
    public override int WeakListOffset => Heap.Profile.Layouts.ModulesWeakReferenceable ? s_weakListOffset : 0;

    /// <summary>
    /// A new module called <paramref name="name"/> with a fresh dict holding <c>__name__</c>, and
    /// <c>__doc__</c> and <c>__package__</c> None, in that order, as PyModule_New fills it in both
    /// profiles (3.12's also adds <c>__loader__</c> and <c>__spec__</c>, which its import system
    /// then sets to objects Refheap does not have: they are left to the module's maker).
    /// </summary>
    public PyRef New(string name)
    {
        var dict = Heap.NewDict();
        if (dict.IsNull)
        {
            return dict;
        }

        var nameObj = Heap.NewString(name);
        if (nameObj.IsNull
            || Heap.Types.Dict.SetItemString(dict.Ptr, "__name__", nameObj.Ptr) < 0
            || Heap.Types.Dict.SetItemString(dict.Ptr, "__doc__", Heap.NoneObject) < 0
            || Heap.Types.Dict.SetItemString(dict.Ptr, "__package__", Heap.NoneObject) < 0)
        {
            nameObj.XDecRef();
            dict.DecRef();
            return PyRef.Null;
        }

        nameObj.DecRef();
        var o = Heap.AllocObject(this, _block);
        if (o == null)
        {
            dict.DecRef();
            return PyRef.Null;
        }

        ((PyModuleObject*)o)->Dict = dict.Ptr;
        Heap.Gc.Track(o);
        return new PyRef(o);
    }

    /// <summary>The module's dict, borrowed.</summary>
    public static PyObject* DictOf(PyObject* module) => ((PyModuleObject*)module)->Dict;

    /// <inheritdoc/>
    public override nuint SizeOf(PyObject* self) => (nuint)Heap.Profile.Layouts.ModuleSize;

    /// <inheritdoc/>
    public override void Dealloc(PyObject* self)
    {
        Heap.Gc.Untrack(self);
        Heap.ClearWeakReferences(self);
        Heap.ClearRef(ref ((PyModuleObject*)self)->Dict);
        Heap.FreeObject(self, this, _block);
    }

    /// <inheritdoc/>
    public override int Traverse(PyObject* self, delegate*<PyObject*, void*, int> visit, void* arg)
    {
        var d = ((PyModuleObject*)self)->Dict;
        return d != null ? visit(d, arg) : 0;
    }

    /// <inheritdoc/>
    public override void Clear(PyObject* self) => Heap.ClearRef(ref ((PyModuleObject*)self)->Dict);

    /// <inheritdoc/>
    public override PyRef GetAttr(PyObject* self, PyObject* name)
    {
        var d = ((PyModuleObject*)self)->Dict;
        if (StrType.EqualsText(name, "__dict__") && d != null)
        {
            return new PyRef(d).NewRef();
        }

        var value = d == null ? null : Heap.Types.Dict.GetItem(d, name);
        if (value != null)
        {
            return new PyRef(value).NewRef();
        }

        if (Heap.ErrorOccurred)
        {
            return PyRef.Null;
        }

        var generic = Heap.GenericGetAttr(self, name);
        if (generic.IsNull && Heap.ErrorMatches(Heap.Types.Exceptions.AttributeError))
        {
            Heap.ClearError();
            var moduleName = d == null ? null : Heap.Types.Dict.GetItemString(d, "__name__");
            var text = moduleName != null && Heap.IsInstance(moduleName, Heap.Types.Str) ? StrType.AsString(moduleName) : "?";
            return Heap.RaiseMissingAttribute(self, name, Heap.Profile.IntPromotesToLong
                ? $"'module' object has no attribute '{StrType.AsString(name)}'"
                : $"module '{text}' has no attribute '{StrType.AsString(name)}'");
        }

        return generic;
    }

    /// <inheritdoc/>
    public override int SetAttr(PyObject* self, PyObject* name, PyObject* value)
    {
        var d = ((PyModuleObject*)self)->Dict;
        if (d == null)
        {
            Heap.RaiseNoAttribute(self, name);
            return -1;
        }

        return Heap.Types.Dict.SetItem(d, name, value);
    }

    /// <inheritdoc/>
    public override PyRef Repr(PyObject* self)
    {
        var d = ((PyModuleObject*)self)->Dict;
        var nameObj = d == null ? null : Heap.Types.Dict.GetItemString(d, "__name__");
        var name = nameObj != null && Heap.IsInstance(nameObj, Heap.Types.Str) ? StrType.AsString(nameObj) : "?";
        var file = d == null ? null : Heap.Types.Dict.GetItemString(d, "__file__");
        return Heap.NewString(file != null && Heap.IsInstance(file, Heap.Types.Str)
            ? $"<module '{name}' from '{StrType.AsString(file)}'>"
            : $"<module '{name}' (built-in)>");
    }
}
