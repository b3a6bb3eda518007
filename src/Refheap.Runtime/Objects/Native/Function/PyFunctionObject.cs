using System.Runtime.InteropServices;

namespace Refheap.Objects.Native.Function;

/// <summary>
/// A function defined in Python.
/// <code>
///  0 RefCount, Type   16 Code    24 Globals (dict)   32 Defaults (tuple or null)
/// 40 KwDefaults (dict or null)   48 Closure (tuple of cells or null)   56 Name (str)
/// 64 QualName (str)   72 Module (or null)   80 Doc   88 Dict (or null)   96 WeakList
/// </code>
/// Every slot but the weak list holds an owned reference or null.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PyFunctionObject
{
    /// <summary>Reference count and type.</summary>
    public PyObject Base;

    /// <summary>The code object.</summary>
    public PyObject* Code;

    /// <summary>The module's globals (a dict).</summary>
    public PyObject* Globals;

    /// <summary>Default values of the last positional parameters (a tuple), or null.</summary>
    public PyObject* Defaults;

    /// <summary>Default values of keyword-only parameters (a dict), or null.</summary>
    public PyObject* KwDefaults;

    /// <summary>The cells of the free variables (a tuple), or null.</summary>
    public PyObject* Closure;

    /// <summary><c>__name__</c>.</summary>
    public PyObject* Name;

    /// <summary><c>__qualname__</c>.</summary>
    public PyObject* QualName;

    /// <summary><c>__module__</c>, or null.</summary>
    public PyObject* Module;

    /// <summary><c>__doc__</c>, or null (None).</summary>
    public PyObject* Doc;

    /// <summary>The function's attribute dict, made on first store.</summary>
    public PyObject* Dict;

    /// <summary>Head of the weak references to this function.</summary>
    public PyObject* WeakList;
}
