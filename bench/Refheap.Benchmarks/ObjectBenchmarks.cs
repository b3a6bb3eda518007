using BenchmarkDotNet.Attributes;
using Refheap.Objects;

namespace Refheap.Benchmarks;

/// <summary>
/// The object fast paths the Python front end will stand on, through the internal reference
/// API, per profile: incref/decref, dict insert and lookup, attribute get and set on an
/// instance. Operations are repeated <see cref="Repeat"/> times per invocation so that each
/// figure is per operation.
/// </summary>
public unsafe class ObjectBenchmarks
{
    private const int Repeat = 64;

    private Runtime _runtime = null!;
    private ObjectApi _api = null!;
    private Heap _heap = null!;
    private PyRef _list;
    private PyRef _dict;
    private PyRef _strKey;
    private PyRef _intKey;
    private PyRef _newKey;
    private PyRef _value;
    private PyRef _task;
    private PyRef _name;

    /// <summary>The profile measured.</summary>
    [Params("py27", "py312")]
    public string Profile { get; set; } = "py27";

    /// <summary>A list, a dict of 1,000 str and int keys, an instance of a class with two attributes.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _runtime = new Runtime(Refheap.Profile.FromName(Profile));
        _api = _runtime.Api;
        _heap = _api.Heap;
        _list = _heap.NewList();
        _dict = _heap.NewDict();
        _value = _heap.NewInt(1_000_000);
        for (var i = 0; i < 500; i++)
        {
            var s = _heap.NewString("key" + i);
            var n = _heap.NewInt(i);
            _api.SetItem(_dict, s, _value);
            _api.SetItem(_dict, n, _value);
            s.DecRef();
            n.DecRef();
        }

        _strKey = _heap.InternString("key250");
        _intKey = _heap.NewInt(250);
        _newKey = _heap.InternString("not a key yet");
        var taskClass = _api.DefineClass("Task", [], [], "__main__");
        _task = _api.Call(taskClass, []);
        taskClass.DecRef();
        _name = _heap.InternString("name");
        _api.SetAttr(_task, _name, _value);
        _api.SetAttr(_task, _heap.InternString("number"), _value);
    }

    /// <summary>Releases the runtime.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _task.DecRef();
        _intKey.DecRef();
        _value.DecRef();
        _dict.DecRef();
        _list.DecRef();
        _runtime.Dispose();
    }

    /// <summary><c>Py_INCREF</c> then <c>Py_DECREF</c> of a live object (the count never reaches zero).</summary>
    [Benchmark(OperationsPerInvoke = Repeat)]
    public void IncRefDecRef()
    {
        var o = _list;
        for (var i = 0; i < Repeat; i++)
        {
            o.IncRef();
            o.DecRef();
        }
    }

    /// <summary><c>d["key250"]</c> in a dict of 1,000 keys (an interned str key: identity hits first).</summary>
    [Benchmark(OperationsPerInvoke = Repeat)]
    public void DictLookupStrKey()
    {
        for (var i = 0; i < Repeat; i++)
        {
            _api.GetItem(_dict, _strKey).DecRef();
        }
    }

    /// <summary><c>d[250]</c> in the same dict (an int key compared by value).</summary>
    [Benchmark(OperationsPerInvoke = Repeat)]
    public void DictLookupIntKey()
    {
        for (var i = 0; i < Repeat; i++)
        {
            _api.GetItem(_dict, _intKey).DecRef();
        }
    }

    /// <summary><c>d[k] = v; del d[k]</c> with a key not in the dict: one insert and one delete.</summary>
    [Benchmark(OperationsPerInvoke = Repeat)]
    public void DictInsertDelete()
    {
        for (var i = 0; i < Repeat; i++)
        {
            _api.SetItem(_dict, _newKey, _value);
            _api.SetItem(_dict, _newKey, PyRef.Null);
        }
    }

    /// <summary><c>d["key250"] = v</c>: replacing the value of a key that is there.</summary>
    [Benchmark(OperationsPerInvoke = Repeat)]
    public void DictReplaceValue()
    {
        for (var i = 0; i < Repeat; i++)
        {
            _api.SetItem(_dict, _strKey, _value);
        }
    }

    /// <summary><c>task.name</c> on an instance (py27: from its __dict__; py312: inline values).</summary>
    [Benchmark(OperationsPerInvoke = Repeat)]
    public void InstanceGetAttr()
    {
        for (var i = 0; i < Repeat; i++)
        {
            _heap.GetAttr(_task.Ptr, _name.Ptr).DecRef();
        }
    }

    /// <summary><c>task.name = v</c> on an instance that has the attribute.</summary>
    [Benchmark(OperationsPerInvoke = Repeat)]
    public void InstanceSetAttr()
    {
        for (var i = 0; i < Repeat; i++)
        {
            _api.SetAttr(_task, _name, _value);
        }
    }
}
