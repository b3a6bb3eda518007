using BenchmarkDotNet.Attributes;
using Refheap.Cli.Bench;
using Refheap.Objects;

namespace Refheap.Benchmarks;

/// <summary>
/// The public C# API's cost on top of the heap's own work, per profile: single operations
/// through <see cref="Runtime"/> and <see cref="Handle"/> beside the same operation on the
/// internal <see cref="ObjectApi"/>, and one step of <c>refheap bench churn_weak</c> (make a
/// Task graph with weak back-references, store it by id, delete the oldest, count the live
/// Tasks). Each benchmark runs its calls in a batch (<see cref="Runtime.Enter"/>), as the churn does.
/// </summary>
public class ApiBenchmarks
{
    private const int Repeat = 64;
    private const int Window = 1_000;

    private Runtime _runtime = null!;
    private HandleScope _root;
    private TaskGraph _graph = null!;
    private Handle _task;
    private Handle _value;
    private Handle _live;
    private Name _name;
    private PyRef _taskRef;
    private PyRef _valueRef;
    private PyRef _nameRef;
    private long _next;

    /// <summary>The profile measured.</summary>
    [Params("py27", "py312")]
    public string Profile { get; set; } = "py27";

    /// <summary>A Task with a <c>name</c>, and a dict of <see cref="Window"/> Task graphs by id.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _runtime = new Runtime(Refheap.Profile.FromName(Profile));
        _root = _runtime.OpenScope();
        _graph = TaskGraph.Define(_runtime);
        _task = _runtime.Call(_graph.TaskClass);
        _value = _runtime.Int(1_000_000);
        _name = _runtime.Name("name");
        _task.SetAttr(_name, _value);
        _taskRef = _runtime.Resolve(_task);
        _valueRef = _runtime.Resolve(_value);
        _nameRef = _runtime.Api.InternedName("name");
        _live = _runtime.Dict();
        for (_next = 0; _next < Window; _next++)
        {
            using var scope = _runtime.OpenScope();
            _live[_runtime.Int(_next)] = _graph.MakeTask(_next, weak: true);
        }
    }

    /// <summary>Releases the runtime.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _root.Dispose();
        _runtime.Dispose();
    }

    /// <summary><c>task.name = v</c> through the API with the name as a string.</summary>
    [Benchmark(OperationsPerInvoke = Repeat)]
    public void SetAttrString()
    {
        using var gil = _runtime.Enter();
        for (var i = 0; i < Repeat; i++)
        {
            _task.SetAttr("name", _value);
        }
    }

    /// <summary><c>task.name = v</c> through the API with an interned <see cref="Name"/>.</summary>
    [Benchmark(OperationsPerInvoke = Repeat)]
    public void SetAttrName()
    {
        using var gil = _runtime.Enter();
        for (var i = 0; i < Repeat; i++)
        {
            _task.SetAttr(_name, _value);
        }
    }

    /// <summary><c>task.name = v</c> on the internal API: the heap's own cost.</summary>
    [Benchmark(OperationsPerInvoke = Repeat, Baseline = true)]
    public void SetAttrInternal()
    {
        using var gil = _runtime.Enter();
        for (var i = 0; i < Repeat; i++)
        {
            _runtime.Api.SetAttr(_taskRef, _nameRef, _valueRef);
        }
    }

    /// <summary><c>Int(3)</c> (a shared small int) as a handle, its scope closed after the batch.</summary>
    [Benchmark(OperationsPerInvoke = Repeat)]
    public void SmallIntHandle()
    {
        using var gil = _runtime.Enter();
        using var scope = _runtime.OpenScope();
        for (var i = 0; i < Repeat; i++)
        {
            _runtime.Int(3);
        }
    }

    /// <summary><c>Task()</c> through the API, freed when the scope closes.</summary>
    [Benchmark(OperationsPerInvoke = Repeat)]
    public void CallClass()
    {
        using var gil = _runtime.Enter();
        using var scope = _runtime.OpenScope();
        for (var i = 0; i < Repeat; i++)
        {
            _runtime.Call(_graph.TaskClass);
        }
    }

    /// <summary>One step of churn_weak through the API, as ChurnWorkload runs it.</summary>
    [Benchmark]
    public long ChurnWeakStep()
    {
        using var gil = _runtime.Enter();
        var rt = _runtime;
        using var scope = rt.OpenScope();
        var i = _next++;
        _live[rt.Int(i)] = _graph.MakeTask(i, weak: true);
        rt.DelItem(_live, rt.Int(i - Window));
        return rt.LiveInstances(_graph.TaskClass);
    }
}
