using Refheap.Objects;
using Refheap.RuntimeTests.Objects.Types;

namespace Refheap.RuntimeTests.Objects.Iteration;

/// <summary>The iteration protocol and method calls on handles, for the iteration and method tests.</summary>
internal static unsafe class IterationKit
{
    /// <summary><c>iter(o)</c>.</summary>
    public static Handle Iter(this Runtime rt, Handle o) => rt.Own(rt.Heap.GetIter(o.Ref().Ptr));

    /// <summary><c>next(it)</c>, or null at the end.</summary>
    public static Handle? Next(this Runtime rt, Handle it)
    {
        var r = rt.Heap.IterNext(it.Ref().Ptr);
        if (r.IsNull)
        {
            return rt.Heap.ErrorOccurred ? throw rt.Heap.TakeErrorAsException() : null;
        }

        return rt.Own(r);
    }

    /// <summary>The reprs of what iterating <paramref name="iterable"/> gives.</summary>
    public static List<string> Drain(this Runtime rt, Handle iterable)
    {
        var it = rt.Iter(iterable);
        var reprs = new List<string>();
        while (rt.Next(it) is { } item)
        {
            reprs.Add(rt.Repr(item));
        }

        return reprs;
    }

    /// <summary><c>item in container</c>.</summary>
    public static bool In(this Runtime rt, Handle container, Handle item)
    {
        var r = rt.Heap.Contains(container.Ref().Ptr, item.Ref().Ptr);
        return r < 0 ? throw rt.Heap.TakeErrorAsException() : r == 1;
    }

    /// <summary><c>o.name(*args)</c>.</summary>
    public static Handle CallMethod(this Runtime rt, Handle o, string name, params Handle[] args) => rt.Call(rt.GetAttr(o, name), args);

    /// <summary><c>o.name(*args, **kwargs)</c>.</summary>
    public static Handle CallMethodKw(this Runtime rt, Handle o, string name, Handle[] args, params (string Name, Handle Value)[] kwargs)
    {
        var method = rt.GetAttr(o, name);
        var kw = rt.Dict();
        foreach (var (key, value) in kwargs)
        {
            rt.SetItem(kw, rt.Str(key), value);
        }

        var tuple = rt.Tuple(args);
        return rt.Own(rt.Heap.Call(method.Ref().Ptr, tuple.Ref().Ptr, kw.Ref().Ptr));
    }

    /// <summary>The Python error <paramref name="action"/> raises, as CPython prints its last line ("TypeError: ...").</summary>
    public static string Error(Action action)
    {
        var e = Assert.Throws<PythonException>(action);
        return e.PythonMessage.Length == 0 ? e.TypeName : $"{e.TypeName}: {e.PythonMessage}";
    }

    /// <summary>The type name of an object (<c>type(o).__name__</c>).</summary>
    public static string TypeName(this Handle h) => h.Ref().Descriptor.Name;

    /// <summary>A list of small ints.</summary>
    public static Handle Ints(this Runtime rt, params long[] values) => rt.List([.. values.Select(v => rt.Int(v))]);
}
