namespace Refheap.Objects.Native.Instance;

internal sealed unsafe partial class InstanceType
{
    /// <summary>
    /// Whether the instance holds <paramref name="name"/> itself (its dict or inline values), so
    /// that it shadows a method of its class: what the evaluator's method call asks before it
    /// calls a class's function without a bound method. Null-safe for the error state: false.
    /// </summary>
    public bool HasOwnAttribute(PyObject* self, PyObject* name) => LookupInstance(self, name) != null;
}
