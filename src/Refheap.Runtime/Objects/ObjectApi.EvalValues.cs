using System.Numerics;
using Refheap.Objects.Native.List;
using Refheap.Objects.Native.Str;
using Refheap.Objects.Native.Tuple;
using Refheap.Objects.Native.Type;

namespace Refheap.Objects;

/// <summary>
/// Values and containers as the evaluator makes and reads them: constants, the stack's
/// tuples, lists, dicts and sets, calls, attribute and item access. "Steals" means the
/// callee takes over the caller's references.
/// </summary>
internal sealed unsafe partial class ObjectApi
{
    /// <summary>None, borrowed.</summary>
    public PyRef NoneObject => new(Heap.NoneObject);

    /// <summary>True or False, borrowed (they are immortal).</summary>
    public PyRef Bool(bool value) => new(value ? Heap.Types.Bool.TrueObject : Heap.Types.Bool.FalseObject);

    /// <summary>A str; new reference.</summary>
    public PyRef NewStr(string text) => Heap.NewString(text);

    /// <summary>The interned str for <paramref name="text"/>, borrowed (interned strings live as long as the heap).</summary>
    public PyRef Intern(string text) => Heap.InternString(text);

    /// <summary>Whether <paramref name="o"/> is a dict (or subclass).</summary>
    public bool IsDictObject(PyRef o) => Heap.IsDict(o.Ptr);

    /// <summary>The name of an object's type.</summary>
    public static string TypeName(PyRef o) => o.Descriptor.Name;

    /// <summary>A class's <c>__name__</c> (text).</summary>
    public static string ClassName(PyRef type) => ((PyTypeObject*)type.Ptr)->Descriptor.Name;

    /// <summary>A class's name as reprs and tracebacks show it (with its module for user classes).</summary>
    public static string QualifiedClassName(PyRef type) => ((PyTypeObject*)type.Ptr)->Descriptor.QualifiedName;

    /// <summary><c>issubclass(a, b)</c> for two classes.</summary>
    public static bool IsSubclass(PyRef a, PyRef b) => Heap.IsSubtype((PyTypeObject*)a.Ptr, (PyTypeObject*)b.Ptr);

    // ---- tuples -------------------------------------------------------------------------

    /// <summary>
    /// <c>sys.version_info</c>, a struct sequence of the five values (borrowed: each gets a new
    /// reference); new reference or null with MemoryError set.
    /// </summary>
    public PyRef NewVersionInfo(ReadOnlySpan<PyRef> values) => Heap.Types.VersionInfo.New(values);

    /// <summary><c>sys.float_info</c> of the eleven values (borrowed), as <see cref="NewVersionInfo"/>.</summary>
    public PyRef NewFloatInfo(ReadOnlySpan<PyRef> values) => Heap.Types.FloatInfo.New(values);

    /// <summary><c>sys.int_info</c> (2.7: <c>sys.long_info</c>) of its values (borrowed), as <see cref="NewVersionInfo"/>.</summary>
    public PyRef NewIntInfo(ReadOnlySpan<PyRef> values) => Heap.Types.IntInfo.New(values);

    /// <summary>A tuple of <paramref name="items"/>, stealing each reference (even on failure); new reference.</summary>
    public PyRef TupleSteal(ReadOnlySpan<PyRef> items)
    {
        var t = Heap.Types.Tuple.New(items.Length);
        if (t.IsNull)
        {
            foreach (var i in items)
            {
                i.XDecRef();
            }

            return t;
        }

        var dst = TupleType.Items(t.Ptr);
        for (var i = 0; i < items.Length; i++)
        {
            dst[i] = items[i].Ptr;
        }

        return t;
    }

    /// <summary>A list of <paramref name="items"/>, stealing each reference (even on failure); new reference.</summary>
    public PyRef ListSteal(ReadOnlySpan<PyRef> items)
    {
        var l = Heap.Types.List.New(items.Length);
        if (l.IsNull)
        {
            foreach (var i in items)
            {
                i.XDecRef();
            }

            return l;
        }

        var dst = ListType.Items(l.Ptr);
        for (var i = 0; i < items.Length; i++)
        {
            dst[i] = items[i].Ptr;
        }

        return l;
    }

    /// <summary>The empty tuple, borrowed.</summary>
    public PyRef EmptyTuple => new(Heap.Types.Tuple.Empty);

    /// <summary>Whether <paramref name="o"/> is exactly a list.</summary>
    public bool IsList(PyRef o) => o.Ptr->Type == Heap.Types.List.TypeObject;

    /// <summary>A list's length.</summary>
    public static int ListSize(PyRef l) => (int)ListType.Size(l.Ptr);

    /// <summary>A list's item, borrowed.</summary>
    public static PyRef ListItem(PyRef l, int i) => new(ListType.Items(l.Ptr)[i]);

    /// <summary>Appends to a list (item borrowed); 0 or -1.</summary>
    public int ListAppend(PyRef list, PyRef item) => Heap.Types.List.Append(list.Ptr, item.Ptr);

    // ---- dicts and sets ------------------------------------------------------------------

    /// <summary><c>d[key]</c> without KeyError: borrowed, or null (error set only when hashing failed).</summary>
    public PyRef DictGet(PyRef d, PyRef key) => new(Heap.Types.Dict.GetItem(d.Ptr, key.Ptr));

    /// <summary><c>d[key]</c> by text: borrowed or null (never an error).</summary>
    public PyRef DictGetString(PyRef d, string key) => new(Heap.Types.Dict.GetItemString(d.Ptr, key));

    /// <summary><c>d[key] = value</c> (both borrowed); 0 or -1.</summary>
    public int DictSet(PyRef d, PyRef key, PyRef value) => Heap.Types.Dict.SetItem(d.Ptr, key.Ptr, value.Ptr);

    /// <summary><c>d[key] = value</c> by text (interned key); 0 or -1.</summary>
    public int DictSetString(PyRef d, string key, PyRef value) => Heap.Types.Dict.SetItemString(d.Ptr, key, value.Ptr);

    /// <summary><c>del d[key]</c>; 0, or -1 with KeyError.</summary>
    public int DictDelete(PyRef d, PyRef key) => Heap.Types.Dict.DelItem(d.Ptr, key.Ptr);

    /// <summary><c>d.clear()</c>.</summary>
    public void DictClear(PyRef d) => Heap.Types.Dict.ClearContents(d.Ptr);

    /// <summary>Copies a dict (new reference).</summary>
    public PyRef DictCopy(PyRef d) => Heap.Types.Dict.Copy(d.Ptr);

    /// <summary>Adds to a set (borrowed); 0 or -1.</summary>
    public int SetAdd(PyRef set, PyRef key) => Heap.Types.Set.Add(set.Ptr, key.Ptr);

    /// <summary>A new empty set.</summary>
    public PyRef NewSet() => Heap.NewEmptySet();

    /// <summary>
    /// A <c>builtin_function_or_method</c> running <paramref name="body"/>(self, args, kwargs):
    /// self is the bound object or null, args a tuple, kwargs a dict or null (all borrowed);
    /// it returns a new reference or null with the error set. <paramref name="isMethod"/>:
    /// binds to the instance when found on a class.
    /// </summary>
    public PyRef NewNativeFunction(string name, Func<PyRef, PyRef, PyRef, PyRef> body, bool isMethod) =>
        Heap.Types.NativeFunction.New(name, (_, self, args, kwargs) => body(new PyRef(self), new PyRef(args), new PyRef(kwargs)), isMethod);

    /// <summary><c>sys.getsizeof(o)</c>: the object's size plus the GC header CPython counts for tracked types (2.7: 32 bytes, 3.12: 16).</summary>
    public long SizeOfObject(PyRef o) =>
        SizeOfWithoutGcHeader(o) + (o.Descriptor.ReportsGcHeader(o.Ptr) ? (Heap.Profile.IntPromotesToLong ? 32 : 16) : 0);

    /// <summary><c>object.__sizeof__(o)</c>: the object's own bytes, <see cref="SizeOfObject"/> without the GC header.</summary>
    public long SizeOfWithoutGcHeader(PyRef o)
    {
        if (o.Ptr->Type == Heap.Types.Str.TypeObject)
        {
            // CPython's layouts, which Refheap's UTF-16 strings do not share: 2.7's byte string
            // (37 + n) and 3.12's compact strings (ASCII 41 + n, Latin-1 73 + n, UCS-2 74 + 2n, UCS-4 76 + 4n).
            var text = StrType.AsSpan(o.Ptr);
            if (Heap.Profile.IntPromotesToLong)
            {
                return 37 + text.Length;
            }

            var max = 0;
            foreach (var ch in text)
            {
                max = Math.Max(max, ch);
            }

            return max < 128 ? 41 + text.Length : max < 256 ? 73 + text.Length : 74 + (2 * text.Length);
        }

        return (long)o.Descriptor.SizeOf(o.Ptr);
    }

    /// <summary>Makes a class with native methods (name → body(self, args, kwargs), called as the kind says); new reference.</summary>
    public PyRef NewNativeClass(string name, string module, IEnumerable<(string Name, Func<PyRef, PyRef, PyRef, PyRef> Body, Native.Function.NativeCallKind Kind)> methods)
    {
        var attributes = new List<KeyValuePair<string, PyRef>>();
        try
        {
            foreach (var (methodName, body, kind) in methods)
            {
                var f = NewNativeFunction(methodName, body, isMethod: true, kind);
                if (f.IsNull)
                {
                    return f;
                }

                attributes.Add(new(methodName, f));
            }

            return DefineClass(name, [], attributes, module);
        }
        finally
        {
            foreach (var a in attributes)
            {
                a.Value.DecRef();
            }
        }
    }

    /// <summary>The type object of an evaluator type by name (classmethod, staticmethod, property, super, partial, weakref types), borrowed, or null.</summary>
    public PyRef EvalTypeObject(string name) => Heap.Types is var t ? name switch
    {
        "classmethod" => Heap.TypeObjectOf(t.ClassMethod),
        "staticmethod" => Heap.TypeObjectOf(t.StaticMethod),
        "property" => Heap.TypeObjectOf(t.Property),
        "super" => Heap.TypeObjectOf(t.Super),
        "partial" => Heap.TypeObjectOf(t.Partial),
        "ref" => Heap.TypeObjectOf(t.WeakReference),
        "ProxyType" => Heap.TypeObjectOf(t.WeakProxy),
        "CallableProxyType" => Heap.TypeObjectOf(t.WeakCallableProxy),
        "WeakValueDictionary" => Heap.TypeObjectOf(t.WeakContainers.ValueDictionary),
        "WeakKeyDictionary" => Heap.TypeObjectOf(t.WeakContainers.KeyDictionary),
        "WeakSet" => Heap.TypeObjectOf(t.WeakContainers.Set),
        "finalize" => Heap.TypeObjectOf(t.WeakContainers.Finalize),
        "KeyedRef" => Heap.TypeObjectOf(t.WeakContainers.KeyedRef),
        _ => PyRef.Null,
    } : PyRef.Null;

    // ---- calls, attributes, items ----------------------------------------------------------

    /// <summary><c>callable(*args, **kwargs)</c> with a tuple and a dict or null (borrowed); new reference or null.</summary>
    public PyRef CallObject(PyRef callable, PyRef args, PyRef kwargs) => Heap.Call(callable.Ptr, args.Ptr, kwargs.Ptr);

    /// <summary><c>del o.name</c>; 0 or -1.</summary>
    public int DeleteAttr(PyRef o, PyRef name) => Heap.SetAttr(o.Ptr, name.Ptr, null);

    /// <summary><c>del o[key]</c>; 0 or -1.</summary>
    public int DeleteItem(PyRef o, PyRef key)
    {
        var dicts = Heap.Types.Dict;
        return o.Ptr->Type == dicts.TypeObject ? dicts.DelItem(o.Ptr, key.Ptr) : Heap.DelItem(o.Ptr, key.Ptr);
    }

    /// <summary>Looks <paramref name="name"/> up on the class of <paramref name="o"/> (MRO), borrowed or null.</summary>
    public PyRef LookupOnType(PyRef o, string name)
    {
        var n = Heap.InternString(name);
        return n.IsNull ? n : new PyRef(TypeType.Lookup(o.Ptr->Type, n.Ptr));
    }

    /// <summary>Looks <paramref name="name"/> up along the MRO of class <paramref name="type"/> after <paramref name="after"/>, borrowed or null (super()).</summary>
    public PyRef LookupAfter(PyRef type, PyRef after, PyRef name)
    {
        var mro = ((PyTypeObject*)type.Ptr)->Mro;
        var n = TupleType.Size(mro);
        var i = 0;
        while (i < n && TupleType.Item(mro, i) != after.Ptr)
        {
            i++;
        }

        for (i++; i < n; i++)
        {
            var t = (PyTypeObject*)TupleType.Item(mro, i);
            if (t->Dict == null)
            {
                continue;
            }

            var value = Heap.Types.Dict.GetItem(t->Dict, name.Ptr);
            if (value != null)
            {
                return new PyRef(value);
            }
        }

        return PyRef.Null;
    }

    /// <summary>Binds an attribute found on a class to an instance (the descriptor protocol's <c>__get__</c>); new reference.</summary>
    public PyRef DescriptorGet(PyRef attribute, PyRef instance, PyRef owner) =>
        attribute.Descriptor.DescriptorGet(attribute.Ptr, instance.Ptr, (PyTypeObject*)owner.Ptr);

    /// <summary>
    /// Makes a class (type(name, bases, dict)); <paramref name="bases"/> a tuple, all borrowed;
    /// <paramref name="keywords"/> (a dict or null) the class keywords for <c>__init_subclass__</c>.
    /// </summary>
    public PyRef NewClassFromNamespace(string name, PyRef bases, PyRef ns, string module, PyRef keywords = default)
    {
        var n = TupleType.Size(bases.Ptr);
        var list = new PyRef[n];
        for (nint i = 0; i < n; i++)
        {
            list[i] = new PyRef(TupleType.Item(bases.Ptr, i));
        }

        return Heap.NewClass(name, list, ns.Ptr, module, keywords.Ptr);
    }

    /// <summary><c>str(o)</c>: new reference or null.</summary>
    public PyRef ToStr(PyRef o) => Heap.Str(o.Ptr);

    /// <summary><c>repr(o)</c>: new reference or null.</summary>
    public PyRef ToRepr(PyRef o) => Heap.Repr(o.Ptr);

    /// <summary>A class's dict, borrowed (the evaluator adds the generator type's methods to it).</summary>
    public PyRef TypeDictOf(PyRef type) => new(((PyTypeObject*)type.Ptr)->Dict);

    /// <summary>The type object of generators, borrowed.</summary>
    public PyRef GeneratorTypeObject => Heap.TypeObjectOf(Heap.Types.Generator);

    /// <summary>The type object of a dict, borrowed.</summary>
    public PyRef DictTypeObject => Heap.TypeObjectOf(Heap.Types.Dict);

    /// <summary>Whether <paramref name="o"/> is exactly a str whose text equals <paramref name="text"/>.</summary>
    public bool StrEquals(PyRef o, string text) => Heap.IsInstance(o.Ptr, Heap.Types.Str) && StrType.EqualsText(o.Ptr, text);

    /// <summary>Whether a str object's text ends with a whitespace other than a space (2.7 print's softspace rule).</summary>
    public static bool EndsWithNonSpaceWhitespace(PyRef str)
    {
        var s = StrType.AsSpan(str.Ptr);
        return s.Length > 0 && char.IsWhiteSpace(s[^1]) && s[^1] != ' ';
    }
}
