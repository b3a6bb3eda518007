using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Refheap.Objects;
using Refheap.Objects.Native.Dict;
using Refheap.Objects.Native.Set;

namespace Refheap.RuntimeTests.Objects.Containers;

/// <summary>
/// A heap for container tests (debug allocator on) with helpers to make keys, run the
/// operation strings of <see cref="CpythonOrderCases"/>, and check that everything is released.
/// </summary>
/// <remarks>
/// Objects made through <see cref="Own"/> are released by <see cref="Dispose"/>, or earlier by
/// <see cref="AssertBackToStart"/>, which also empties the free lists (as a full collection
/// does) and checks the allocator holds exactly the bytes it held at the start.
/// </remarks>
internal sealed unsafe class ContainerHeap : IDisposable
{
    private readonly List<PyRef> _owned = [];
    private readonly long _startBytes;

    /// <summary>
    /// A heap for <paramref name="profile"/>. <paramref name="warmUp"/> runs before the starting
    /// bytes are taken: it makes what the heap keeps for ever (interned strs, 2.7's empty
    /// frozenset), as CPython keeps them too.
    /// </summary>
    public ContainerHeap(string profile, Action<Heap>? warmUp = null)
    {
        Heap = new Heap(Profile.FromName(profile), new RuntimeOptions { DebugAllocator = true });
        warmUp?.Invoke(Heap);
        Heap.FreeLists.ClearAll();
        _startBytes = Heap.Allocator.BytesInUse;
    }

    public Heap Heap { get; }

    public DictType Dicts => Heap.Types.Dict;

    public SetType Sets => Heap.Types.Set;

    public SetType FrozenSets => Heap.Types.FrozenSet;

    /// <summary>Keeps a new reference for release at the end; throws the Python error when it is null.</summary>
    public PyRef Own(PyRef r)
    {
        if (r.IsNull)
        {
            throw Heap.TakeErrorAsException();
        }

        _owned.Add(r);
        return r;
    }

    public PyRef Int(long value) => Own(Heap.NewInt(value));

    public PyRef Str(string value) => Own(Heap.NewString(value));

    public PyRef List(params PyRef[] items) => Own(Heap.NewList(items));

    public PyRef Tuple(params PyRef[] items) => Own(Heap.NewTuple(items));

    public PyRef Dict() => Own(Dicts.New());

    /// <summary>A key from an operation string: an int literal or a single-quoted str (a new reference).</summary>
    public PyRef NewKey(string literal) =>
        literal.StartsWith('\'') ? Heap.NewString(literal.AsSpan(1, literal.Length - 2)) : Heap.NewInt(long.Parse(literal, CultureInfo.InvariantCulture));

    /// <summary>repr(o) as text.</summary>
    public string Repr(PyRef o) => Heap.ReprString(o.Ptr);

    /// <summary>The pending error as CPython prints it ("KeyError: 3"), taken out of the indicator.</summary>
    public string TakeError()
    {
        Assert.True(Heap.ErrorOccurred, "an error was expected");
        var e = Heap.TakeErrorAsException();
        return e.PythonMessage.Length == 0 ? e.TypeName : $"{e.TypeName}: {e.PythonMessage}";
    }

    /// <summary>
    /// Runs an operation string (see cpython_oracle.py) on a new dict or set and returns it
    /// (owned by the caller).
    /// </summary>
    public PyRef Run(string kind, string ops)
    {
        var isDict = kind == "dict";
        var c = isDict ? Dicts.New() : Sets.New(null);
        foreach (var op in ops.Split(' '))
        {
            if (op == "copy")
            {
                var copy = isDict ? Dicts.Copy(c.Ptr) : Sets.New(c.Ptr);
                c.DecRef();
                c = Check(copy);
                continue;
            }

            if (op == "clear")
            {
                if (isDict)
                {
                    Dicts.ClearContents(c.Ptr);
                }
                else
                {
                    Sets.ClearContents(c.Ptr);
                }

                continue;
            }

            var verb = op[0];
            var parts = op[2..].Split(':');
            IEnumerable<string> keys = parts.Length == 1
                ? [parts[0]]
                : parts[0].StartsWith('\'')
                    ? Enumerable.Range(int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture) - int.Parse(parts[1], CultureInfo.InvariantCulture))
                        .Select(k => $"'{parts[0][1..^1]}{k}'")
                    : Range(long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture));
            foreach (var literal in keys)
            {
                var key = Check(NewKey(literal));
                var r = (verb, isDict) switch
                {
                    ('s', true) => Dicts.SetItem(c.Ptr, key.Ptr, key.Ptr),
                    ('d', true) => Dicts.DelItem(c.Ptr, key.Ptr),
                    ('s', false) => Sets.Add(c.Ptr, key.Ptr),
                    _ => Sets.Discard(c.Ptr, key.Ptr),
                };
                key.DecRef();
                if (r < 0)
                {
                    throw Heap.TakeErrorAsException();
                }
            }
        }

        return c;
    }

    private static IEnumerable<string> Range(long start, long stop, long step)
    {
        for (var k = start; k < stop; k += step)
        {
            yield return k.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The form an expectation of CpythonOrderCases takes: the text, or "#length:sha256-prefix:first 100 chars" when long.</summary>
    public static string Abbreviate(string text)
    {
        if (text.Length <= 2000)
        {
            return text;
        }

        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        return $"#{text.Length}:{digest}:{text[..100]}";
    }

    public PyRef Check(PyRef r)
    {
        if (r.IsNull)
        {
            throw Heap.TakeErrorAsException();
        }

        return r;
    }

    /// <summary>Releases the owned objects, empties the free lists, and checks the allocator is back to its starting bytes.</summary>
    public void AssertBackToStart() => AssertBackToStartAfter(null);

    /// <summary><see cref="AssertBackToStart"/>, running <paramref name="afterRelease"/> once the owned objects are gone.</summary>
    public void AssertBackToStartAfter(Action? afterRelease)
    {
        Release();
        afterRelease?.Invoke();
        Assert.False(Heap.ErrorOccurred);
        Heap.FreeLists.ClearAll();
        Assert.Equal(_startBytes, Heap.Allocator.BytesInUse);
    }

    private void Release()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].DecRef();
        }

        _owned.Clear();
    }

    public void Dispose()
    {
        Release();
        Heap.Dispose();
    }
}
