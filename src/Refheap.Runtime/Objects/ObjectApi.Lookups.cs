namespace Refheap.Objects;

/// <summary>Attribute probes of the builtins and the evaluator that swallow a missing attribute.</summary>
internal sealed unsafe partial class ObjectApi
{
    /// <summary>
    /// <c>getattr(o, name)</c> that swallows a missing attribute (_PyObject_LookupAttr): 1 with
    /// <paramref name="result"/> the value (new reference), 0 when missing (no error set, and
    /// no exception object made for it), -1 with another error set.
    /// </summary>
    public int LookupAttr(PyRef o, PyRef name, out PyRef result) => Heap.LookupAttr(o.Ptr, name.Ptr, out result);
}
