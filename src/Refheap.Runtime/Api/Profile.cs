using Refheap.Memory;
using Refheap.Objects;
using Refheap.Weak;

namespace Refheap;

/// <summary>
/// Whose behaviour a <see cref="Runtime"/> reproduces. Every difference between the CPython
/// versions is one named property here; code asks the property, never the version.
/// </summary>
public sealed class Profile
{
    private Profile(string name, string pythonVersion)
    {
        Name = name;
        PythonVersion = pythonVersion;
    }

    /// <summary>CPython 2.7.18, the talk's Python.</summary>
    public static Profile Py27 { get; } = new("py27", "2.7.18")
    {
        Allocator = AllocatorLayout.Py27,
        SeparateIntAndFloatBlocks = true,
        FloatFreeListLimit = 0,
        InlineInstanceValues = false,
        LegacyFinalizers = true,
        ExceptionStateOutlivesExceptBlock = true,
        IntPromotesToLong = true,
        InsertionOrderedDicts = false,
        RecursionErrorName = "RuntimeError",
        ListGrowth = ListGrowthPolicy.Cpython27,
        CollectionClearsContainerFreeLists = false,
        FieldlessInstancesUntracked = true,
        OrdersUnrelatedTypes = true,
        BuiltinFunctionsWeakReferenceable = false,
        WeakModule = WeakModuleBehaviour.Py27,
        Layouts = BuiltinLayouts.Py27,
        Wording = ErrorWording.Cpython27,
        DebugCycleNeedsObjectsFlag = true,
        SimpleSliceMethods = true,
        ErrorsSetUnnormalized = true,
    };

    /// <summary>CPython 3.12.</summary>
    public static Profile Py312 { get; } = new("py312", "3.12.1")
    {
        Allocator = AllocatorLayout.Py312,
        SeparateIntAndFloatBlocks = false,
        FloatFreeListLimit = 100,
        InlineInstanceValues = true,
        LegacyFinalizers = false,
        ExceptionStateOutlivesExceptBlock = false,
        IntPromotesToLong = false,
        InsertionOrderedDicts = true,
        RecursionErrorName = "RecursionError",
        ListGrowth = ListGrowthPolicy.Cpython312,
        CollectionClearsContainerFreeLists = true,
        FieldlessInstancesUntracked = false,
        OrdersUnrelatedTypes = false,
        BuiltinFunctionsWeakReferenceable = true,
        WeakModule = WeakModuleBehaviour.Py312,
        Wording = ErrorWording.Cpython312,
        DebugCycleNeedsObjectsFlag = false,
        DictUnionOperators = true,
    };

    /// <summary>The profile's short name: <c>py27</c> or <c>py312</c>.</summary>
    public string Name { get; }

    /// <summary>The CPython version whose behaviour is reproduced.</summary>
    public string PythonVersion { get; }

    /// <summary>Arena, pool and size-class geometry of the small-object allocator.</summary>
    public required AllocatorLayout Allocator { get; init; }

    /// <summary>
    /// 2.7: ints and floats live in blocks of their own, reused only for ints/floats; a block
    /// is returned only when wholly free at a full collection (the talk's leak #2).
    /// </summary>
    public required bool SeparateIntAndFloatBlocks { get; init; }

    /// <summary>Floats kept on a free list for reuse (3.12: 100); 0 when floats use their own blocks.</summary>
    public required int FloatFreeListLimit { get; init; }

    /// <summary>3.12: instance attributes are stored inline; a dict object is made only when <c>__dict__</c> is asked for.</summary>
    public required bool InlineInstanceValues { get; init; }

    /// <summary>2.7: a cycle holding an object with <c>__del__</c> is never collected and goes to gc.garbage; 3.4+: PEP 442.</summary>
    public required bool LegacyFinalizers { get; init; }

    /// <summary>2.7: <c>sys.exc_info()</c> survives the except block until the frame ends.</summary>
    public required bool ExceptionStateOutlivesExceptBlock { get; init; }

    /// <summary>2.7: a machine <c>int</c> that promotes to an arbitrary-precision <c>long</c> on overflow.</summary>
    public required bool IntPromotesToLong { get; init; }

    /// <summary>3.7+: dicts iterate in insertion order; 2.7 iterates in hash-table order.</summary>
    public required bool InsertionOrderedDicts { get; init; }

    /// <summary>The exception raised at the recursion limit.</summary>
    public required string RecursionErrorName { get; init; }

    /// <summary>How a list over-allocates when it grows (visible in <c>sys.getsizeof</c>).</summary>
    public required ListGrowthPolicy ListGrowth { get; init; }

    /// <summary>
    /// Whether a full collection empties the list, dict and set free lists: 3.x's
    /// _PyGC_ClearAllFreeLists does; 2.7's clear_freelists keeps them (it empties the tuple,
    /// int, float, method, frame and C-function ones).
    /// </summary>
    public required bool CollectionClearsContainerFreeLists { get; init; }

    /// <summary>
    /// 2.7: a class whose instances can hold no field (<c>__slots__ = ()</c> over object) is
    /// not collectable, so its instances are never tracked; 3.x tracks every instance of a class.
    /// </summary>
    public required bool FieldlessInstancesUntracked { get; init; }

    /// <summary>
    /// 2.7: objects whose types define no ordering still compare (None first, then numbers,
    /// then by type name: default_3way_compare); 3.x raises TypeError.
    /// </summary>
    public required bool OrdersUnrelatedTypes { get; init; }

    /// <summary>Whether functions implemented in C# (builtin_function_or_method) can be weakly referenced: 3.x yes, 2.7 no.</summary>
    public required bool BuiltinFunctionsWeakReferenceable { get; init; }

    /// <summary>How the weakref module's Python-level parts (weak containers, finalize) behave in this version.</summary>
    internal WeakModuleBehaviour WeakModule { get; init; } = WeakModuleBehaviour.Py312;

    /// <summary>The sizes and layout choices of built-in types whose CPython structs differ between the versions.</summary>
    internal BuiltinLayouts Layouts { get; init; } = BuiltinLayouts.Py312;

    /// <summary>Whose wording error messages follow where the two CPythons word the same error differently.</summary>
    public required ErrorWording Wording { get; init; }

    /// <summary>2.7: DEBUG_COLLECTABLE/UNCOLLECTABLE print an object only when DEBUG_OBJECTS is set too; 3.x prints it always.</summary>
    public required bool DebugCycleNeedsObjectsFlag { get; init; }

    /// <summary>
    /// 2.7: <c>o[i:j]</c> without a step reaches a class's <c>__getslice__</c>,
    /// <c>__setslice__</c> and <c>__delslice__</c> (and a list subclass's list slicing); 3.x
    /// has no such methods and always passes a slice object.
    /// </summary>
    internal bool SimpleSliceMethods { get; init; }

    /// <summary>
    /// 2.7: an error C code sets with a message (PyErr_SetString, PyErr_Format) is kept as its
    /// type and text; the exception instance is made only when something looks at it, so an
    /// error cleared unseen allocates no object. 3.12 makes the instance at once.
    /// </summary>
    internal bool ErrorsSetUnnormalized { get; init; }

    /// <summary>3.9+: <c>d | e</c> makes a merged copy of two dicts and <c>d |= x</c> updates <c>d</c> in place (PEP 584); 2.7 has neither.</summary>
    internal bool DictUnionOperators { get; init; }

    /// <summary>Default collection thresholds (700, 10, 10) in both versions.</summary>
    public (int Gen0, int Gen1, int Gen2) DefaultThresholds => (700, 10, 10);

    /// <summary>Looks a profile up by name (<c>py27</c>, <c>py312</c>).</summary>
    /// <exception cref="ArgumentException">The name is not a known profile.</exception>
    public static Profile FromName(string name) => name switch
    {
        "py27" => Py27,
        "py312" => Py312,
        _ => throw new ArgumentException($"unknown profile '{name}' (expected py27 or py312)", nameof(name)),
    };

    /// <inheritdoc/>
    public override string ToString() => Name;
}
