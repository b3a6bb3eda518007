using BenchmarkDotNet.Attributes;
using Refheap.Objects;

namespace Refheap.Benchmarks;

/// <summary>
/// The allocator and object fast paths through the internal reference API, per profile:
/// allocate+free of a small object (<c>object()</c>) and create+drop of an instance with two
/// attributes. bench/cpython/alloc_pairs.py measures the same loops on CPython.
/// </summary>
[MemoryDiagnoser]
public class AllocationBenchmarks
{
    private Runtime _runtime = null!;
    private ObjectApi _api = null!;
    private PyRef _objectType;
    private PyRef _taskClass;
    private PyRef _name;
    private PyRef _number;
    private PyRef _one;

    /// <summary>The profile measured.</summary>
    [Params("py27", "py312")]
    public string Profile { get; set; } = "py27";

    /// <summary>Makes the runtime and the Task class.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _runtime = new Runtime(Refheap.Profile.FromName(Profile));
        _api = _runtime.Api;
        var heap = _api.Heap;
        _objectType = heap.TypeObjectOf(heap.Types.Object);
        _taskClass = _api.DefineClass("Task", [], [], "__main__");
        _name = heap.InternString("name");
        _number = heap.InternString("number");
        _one = heap.NewInt(1);
    }

    /// <summary>Releases the runtime.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _one.DecRef();
        _taskClass.DecRef();
        _runtime.Dispose();
    }

    /// <summary><c>object()</c> then drop it: one small block allocated and freed.</summary>
    [Benchmark]
    public void SmallObjectAllocFree() => _api.Call(_objectType, []).DecRef();

    /// <summary><c>t = Task(); t.name = 1; t.number = 1; del t</c>.</summary>
    [Benchmark]
    public void InstanceCreateDropTwoAttributes()
    {
        var t = _api.Call(_taskClass, []);
        _api.SetAttr(t, _name, _one);
        _api.SetAttr(t, _number, _one);
        t.DecRef();
    }
}
