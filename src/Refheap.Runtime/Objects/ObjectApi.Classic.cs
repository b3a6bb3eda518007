using Refheap.Objects.Native.Classic;

namespace Refheap.Objects;

/// <summary>The facade's part for 2.7's classic classes (<c>classobj</c> and <c>instance</c>).</summary>
internal sealed unsafe partial class ObjectApi
{
    /// <summary>Whether the profile has classic classes (2.7).</summary>
    public bool HasClassicClasses => Heap.Types.Classic != null;

    /// <summary>Whether <paramref name="o"/> is <c>type</c> itself.</summary>
    public bool IsTypeType(PyRef o) => o.Ptr == (PyObject*)Heap.Types.Type.TypeObject;

    /// <summary>Whether <paramref name="o"/> is a classic class.</summary>
    public bool IsClassicClass(PyRef o) => Heap.Types.Classic is { } classic && classic.Class.IsClass(o.Ptr);

    /// <summary>Whether <paramref name="o"/> is an instance of a classic class.</summary>
    public static bool IsClassicInstance(PyRef o) => o.Ptr->Type->Descriptor is ClassicInstanceType;

    /// <summary>
    /// 2.7's PyObject_Compare (<c>cmp(a, b)</c>) when <paramref name="a"/> or <paramref name="b"/>
    /// is a classic instance (<see cref="ClassicInstanceType.ThreeWayCompare"/>): -1, 0 or 1, or
    /// -2 with the error set.
    /// </summary>
    public int ClassicThreeWayCompare(PyRef a, PyRef b) => Heap.Types.Classic!.Instance.ThreeWayCompare(a.Ptr, b.Ptr);

    /// <summary>The class of a classic instance, borrowed.</summary>
    public static PyRef ClassicClassOf(PyRef instance) => new(ClassicInstanceType.ClassOf(instance.Ptr));

    /// <summary>heapy's kind of an object: a classic instance's class as <c>module.Name</c>, anything else's type as <see cref="QualifiedTypeName"/>.</summary>
    public static string KindName(PyRef o) =>
        o.Descriptor is ClassicInstanceType classic ? classic.QualifiedClassName(o.Ptr) : QualifiedTypeName(o);

    /// <summary>
    /// <see cref="TryCallSpecial"/> for a classic instance: the method is found on the instance
    /// (<see cref="ClassicInstanceType.TryCallMethod"/>); the arguments are borrowed.
    /// </summary>
    private bool TryCallClassicMethod(PyRef o, string name, ReadOnlySpan<PyRef> args, out PyRef result)
    {
        result = PyRef.Null;
        var tuple = Heap.NewTuple(args);
        if (tuple.IsNull)
        {
            return true;
        }

        var found = ((ClassicInstanceType)o.Descriptor).TryCallMethod(o.Ptr, name, tuple.Ptr, null, out result);
        tuple.DecRef();
        return found;
    }

    /// <summary>Whether the classic class <paramref name="cls"/> is <paramref name="of"/> or derives from it.</summary>
    public static bool ClassicIsSubclass(PyRef cls, PyRef of) => ClassicClassType.IsSubclass(cls.Ptr, of.Ptr);

    /// <summary>
    /// 2.7's <c>dir()</c> of a classic class (the keys of its dict and its bases' dicts) or
    /// instance (its dict's keys and its class's names), sorted.
    /// </summary>
    public List<string> ClassicAttributeNames(PyRef o)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        if (IsClassicInstance(o))
        {
            AddKeys(names, ClassicInstanceType.DictOf(o.Ptr));
            AddClassNames(names, ClassicInstanceType.ClassOf(o.Ptr));
        }
        else
        {
            AddClassNames(names, o.Ptr);
        }

        return [.. names];
    }

    private void AddClassNames(SortedSet<string> names, PyObject* cls)
    {
        AddKeys(names, ClassicClassType.DictOf(cls));
        var bases = ClassicClassType.BasesOf(cls);
        for (nint i = 0; i < Native.Tuple.TupleType.Size(bases); i++)
        {
            AddClassNames(names, Native.Tuple.TupleType.Item(bases, i));
        }
    }

    private void AddKeys(SortedSet<string> names, PyObject* dict)
    {
        nint pos = 0;
        while (Heap.Types.Dict.Next(dict, ref pos, out var key, out _))
        {
            if (Heap.IsInstance(key, Heap.Types.Str))
            {
                names.Add(Native.Str.StrType.AsString(key));
            }
        }
    }

    /// <summary>
    /// A classic class (PyClass_New) named <paramref name="name"/> (a str) with
    /// <paramref name="bases"/> (a tuple of classic classes) whose dict is
    /// <paramref name="dict"/> itself, its <c>__module__</c> <paramref name="module"/> unless the
    /// dict has one. All borrowed; a new reference, or null with the error set.
    /// </summary>
    public PyRef NewClassicClass(PyRef name, PyRef bases, PyRef dict, string module) =>
        Heap.Types.Classic is { } classic
            ? classic.Class.New(name.Ptr, bases.Ptr, dict.Ptr, module)
            : Heap.Raise(Heap.Types.Exceptions.SystemError, "this profile has no classic classes");
}
