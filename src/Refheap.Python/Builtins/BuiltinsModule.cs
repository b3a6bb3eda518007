using Refheap.Objects;

namespace Refheap.Python.Builtins;

/// <summary>
/// The builtin functions of one program (bltinmodule.c), written over the
/// <see cref="ObjectApi"/> facade with CPython's reference conventions: each body gets its
/// arguments borrowed and returns a new reference, or null with the heap's error set. Split
/// by concern: objects and attributes, numbers, iteration, printing.
/// </summary>
internal sealed partial class BuiltinsModule
{
    private readonly ObjectApi _api;
    private readonly BuiltinsHost _host;

    /// <summary>Creates the module's functions for a program.</summary>
    public BuiltinsModule(ObjectApi api, BuiltinsHost host)
    {
        _api = api;
        _host = host;
        Behaviour = BuiltinsBehaviour.Of(host.Dialect);
    }

    /// <summary>The dialect's behaviour.</summary>
    public BuiltinsBehaviour Behaviour { get; }

    /// <summary>Every builtin function of the dialect, by name.</summary>
    public IEnumerable<(string Name, Func<PyRef, PyRef, PyRef> Body)> Functions()
    {
        var b = Behaviour;
        yield return ("print", Print);
        yield return ("len", Len);
        yield return ("repr", Repr);
        yield return ("id", Id);
        yield return ("hash", Hash);
        yield return ("callable", Callable);
        yield return ("isinstance", IsInstance);
        yield return ("issubclass", IsSubclass);
        yield return ("getattr", GetAttr);
        yield return ("hasattr", HasAttr);
        yield return ("setattr", SetAttr);
        yield return ("delattr", DelAttr);
        yield return ("vars", Vars);
        yield return ("dir", Dir);
        yield return ("format", Format);
        yield return ("abs", Abs);
        yield return ("divmod", DivMod);
        yield return ("round", Round);
        yield return ("pow", Pow);
        yield return ("chr", Chr);
        yield return ("ord", Ord);
        yield return ("hex", (a, k) => IntegerText(a, k, "hex"));
        yield return ("oct", (a, k) => IntegerText(a, k, "oct"));
        yield return ("bin", (a, k) => IntegerText(a, k, "bin"));
        yield return ("iter", Iter);
        yield return ("next", Next);
        yield return ("any", (a, k) => AnyAll(a, k, "any"));
        yield return ("all", (a, k) => AnyAll(a, k, "all"));
        yield return ("sum", Sum);
        yield return ("min", (a, k) => MinMax(a, k, "min"));
        yield return ("max", (a, k) => MinMax(a, k, "max"));
        yield return ("sorted", Sorted);
        if (b.Ascii)
        {
            yield return ("ascii", Ascii);
        }

        if (b.RangeReturnsList)
        {
            yield return ("range", (a, k) => _api.RangeList(a, k));
        }

        if (b.Python2Names)
        {
            yield return ("unichr", UniChr);
            yield return ("cmp", Cmp);
            yield return ("intern", (a, k) => Modules.SysModule.Intern(_api, py27: true, a, k));
        }

        if (b.FunctionalBuiltinsReturnLists)
        {
            yield return ("map", MapList);
            yield return ("filter", FilterList);
            yield return ("zip", ZipList);
        }
    }
}
