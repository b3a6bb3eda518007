namespace Refheap.Diagnostics.Cycles;

/// <summary>One step of a cycle's shape: an object's type and the name of its reference to the next object.</summary>
/// <param name="TypeName">The object's short type name (<c>Task</c>, <c>dict</c>).</param>
/// <param name="Label">The reference: an attribute name, <c>[*]</c> (dict value), <c>[i]</c> (list or tuple item), <c>__dict__</c>, <c>&lt;key&gt;</c>, <c>__class__</c>, or empty when unnamed.</param>
public readonly record struct CycleStep(string TypeName, string Label);
