using Refheap.Objects.Native.Function;
using Refheap.Objects.Native.Instance;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;

namespace Refheap.Objects;

/// <summary>
/// The operations of the public C# API with safe signatures (<see cref="PyRef"/> in and
/// out), so that <see cref="Runtime"/> holds no pointer. Conventions as <see cref="Heap"/>'s:
/// new references out, null with the error set on failure.
/// </summary>
internal sealed unsafe partial class ObjectApi(Heap heap)
{
    /// <summary>The heap.</summary>
    public Heap Heap { get; } = heap;

    /// <summary><c>getattr</c>.</summary>
    public PyRef GetAttr(PyRef o, string name) => Heap.GetAttr(o.Ptr, name);

    /// <summary><c>setattr</c> (value non-null) or <c>delattr</c>; 0 or -1.</summary>
    public int SetAttr(PyRef o, string name, PyRef value) => Heap.SetAttr(o.Ptr, name, value.Ptr);

    /// <summary><c>setattr</c> with a str name (interned for speed); 0 or -1.</summary>
    public int SetAttr(PyRef o, PyRef name, PyRef value) => Heap.SetAttr(o.Ptr, name.Ptr, value.Ptr);

    /// <summary><c>o[key]</c>.</summary>
    /// <remarks>An exact dict's own lookup is called directly, as every subscript below: the type's descriptor, without its virtual dispatch.</remarks>
    public PyRef GetItem(PyRef o, PyRef key)
    {
        var dicts = Heap.Types.Dict;
        return o.Ptr->Type == dicts.TypeObject ? dicts.Subscript(o.Ptr, key.Ptr) : Heap.GetItem(o.Ptr, key.Ptr);
    }

    /// <summary><c>o[key] = value</c> or <c>del o[key]</c> (value null); 0 or -1.</summary>
    public int SetItem(PyRef o, PyRef key, PyRef value)
    {
        var dicts = Heap.Types.Dict;
        return o.Ptr->Type == dicts.TypeObject ? dicts.SetItem(o.Ptr, key.Ptr, value.Ptr) : Heap.SetItem(o.Ptr, key.Ptr, value.Ptr);
    }

    /// <summary><c>len(o)</c>, -1 on error.</summary>
    public nint Length(PyRef o) => Heap.Length(o.Ptr);

    /// <summary><c>callable(*args)</c>.</summary>
    public PyRef Call(PyRef callable, ReadOnlySpan<PyRef> args)
    {
        var tuple = Heap.NewTuple(args);
        if (tuple.IsNull)
        {
            return tuple;
        }

        var result = Heap.Call(callable.Ptr, tuple.Ptr, null);
        tuple.DecRef();
        return result;
    }

    /// <summary><c>repr(o)</c> as text, or null with the error set.</summary>
    public string? Repr(PyRef o) => Text(Heap.Repr(o.Ptr));

    /// <summary><c>str(o)</c> as text, or null with the error set.</summary>
    public string? Str(PyRef o) => Text(Heap.Str(o.Ptr));

    private static string? Text(PyRef s)
    {
        if (s.IsNull)
        {
            return null;
        }

        var text = StrType.AsString(s.Ptr);
        s.DecRef();
        return text;
    }

    /// <summary>Appends to a list; 0 or -1 (TypeError when not a list).</summary>
    public int Append(PyRef list, PyRef item)
    {
        if (!Heap.IsInstance(list.Ptr, Heap.Types.List))
        {
            Heap.RaiseTypeError($"append needs a list, not '{list.Descriptor.Name}'");
            return -1;
        }

        return Heap.Types.List.Append(list.Ptr, item.Ptr);
    }

    /// <summary>Whether the object is an int, long or bool.</summary>
    public bool IsInt(PyRef o) => Heap.IsInt(o.Ptr);

    /// <summary>Rich comparison as a truth value: 1, 0, or -1 with the error set.</summary>
    public int RichCompareBool(PyRef a, PyRef b, CompareOp op) => Heap.RichCompareBool(a.Ptr, b.Ptr, op);

    /// <summary><c>weakref.ref(target, callback)</c>; <paramref name="callback"/> may be null.</summary>
    public PyRef NewWeakReference(PyRef target, PyRef callback) => Heap.NewWeakReference(target.Ptr, callback.Ptr);

    /// <summary><c>weakref.proxy(target, callback)</c>; <paramref name="callback"/> may be null.</summary>
    public PyRef NewWeakProxy(PyRef target, PyRef callback) => Heap.NewWeakProxy(target.Ptr, callback.Ptr);

    /// <summary><c>weakref.getweakrefcount(target)</c>.</summary>
    public static int WeakReferenceCount(PyRef target) => Weak.WeakReferenceLists.Count(target.Ptr);

    /// <summary><c>weakref.getweakrefs(target)</c>, borrowed.</summary>
    public static List<PyRef> WeakReferences(PyRef target) => Weak.WeakReferenceLists.All(target.Ptr);

    /// <summary>The str's text, or null when the object is not a str.</summary>
    public string? AsString(PyRef o) => Heap.IsInstance(o.Ptr, Heap.Types.Str) ? StrType.AsString(o.Ptr) : null;

    /// <summary>Whether <paramref name="o"/> is an int (or long, or bool) that fits in 64 bits.</summary>
    public bool TryAsLong(PyRef o, out long value) => Heap.TryAsLong(o.Ptr, out value);

    /// <summary>The object as a float; OverflowError or TypeError set on failure.</summary>
    public bool TryAsDouble(PyRef o, out double value)
    {
        if (!Heap.IsInt(o.Ptr) && !Heap.IsFloat(o.Ptr))
        {
            Heap.RaiseTypeError($"a float is required, not '{o.Descriptor.Name}'");
            value = 0;
            return false;
        }

        value = Heap.AsDouble(o.Ptr);
        return !Heap.ErrorOccurred;
    }

    /// <summary>Makes a class with attributes (borrowed) and bases (type objects, borrowed).</summary>
    public PyRef DefineClass(string name, ReadOnlySpan<PyRef> bases, IEnumerable<KeyValuePair<string, PyRef>> attributes, string module)
    {
        var dict = Heap.NewDict();
        if (dict.IsNull)
        {
            return dict;
        }

        foreach (var (key, value) in attributes)
        {
            if (Heap.Types.Dict.SetItemString(dict.Ptr, key, value.Ptr) < 0)
            {
                dict.DecRef();
                return PyRef.Null;
            }
        }

        var cls = Heap.NewClass(name, bases, dict.Ptr, module);
        dict.DecRef();
        return cls;
    }

    /// <summary>A heap callable running <paramref name="body"/>.</summary>
    public PyRef NewFunction(string name, NativeCallable body, bool isMethod) => Heap.Types.NativeFunction.New(name, body, isMethod);

    /// <summary>The items of a tuple (borrowed).</summary>
    public static PyRef[] TupleItems(PyRef tuple)
    {
        var n = TupleType.Size(tuple.Ptr);
        var items = new PyRef[n];
        for (nint i = 0; i < n; i++)
        {
            items[i] = new PyRef(TupleType.Item(tuple.Ptr, i));
        }

        return items;
    }

    /// <summary>The live-instance count of a class, or -1 when it is not a user class.</summary>
    public static long LiveInstances(PyRef cls) =>
        cls.Ptr->Type->Descriptor is Native.Type.TypeType && ((PyTypeObject*)cls.Ptr)->Descriptor is InstanceType it ? it.LiveInstances : -1;
}
