using BenchmarkDotNet.Attributes;
using Refheap.Memory;

namespace Refheap.Benchmarks;

/// <summary>
/// The allocator's fast path alone, per profile: <see cref="HeapAllocator.Allocate"/> then
/// <see cref="HeapAllocator.Free"/> of one small block (the pool of its size class is in use,
/// so neither call leaves the pool's free list). No object is made: this is pymalloc's
/// <c>PyObject_Malloc</c>/<c>PyObject_Free</c> pair.
/// </summary>
public unsafe class AllocatorBenchmarks
{
    private Runtime _runtime = null!;
    private HeapAllocator _allocator = null!;
    private void* _keep;

    /// <summary>The profile measured (its pool and alignment geometry).</summary>
    [Params("py27", "py312")]
    public string Profile { get; set; } = "py27";

    /// <summary>Makes the runtime and keeps one block of each size used so their pools stay in use.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _runtime = new Runtime(Refheap.Profile.FromName(Profile));
        _allocator = _runtime.Heap.Allocator;
        _keep = _allocator.Allocate(32, BlockKind.Buffer);
    }

    /// <summary>Releases the runtime.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _allocator.Free(_keep, 32, BlockKind.Buffer);
        _runtime.Dispose();
    }

    /// <summary>A 32-byte buffer (a small item array): allocate, free.</summary>
    [Benchmark]
    public void SmallBufferAllocateFree() => _allocator.Free(_allocator.Allocate(32, BlockKind.Buffer), 32, BlockKind.Buffer);

    /// <summary>A 64-byte block for a tracked object (GC header included; its object-start bit set and cleared): allocate, free.</summary>
    [Benchmark]
    public void GcObjectBlockAllocateFree() => _allocator.Free(_allocator.Allocate(64, BlockKind.GcObject), 64, BlockKind.GcObject);
}
