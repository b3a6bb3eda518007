using Refheap.Objects.Native.Instance;

namespace Refheap.Objects;

/// <summary>The evaluator's short cut for 2.7's call of a plain class (see <see cref="BoundClassInit"/>).</summary>
internal sealed unsafe partial class ObjectApi
{
    /// <summary>
    /// 2.7: for a plain class (<see cref="PlainClassInit"/>) whose instances the object base
    /// makes (no built-in base with its own construction, as a frozenset's), its <c>__init__</c>
    /// when that is a Python function (borrowed), which the evaluator then runs as CPython 2.7's
    /// slot_tp_init does — bound to the new instance — without the runtime's generic call
    /// protocol in between. Null, without an error, for any other callable.
    /// </summary>
    public PyRef BoundClassInit(PyRef callable)
    {
        var init = PlainClassInit(callable, out _);
        return !init.IsNull && ((InstanceType)((PyTypeObject*)callable.Ptr)->Descriptor).Layout.SolidBaseIsObject ? init : PyRef.Null;
    }
}
