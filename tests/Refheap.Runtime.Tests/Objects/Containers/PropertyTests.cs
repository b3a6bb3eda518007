using CsCheck;
using Refheap.Objects;
using Refheap.Objects.Native.Str;

namespace Refheap.RuntimeTests.Objects.Containers;

/// <summary>Random insert / delete / lookup / copy sequences, checked against .NET collections.</summary>
/// <remarks>
/// Seeded by CsCheck; a failure prints the seed to replay (<c>CsCheck_Seed=...</c>). Run longer
/// with e.g. <c>CsCheck_Iter=5000 dotnet test --filter FullyQualifiedName~Containers.PropertyTests</c>.
/// Keys are small ints and strs, so that collisions, deletions and reinsertions are frequent.
/// py312 dicts are also checked for insertion order.
/// </remarks>
public sealed unsafe class PropertyTests
{
    private static readonly Gen<(int Op, int Key, bool IsStr)[]> s_operations =
        Gen.Select(Gen.Int[0, 19], Gen.Int[-40, 300], Gen.Bool).Array[0, 400];

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void DictMatchesADictionaryModel(string profile) => s_operations.Sample(ops => RunDict(profile, ops));

    [Theory]
    [InlineData("py27")]
    [InlineData("py312")]
    public void SetMatchesAHashSetModel(string profile) => s_operations.Sample(ops => RunSet(profile, ops));

    private static void RunDict(string profile, (int Op, int Key, bool IsStr)[] ops)
    {
        using var h = new ContainerHeap(profile);
        var d = h.Check(h.Dicts.New());
        var model = new Dictionary<object, long>();
        var order = new List<object>();
        for (var i = 0; i < ops.Length; i++)
        {
            var (op, k, isStr) = ops[i];
            object modelKey = isStr ? $"s{k}" : (long)k;
            var key = h.Check(isStr ? h.Heap.NewString($"s{k}") : h.Heap.NewInt(k));
            if (op < 9)
            {
                var value = h.Check(h.Heap.NewInt(i));
                Assert.Equal(0, h.Dicts.SetItem(d.Ptr, key.Ptr, value.Ptr));
                value.DecRef();
                if (!model.ContainsKey(modelKey))
                {
                    order.Add(modelKey);
                }

                model[modelKey] = i;
            }
            else if (op < 15)
            {
                var r = h.Dicts.DelItem(d.Ptr, key.Ptr);
                if (model.Remove(modelKey))
                {
                    Assert.Equal(0, r);
                    order.Remove(modelKey);
                }
                else
                {
                    Assert.Equal(-1, r);
                    Assert.StartsWith("KeyError: ", h.TakeError());
                }
            }
            else if (op < 19)
            {
                var v = h.Dicts.GetItem(d.Ptr, key.Ptr);
                Assert.False(h.Heap.ErrorOccurred);
                if (model.TryGetValue(modelKey, out var expected))
                {
                    Assert.True(v != null && h.Heap.TryAsLong(v, out var actual) && actual == expected);
                }
                else
                {
                    Assert.True(v == null);
                }
            }
            else
            {
                var copy = h.Check(h.Dicts.Copy(d.Ptr));
                d.DecRef();
                d = copy;
            }

            key.DecRef();
            Assert.Equal(model.Count, h.Dicts.Count(d.Ptr));
        }

        var seen = new List<object>();
        nint pos = 0;
        while (h.Dicts.Next(d.Ptr, ref pos, out var key, out var value))
        {
            var modelKey = KeyOf(h, key);
            Assert.True(h.Heap.TryAsLong(value, out var v));
            Assert.Equal(model[modelKey], v);
            seen.Add(modelKey);
        }

        Assert.Equal(model.Count, seen.Count);
        if (profile == "py312")
        {
            Assert.Equal(order, seen);
        }

        d.DecRef();
        h.AssertBackToStart();
    }

    private static void RunSet(string profile, (int Op, int Key, bool IsStr)[] ops)
    {
        using var h = new ContainerHeap(profile);
        var s = h.Check(h.Sets.New(null));
        var model = new HashSet<object>();
        foreach (var (op, k, isStr) in ops)
        {
            object modelKey = isStr ? $"s{k}" : (long)k;
            var key = h.Check(isStr ? h.Heap.NewString($"s{k}") : h.Heap.NewInt(k));
            if (op < 9)
            {
                Assert.Equal(0, h.Sets.Add(s.Ptr, key.Ptr));
                model.Add(modelKey);
            }
            else if (op < 15)
            {
                Assert.Equal(model.Remove(modelKey) ? 1 : 0, h.Sets.Discard(s.Ptr, key.Ptr));
            }
            else if (op < 19)
            {
                Assert.Equal(model.Contains(modelKey) ? 1 : 0, h.Sets.Contains(s.Ptr, key.Ptr));
            }
            else
            {
                var copy = h.Check(h.Sets.New(s.Ptr));
                s.DecRef();
                s = copy;
            }

            key.DecRef();
            Assert.Equal(model.Count, h.Sets.Count(s.Ptr));
        }

        var seen = new HashSet<object>();
        nint pos = 0;
        while (h.Sets.Next(s.Ptr, ref pos, out var key))
        {
            Assert.True(seen.Add(KeyOf(h, key)));
        }

        Assert.True(model.SetEquals(seen));
        s.DecRef();
        h.AssertBackToStart();
    }

    private static object KeyOf(ContainerHeap h, PyObject* key)
    {
        if (key->Type == h.Heap.Types.Str.TypeObject)
        {
            return StrType.AsString(key);
        }

        Assert.True(h.Heap.TryAsLong(key, out var k));
        return k;
    }
}
