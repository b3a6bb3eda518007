namespace Refheap.Objects;

/// <summary>The module a built-in function names (its <c>__module__</c>).</summary>
internal sealed unsafe partial class ObjectApi
{
    /// <summary>
    /// Names the module <paramref name="function"/> (borrowed) belongs to, its <c>__module__</c>,
    /// when it is a plain <c>builtin_function_or_method</c> (bound to nothing, no type's method)
    /// that names none yet; true if it was named. Anything else is left alone.
    /// </summary>
    public bool NameFunctionModule(PyRef function, string module) =>
        Heap.Types.NativeFunction.IsNativeFunction(function.Ptr) && Heap.Types.NativeFunction.TryNameModule(function.Ptr, module);

    /// <summary>
    /// Names <paramref name="module"/> as the module of every plain built-in function among the
    /// values of <paramref name="dict"/> (a module's dict, borrowed) that names none yet
    /// (<see cref="NameFunctionModule"/>): a module's functions name it, as CPython's do.
    /// </summary>
    public void NameModuleFunctions(PyRef dict, string module)
    {
        nint pos = 0;
        while (Heap.Types.Dict.Next(dict.Ptr, ref pos, out _, out var value))
        {
            NameFunctionModule(new PyRef(value), module);
        }
    }
}
