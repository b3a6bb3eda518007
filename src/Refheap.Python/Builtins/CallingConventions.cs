using Refheap.Objects.Native.Function;

namespace Refheap.Python.Builtins;

/// <summary>
/// Which builtin and built-in module functions CPython calls without an argument tuple, per
/// profile. The tuple is observable: after a full collection empties the tuple free lists, a
/// call that makes one counts +1 in <c>gc.get_count()</c>. 2.7 passes the argument where it is
/// only to METH_O and METH_NOARGS functions; 3.12 to every function but the METH_VARARGS ones
/// (METH_O, METH_NOARGS and METH_FASTCALL: the vectorcall protocol), which also takes keyword
/// arguments without a dict (METH_FASTCALL | METH_KEYWORDS). Checked on CPython 2.7.18
/// and 3.12.1 by counting the allocations of each call with the tuple free lists empty and full.
/// </summary>
internal static class CallingConventions
{
    // 2.7's METH_O functions (bltinmodule.c, gcmodule.c, sysmodule.c, _weakref.c); every other one takes a tuple.
    private static readonly HashSet<string> s_py27Vector =
    [
        "abs", "all", "any", "bin", "callable", "hash", "hex", "id", "len", "oct", "ord", "repr",
        "gc.is_tracked", "sys.getrefcount", "weakref.getweakrefcount", "weakref.getweakrefs",
    ];

    // 3.12's METH_VARARGS functions; every other one is called with the vectorcall protocol.
    private static readonly HashSet<string> s_py312Tuple =
    [
        "min", "max",
        "gc.get_referrers", "gc.get_referents", "gc.set_threshold", "sys.getsizeof",
        "weakref.proxy", "functools.reduce",
    ];

    /// <summary>
    /// How CPython calls <paramref name="name"/> (a builtin's name, or <c>module.function</c>)
    /// in the profile (<paramref name="py27"/>: 2.7, else 3.12): without an argument tuple,
    /// with one, or (3.12's <c>print</c>, whose Argument Clinic code packs its <c>*args</c>
    /// into a tuple) with a tuple but no keyword dict.
    /// </summary>
    public static NativeCallKind Of(string name, bool py27) =>
        py27 ? (s_py27Vector.Contains(name) ? NativeCallKind.Vector : NativeCallKind.Tuple)
        : name == "print" ? NativeCallKind.PackedArgs
        : s_py312Tuple.Contains(name) ? NativeCallKind.Tuple
        : NativeCallKind.Vector;
}
